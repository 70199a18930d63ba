// The phases of a process: add, edit, reorder, remove, and make one the active phase.
import type { AppContext } from '../../../core/context.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';
import type { PhaseSettings } from '../model.ts';

export interface PhaseInput {
  title: string;
  description: string;
  startsOn: string | null;
  endsOn: string | null;
  settings: PhaseSettings;
}

export type PhaseOutcome = { kind: 'saved'; id: number } | { kind: 'not_found' } | { kind: 'bad_dates' };
export type SimpleOutcome = { kind: 'done' } | { kind: 'not_found' };

const badDates = (i: PhaseInput) => i.startsOn !== null && i.endsOn !== null && i.endsOn < i.startsOn;

export async function addPhase(ctx: AppContext, actorId: string, spaceId: number, input: PhaseInput): Promise<PhaseOutcome> {
  if (badDates(input)) return { kind: 'bad_dates' };
  return ctx.database.transaction(async (tx) => {
    const [space] = await tx.query('select 1 from spaces where id = $1 for update', [spaceId]);
    if (!space) return { kind: 'not_found' } as const;
    const [p] = await tx.query<{ id: number }>(
      `insert into space_phases (space_id, position, title, description, starts_on, ends_on, settings)
       values ($1, (select coalesce(max(position), 0) + 1 from space_phases where space_id = $1), $2, $3, $4, $5, $6) returning id`,
      [spaceId, input.title.trim(), input.description.trim(), input.startsOn, input.endsOn, JSON.stringify(input.settings)],
    );
    await recordAudit(tx, { actorId, action: 'space.phase.add', subjectType: 'space', subjectId: spaceId, details: { phaseId: p!.id, title: input.title } });
    return { kind: 'saved', id: p!.id } as const;
  });
}

export async function updatePhase(ctx: AppContext, actorId: string, spaceId: number, phaseId: number, input: PhaseInput): Promise<PhaseOutcome> {
  if (badDates(input)) return { kind: 'bad_dates' };
  return ctx.database.transaction(async (tx) => {
    const rows = await tx.query(
      `update space_phases set title = $3, description = $4, starts_on = $5, ends_on = $6, settings = $7 where space_id = $1 and id = $2 returning id`,
      [spaceId, phaseId, input.title.trim(), input.description.trim(), input.startsOn, input.endsOn, JSON.stringify(input.settings)],
    );
    if (!rows.length) return { kind: 'not_found' } as const;
    await recordAudit(tx, { actorId, action: 'space.phase.update', subjectType: 'space', subjectId: spaceId, details: { phaseId, title: input.title, settings: input.settings } });
    return { kind: 'saved', id: phaseId } as const;
  });
}

/** Makes this phase the only active one (or, with phaseId null, none: the process is paused or over). */
export async function activatePhase(ctx: AppContext, actorId: string, spaceId: number, phaseId: number | null): Promise<SimpleOutcome> {
  return ctx.database.transaction(async (tx) => {
    const [space] = await tx.query('select 1 from spaces where id = $1 for update', [spaceId]);
    if (!space) return { kind: 'not_found' } as const;
    if (phaseId !== null && !(await tx.query('select 1 from space_phases where space_id = $1 and id = $2', [spaceId, phaseId])).length) return { kind: 'not_found' } as const;
    await tx.query('update space_phases set active = false where space_id = $1 and active', [spaceId]);
    if (phaseId !== null) await tx.query('update space_phases set active = true where id = $1', [phaseId]);
    await recordAudit(tx, { actorId, action: 'space.phase.activate', subjectType: 'space', subjectId: spaceId, details: { phaseId } });
    return { kind: 'done' } as const;
  });
}

/** Swaps a row's position with its neighbour in `table` (space_phases or space_components). */
export async function moveWithinSpace(ctx: AppContext, actorId: string, table: 'space_phases' | 'space_components', spaceId: number, id: number, direction: 'up' | 'down'): Promise<SimpleOutcome> {
  return ctx.database.transaction(async (tx) => {
    await tx.query('select 1 from spaces where id = $1 for update', [spaceId]);
    const rows = await tx.query<{ id: number; position: number }>(`select id, position from ${table} where space_id = $1 order by position, id`, [spaceId]);
    const i = rows.findIndex((r) => r.id === id);
    if (i < 0) return { kind: 'not_found' } as const;
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= rows.length) return { kind: 'done' } as const;
    const order = rows.map((r) => r.id);
    [order[i], order[j]] = [order[j]!, order[i]!];
    // Renumbering all rows also repairs equal positions left by older data.
    await tx.query(`update ${table} t set position = o.pos from unnest($2::int[]) with ordinality as o(id, pos) where t.id = o.id and t.space_id = $1`, [spaceId, order]);
    await recordAudit(tx, { actorId, action: `${table === 'space_phases' ? 'space.phase' : 'space.component'}.move`, subjectType: 'space', subjectId: spaceId, details: { id, direction } });
    return { kind: 'done' } as const;
  });
}

export async function deletePhase(ctx: AppContext, actorId: string, spaceId: number, phaseId: number): Promise<SimpleOutcome> {
  return ctx.database.transaction(async (tx) => {
    const rows = await tx.query<{ title: string }>('delete from space_phases where space_id = $1 and id = $2 returning title', [spaceId, phaseId]);
    if (!rows.length) return { kind: 'not_found' } as const;
    await recordAudit(tx, { actorId, action: 'space.phase.delete', subjectType: 'space', subjectId: spaceId, details: { phaseId, title: rows[0]!.title } });
    return { kind: 'done' } as const;
  });
}
