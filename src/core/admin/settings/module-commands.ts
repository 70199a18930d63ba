// Saving the module settings form: each section whose values changed is written to its settings
// row with an audit row, all in one transaction. Secrets never reach the audit log.
import type { AppContext } from '../../context.ts';
import { recordAudit } from '../audit/record.ts';
import type { SettingsSection } from './module-fields.ts';

export interface SectionChange {
  section: SettingsSection;
  value: Record<string, unknown>;
}

/** The stored value of each section, its defaults filled in (what the modules themselves read). */
export async function loadSections(ctx: AppContext, sections: SettingsSection[]): Promise<Map<string, Record<string, unknown>>> {
  const values = await Promise.all(sections.map((s) => ctx.settings.get<Record<string, unknown>>(s.key, s.defaults)));
  return new Map(sections.map((s, i) => [s.id, values[i]!]));
}

/** Secrets as whether one is set and, after a save, whether it is a new one. */
function redacted(section: SettingsSection, value: Record<string, unknown>, previous?: Record<string, unknown>): Record<string, unknown> {
  const out = { ...value };
  for (const f of section.fields) {
    if (f.kind !== 'secret') continue;
    const v = value[f.property];
    out[f.property] = !v ? '' : previous && v !== previous[f.property] ? '(new)' : '(set)';
  }
  return out;
}

export async function saveModuleSettings(ctx: AppContext, actorId: string, changes: SectionChange[]): Promise<{ kind: 'saved'; changed: string[] }> {
  const changed: SectionChange[] = [];
  await ctx.database.transaction(async (tx) => {
    for (const c of changes) {
      const [row] = await tx.query<{ value: Record<string, unknown> | null }>('select value from settings where key = $1 for update', [c.section.key]);
      const before = { ...c.section.defaults, ...(row?.value ?? {}) };
      if (JSON.stringify(before) === JSON.stringify(c.value)) continue;
      await tx.query(
        `insert into settings (key, value, updated_at) values ($1, $2, now())
         on conflict (key) do update set value = excluded.value, updated_at = now()`,
        [c.section.key, JSON.stringify(c.value)],
      );
      await recordAudit(tx, {
        actorId,
        action: 'settings.module.update',
        subjectType: 'settings',
        subjectId: c.section.key,
        details: { before: redacted(c.section, before), after: redacted(c.section, c.value, before) },
      });
      changed.push(c);
    }
  });
  // The committed writes reach every process's settings cache (core/cache/reference-cache.ts).
  return { kind: 'saved', changed: changed.map((c) => c.section.key) };
}
