// The components a space hosts: add one of the modules that declare `spaceComponent`, configure its
// declared settings, publish or hide it, remove it. (Ordering is moveWithinSpace in phases.ts.)
import type { AppContext } from '../../../core/context.ts';
import type { SpaceComponentDecl } from '../../../core/modules/manifest.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';

export type AddComponentOutcome = { kind: 'added'; id: number } | { kind: 'not_found' } | { kind: 'unknown_module' };
export type UpdateComponentOutcome = { kind: 'updated' } | { kind: 'not_found' } | { kind: 'invalid'; errors: { field: string; reason: string }[] };

export function hostableModules(ctx: AppContext): { name: string; decl: SpaceComponentDecl }[] {
  return ctx.modules.flatMap((m) => (m.spaceComponent ? [{ name: m.name, decl: m.spaceComponent }] : []));
}

/**
 * Form values (strings; an unchecked box is absent) → typed settings. Field names are `s_<setting>`
 * so they never collide with the component's own fields.
 */
export function parseComponentSettings(decl: SpaceComponentDecl, raw: Record<string, string | undefined>): { settings: Record<string, unknown>; errors: { field: string; reason: string }[] } {
  const settings: Record<string, unknown> = {};
  const errors: { field: string; reason: string }[] = [];
  for (const s of decl.settings ?? []) {
    const v = raw[`s_${s.name}`];
    if (s.type === 'boolean') settings[s.name] = v === 'on';
    else if (s.type === 'integer') {
      const n = Number((v ?? '').trim());
      if (!/^-?\d+$/.test((v ?? '').trim()) || (s.min !== undefined && n < s.min) || (s.max !== undefined && n > s.max)) {
        errors.push({ field: `s_${s.name}`, reason: 'spaces.err.settingNumber' });
      } else settings[s.name] = n;
    } else settings[s.name] = (v ?? '').trim().slice(0, 500);
  }
  return { settings, errors };
}

export async function addComponent(ctx: AppContext, actorId: string, spaceId: number, module: string, title: string): Promise<AddComponentOutcome> {
  const hostable = hostableModules(ctx).find((m) => m.name === module);
  if (!hostable) return { kind: 'unknown_module' };
  const defaults = Object.fromEntries((hostable.decl.settings ?? []).map((s) => [s.name, s.default]));
  return ctx.database.transaction(async (tx) => {
    const [space] = await tx.query('select 1 from spaces where id = $1 for update', [spaceId]);
    if (!space) return { kind: 'not_found' } as const;
    const [c] = await tx.query<{ id: number }>(
      `insert into space_components (space_id, module, title, position, settings)
       values ($1, $2, $3, (select coalesce(max(position), 0) + 1 from space_components where space_id = $1), $4) returning id`,
      [spaceId, module, title.trim(), JSON.stringify(defaults)],
    );
    await recordAudit(tx, { actorId, action: 'space.component.add', subjectType: 'space', subjectId: spaceId, details: { componentId: c!.id, module } });
    return { kind: 'added', id: c!.id } as const;
  });
}

export async function updateComponent(
  ctx: AppContext,
  actorId: string,
  spaceId: number,
  componentId: number,
  input: { title: string; published: boolean; raw: Record<string, string | undefined> },
): Promise<UpdateComponentOutcome> {
  const [c] = await ctx.database.query<{ module: string }>('select module from space_components where space_id = $1 and id = $2', [spaceId, componentId]);
  if (!c) return { kind: 'not_found' };
  const decl = hostableModules(ctx).find((m) => m.name === c.module)?.decl;
  const { settings, errors } = decl ? parseComponentSettings(decl, input.raw) : { settings: {}, errors: [] };
  if (errors.length) return { kind: 'invalid', errors };
  return ctx.database.transaction(async (tx) => {
    // Merging keeps settings of a module that is switched off right now.
    await tx.query('update space_components set title = $3, published = $4, settings = settings || $5::jsonb where space_id = $1 and id = $2', [
      spaceId,
      componentId,
      input.title.trim(),
      input.published,
      JSON.stringify(settings),
    ]);
    await recordAudit(tx, { actorId, action: 'space.component.update', subjectType: 'space', subjectId: spaceId, details: { componentId, published: input.published, settings } });
    return { kind: 'updated' } as const;
  });
}

export async function removeComponent(ctx: AppContext, actorId: string, spaceId: number, componentId: number): Promise<{ kind: 'done' } | { kind: 'not_found' }> {
  return ctx.database.transaction(async (tx) => {
    const rows = await tx.query<{ module: string }>('delete from space_components where space_id = $1 and id = $2 returning module', [spaceId, componentId]);
    if (!rows.length) return { kind: 'not_found' } as const;
    await recordAudit(tx, { actorId, action: 'space.component.remove', subjectType: 'space', subjectId: spaceId, details: { componentId, module: rows[0]!.module } });
    return { kind: 'done' } as const;
  });
}
