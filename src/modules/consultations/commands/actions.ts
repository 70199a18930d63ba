// Open actions: anyone taking part proposes one under an ambition; an admin promotes it into a
// strategic project under one of that ambition's objectives (or declines it). Promotion happens
// once: the action row is locked and must still be "proposed".
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { consultationPolicy } from '../policy.ts';
import { getConsultation } from '../queries.ts';

export type ActionOutcome =
  | { kind: 'proposed'; id: number }
  | { kind: 'promoted'; projectId: number }
  | { kind: 'declined' }
  | { kind: 'already_decided' }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  | { kind: 'invalid'; errors: FieldError[] };

export async function proposeAction(
  ctx: AppContext,
  actor: Actor,
  consultationId: number,
  input: { ambitionId: number; title: string; description: string; organizationId: number | null },
): Promise<ActionOutcome> {
  const c = await getConsultation(ctx.database, consultationId);
  if (!c || !consultationPolicy.can(actor, 'consultation.view', c)) return { kind: 'not_found' };
  if (actor.kind !== 'user' || !consultationPolicy.can(actor, 'consultation.proposeAction', c)) return { kind: 'forbidden' };
  const errors: FieldError[] = [];
  if (!(await ctx.database.query('select 1 from consultation_ambitions where id = $1 and consultation_id = $2', [input.ambitionId, consultationId])).length) {
    errors.push({ field: 'ambitionId', reason: 'consultations.err.ambition' });
  }
  if (!input.title.trim() || input.title.length > 500) errors.push({ field: 'title', reason: 'consultations.err.actionTitle' });
  if (input.description.length > 5000) errors.push({ field: 'description', reason: 'consultations.err.actionDescription' });
  if (input.organizationId !== null && !actor.organizationIds.includes(input.organizationId)) errors.push({ field: 'organizationId', reason: 'consultations.err.organization' });
  if (errors.length) return { kind: 'invalid', errors };
  const [row] = await ctx.database.query<{ id: number }>(
    'insert into consultation_actions (consultation_id, ambition_id, title, description, author_id, organization_id) values ($1, $2, $3, $4, $5, $6) returning id',
    [consultationId, input.ambitionId, input.title.trim(), input.description.trim(), actor.id, input.organizationId],
  );
  return { kind: 'proposed', id: row!.id };
}

export async function promoteAction(ctx: AppContext, actor: Actor, actionId: number, input: { objectiveId: number; title: string }): Promise<ActionOutcome> {
  return ctx.database.transaction(async (tx) => {
    const [a] = await tx.query<{ consultation_id: number; ambition_id: number; title: string; description: string; status: string }>(
      'select consultation_id, ambition_id, title, description, status from consultation_actions where id = $1 for update',
      [actionId],
    );
    const c = a && (await getConsultation(tx, a.consultation_id));
    if (!a || !c) return { kind: 'not_found' } as const;
    if (actor.kind !== 'user' || !consultationPolicy.can(actor, 'consultation.promote', c)) return { kind: 'forbidden' } as const;
    if (a.status !== 'proposed') return { kind: 'already_decided' } as const;
    const [objective] = await tx.query('select 1 from consultation_objectives where id = $1 and ambition_id = $2', [input.objectiveId, a.ambition_id]);
    const title = input.title.trim() || a.title;
    const errors: FieldError[] = [];
    if (!objective) errors.push({ field: 'objectiveId', reason: 'consultations.err.objective' });
    if (title.length > 500) errors.push({ field: 'title', reason: 'consultations.err.actionTitle' });
    if (errors.length) return { kind: 'invalid', errors } as const;
    const [p] = await tx.query<{ id: number }>(
      `insert into consultation_projects (objective_id, position, title, description, origin)
       values ($1, (select coalesce(max(position), 0) + 1 from consultation_projects where objective_id = $1), $2, $3, 'open_action') returning id`,
      [input.objectiveId, title, a.description],
    );
    await tx.query(`update consultation_actions set status = 'promoted', project_id = $2, decided_by = $3, decided_at = now() where id = $1`, [actionId, p!.id, actor.id]);
    await ctx.events.publish({ type: 'consultation.actionPromoted', public: false, payload: { actionId, projectId: p!.id } }, tx);
    return { kind: 'promoted', projectId: p!.id } as const;
  });
}

export async function declineAction(ctx: AppContext, actor: Actor, actionId: number): Promise<ActionOutcome> {
  const [a] = await ctx.database.query<{ consultation_id: number }>('select consultation_id from consultation_actions where id = $1', [actionId]);
  const c = a && (await getConsultation(ctx.database, a.consultation_id));
  if (!a || !c) return { kind: 'not_found' };
  if (actor.kind !== 'user' || !consultationPolicy.can(actor, 'consultation.promote', c)) return { kind: 'forbidden' };
  const rows = await ctx.database.query(`update consultation_actions set status = 'declined', decided_by = $2, decided_at = now() where id = $1 and status = 'proposed' returning id`, [actionId, actor.id]);
  return rows.length ? { kind: 'declined' } : { kind: 'already_decided' };
}
