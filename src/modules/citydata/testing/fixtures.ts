// Fixtures for the city data tests: device groups with their clear-text key, Smart Data Models
// example payloads from shared/, and entities placed inside the demo city.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../../core/context.ts';
import { unique } from '../../../core/testing/factories.ts';
import { createGroup } from '../commands/groups.ts';
import { sharedDir } from '../../../core/testing/shared-dir.ts';

export async function makeGroup(ctx: AppContext, opts: { type?: string; departmentId?: number | null; public?: boolean } = {}): Promise<{ id: number; apiKey: string }> {
  const out = await createGroup(ctx.database, {
    name: unique('Grup '),
    entityType: opts.type ?? 'WasteContainer',
    departmentId: opts.departmentId ?? null,
    public: opts.public ?? true,
    staleAfterMinutes: 60,
  });
  if (out.kind !== 'created') throw new Error(JSON.stringify(out.errors));
  return { id: out.id, apiKey: out.apiKey };
}

/** A Smart Data Models example payload (shared/smart-data-models/<name>), parsed. */
export function sdmExample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(sharedDir('smart-data-models'), name), 'utf8')) as Record<string, unknown>;
}

/** A point in Cluj-Napoca's centre, shifted a little per call so entities do not overlap. */
let shift = 0;
export function clujPoint(): [number, number] {
  shift++;
  return [23.5895 + (shift % 50) * 0.0004, 46.7701 + Math.floor(shift / 50) * 0.0004];
}
