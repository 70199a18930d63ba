// Expressing interest in a project's working group, changing it, or taking it back. One expression
// per person and project (a unique constraint); a person speaks for an organization only if they
// belong to it. Consent to be contacted is recorded with its time and can be withdrawn.
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { consultationPolicy } from '../policy.ts';
import { getConsultation, getProject } from '../queries.ts';

export interface InterestInput {
  organizationId: number | null;
  expertise: string;
  consent: boolean;
}

export type InterestOutcome = { kind: 'saved'; created: boolean } | { kind: 'withdrawn' } | { kind: 'not_found' } | { kind: 'forbidden' } | { kind: 'invalid'; errors: FieldError[] };

async function allowed(ctx: AppContext, actor: Actor, projectId: number): Promise<InterestOutcome | null> {
  const project = await getProject(ctx.database, projectId);
  const consultation = project && (await getConsultation(ctx.database, project.consultationId));
  if (!project || !consultation || !consultationPolicy.can(actor, 'consultation.view', consultation)) return { kind: 'not_found' };
  if (!consultationPolicy.can(actor, 'consultation.expressInterest', consultation)) return { kind: 'forbidden' };
  return null;
}

export async function expressInterest(ctx: AppContext, actor: Actor, projectId: number, input: InterestInput): Promise<InterestOutcome> {
  const refused = await allowed(ctx, actor, projectId);
  if (refused) return refused;
  if (actor.kind !== 'user') return { kind: 'forbidden' };
  const errors: FieldError[] = [];
  const expertise = input.expertise.trim();
  if (!expertise || expertise.length > 2000) errors.push({ field: 'expertise', reason: 'consultations.err.expertise' });
  if (input.organizationId !== null && !actor.organizationIds.includes(input.organizationId)) errors.push({ field: 'organizationId', reason: 'consultations.err.organization' });
  if (errors.length) return { kind: 'invalid', errors };
  const [row] = await ctx.database.query<{ created: boolean }>(
    `insert into consultation_interests (project_id, user_id, organization_id, expertise, consent_contact, consented_at)
     values ($1, $2, $3, $4, $5, case when $5 then now() end)
     on conflict (project_id, user_id) do update set organization_id = excluded.organization_id, expertise = excluded.expertise,
       consent_contact = excluded.consent_contact,
       consented_at = case when excluded.consent_contact then coalesce(consultation_interests.consented_at, now()) end,
       updated_at = now()
     returning (xmax = 0) as created`,
    [projectId, actor.id, input.organizationId, expertise, input.consent],
  );
  return { kind: 'saved', created: !!row?.created };
}

export async function withdrawInterest(ctx: AppContext, actor: Actor, projectId: number): Promise<InterestOutcome> {
  if (actor.kind !== 'user') return { kind: 'forbidden' };
  const project = await getProject(ctx.database, projectId);
  const consultation = project && (await getConsultation(ctx.database, project.consultationId));
  if (!project || !consultation || !consultationPolicy.can(actor, 'consultation.view', consultation)) return { kind: 'not_found' };
  await ctx.database.query('delete from consultation_interests where project_id = $1 and user_id = $2', [projectId, actor.id]);
  return { kind: 'withdrawn' };
}
