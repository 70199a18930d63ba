// Test helper run as its own process before `dezvolt start`: opens DEZVOLT_DATA_DIR (migrating it),
// registers a device group with `DEVICES` waste containers, prints {"apiKey": …} and exits.
import { loadConfig } from '../../../core/config/config.ts';
import { closeContext, createContext } from '../../../core/create-context.ts';
import { createGroup } from '../commands/groups.ts';
import { createEntity } from '../store/entities.ts';
import { fromKeyValues } from '../ngsi/entity-format.ts';

const ctx = await createContext(loadConfig());
try {
  const group = await createGroup(ctx.database, { name: 'Durabilitate', entityType: 'WasteContainer', departmentId: null, public: true, staleAfterMinutes: 60 });
  if (group.kind !== 'created') throw new Error('group not created');
  const devices = Number(process.env.DEVICES ?? 4);
  for (let i = 0; i < devices; i++) {
    const kv = { type: 'WasteContainer', name: `bin-${i}`, fillingLevel: 0, location: { type: 'Point', coordinates: [23.59 + i * 0.001, 46.77] } };
    await ctx.database.transaction((tx) =>
      createEntity(ctx, tx, { id: `urn:ngsi-ld:WasteContainer:durability:bin-${i}`, type: 'WasteContainer', attrs: fromKeyValues(kv) as never }, { groupId: group.id, departmentId: null, public: true }),
    );
  }
  process.stdout.write(`${JSON.stringify({ apiKey: group.apiKey })}\n`);
} finally {
  await closeContext(ctx);
}
