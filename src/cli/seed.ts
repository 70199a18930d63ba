import { parseArgs } from 'node:util';
import type { Config } from '../core/config/config.ts';
import { closeContext, createContext } from '../core/create-context.ts';
import { formatDemoAccounts, isSeeded, seedDemo, seedEmpty } from '../core/seed/demo.ts';

export async function runSeed(config: Config, argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { empty: { type: 'boolean', default: false }, name: { type: 'string' } } });
  const ctx = await createContext(config);
  try {
    if (await isSeeded(ctx)) {
      console.error('This database is already seeded; seeding again would duplicate data. Start from an empty data dir or database.');
      return 1;
    }
    if (values.empty) {
      await seedEmpty(ctx, values.name);
      console.log(`Seeded an empty city${values.name ? ` named ${values.name}` : ''}. Create an administrator with: dezvolt create-admin --email ... --name ...`);
    } else {
      console.log(formatDemoAccounts(await seedDemo(ctx)));
    }
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
