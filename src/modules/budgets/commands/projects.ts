// Projects: citizens propose, officials review feasibility, everyone comments, and after the
// results officials report how the winners are being built.
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';
import { loadBudget } from '../budget-config.ts';
import type { BudgetConfig, Phase, ProjectStatus } from '../model.ts';

export interface ProjectInput {
  title: string;
  description: string;
  cost: number | null;
  budgetId: number | null;
  areaId: number | null;
  categoryId: number | null;
  point: { lat: number; lng: number } | null;
}

export type SubmitOutcome = { kind: 'created'; id: number } | { kind: 'not_found' } | { kind: 'closed' } | { kind: 'invalid'; errors: FieldError[] };

/** A cost must respect the budget's limits and fit in the budget at all. */
export function costProblem(budget: Pick<BudgetConfig, 'amount' | 'minProjectCost' | 'maxProjectCost'>, cost: number | null): string | null {
  if (cost === null || !Number.isFinite(cost) || cost <= 0) return 'pb.project.err.cost';
  if (budget.minProjectCost !== null && cost < budget.minProjectCost) return 'pb.project.err.costMin';
  if (budget.maxProjectCost !== null && cost > budget.maxProjectCost) return 'pb.project.err.costMax';
  if (cost > budget.amount) return 'pb.project.err.costBudget';
  return null;
}

export async function submitProject(ctx: AppContext, actor: Actor, editionId: number, input: ProjectInput): Promise<SubmitOutcome> {
  const [edition] = await ctx.database.query<{ phase: Phase }>('select phase from pb_editions where id = $1', [editionId]);
  if (!edition) return { kind: 'not_found' };
  if (edition.phase !== 'submission' || actor.kind !== 'user') return { kind: 'closed' };
  const errors: FieldError[] = [];
  const title = input.title.trim();
  const description = input.description.trim();
  if (!title || title.length > 300) errors.push({ field: 'title', reason: 'pb.project.err.title' });
  if (!description || description.length > 4000) errors.push({ field: 'description', reason: 'pb.project.err.description' });
  const budget = input.budgetId === null ? undefined : await loadBudget(ctx.database, input.budgetId);
  if (!budget || budget.editionId !== editionId) errors.push({ field: 'budget', reason: 'pb.project.err.budget' });
  else {
    const problem = costProblem(budget, input.cost);
    if (problem) errors.push({ field: 'cost', reason: problem });
  }
  if (input.categoryId !== null) {
    const [c] = await ctx.database.query('select 1 from pb_categories where id = $1 and edition_id = $2', [input.categoryId, editionId]);
    if (!c) errors.push({ field: 'category', reason: 'pb.project.err.category' });
  }
  let areaId = input.areaId;
  if (input.point) {
    const [place] = await ctx.database.query<{ inside: boolean | null; district: number | null }>(
      `select (select bool_or(ST_Contains(geom, p)) from areas where kind = 'city') as inside,
              (select id from areas where kind = 'district' and ST_Contains(geom, p) limit 1) as district
       from (select ST_SetSRID(ST_MakePoint($1, $2), 4326) as p) x`,
      [input.point.lng, input.point.lat],
    );
    if (place?.inside === false) errors.push({ field: 'location', reason: 'pb.project.err.outside' });
    areaId ??= place?.district ?? null;
  }
  // A district budget funds projects in its district only.
  if (budget?.areaId != null) {
    if (input.areaId !== null && input.areaId !== budget.areaId) errors.push({ field: 'district', reason: 'pb.project.err.districtBudget' });
    areaId = budget.areaId;
  } else if (areaId !== null) {
    const [a] = await ctx.database.query(`select 1 from areas where id = $1 and kind = 'district'`, [areaId]);
    if (!a) errors.push({ field: 'district', reason: 'pb.project.err.district' });
  }
  if (errors.length || !budget) return { kind: 'invalid', errors };
  return ctx.database.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `insert into pb_projects (budget_id, title, description, cost, location, area_id, category_id, author_id)
       values ($1, $2, $3, $4, case when $5::float8 is null then null else ST_SetSRID(ST_MakePoint($5, $6), 4326) end, $7, $8, $9) returning id`,
      [budget.id, title, description, input.cost, input.point?.lng ?? null, input.point?.lat ?? null, areaId, input.categoryId, actor.id],
    );
    await ctx.events.publish({ type: 'pb.project.submitted', public: true, payload: { id: row!.id, title: title.slice(0, 80) } }, tx);
    return { kind: 'created', id: row!.id } as const;
  });
}

export interface ReviewInput {
  decision: 'accept' | 'reject';
  reason: string;
  adjustedCost: number | null;
}

export type ReviewOutcome = { kind: 'reviewed'; status: ProjectStatus } | { kind: 'not_found' } | { kind: 'wrong_phase' } | { kind: 'invalid'; errors: FieldError[] };

export async function reviewProject(ctx: AppContext, officialId: string, projectId: number, input: ReviewInput): Promise<ReviewOutcome> {
  return ctx.database.transaction(async (tx): Promise<ReviewOutcome> => {
    const [p] = await tx.query<{ budget_id: number; phase: Phase }>(
      `select p.budget_id, e.phase from pb_projects p join pb_budgets b on b.id = p.budget_id join pb_editions e on e.id = b.edition_id where p.id = $1 for update of p`,
      [projectId],
    );
    if (!p) return { kind: 'not_found' };
    if (p.phase !== 'submission' && p.phase !== 'review') return { kind: 'wrong_phase' };
    const reason = input.reason.trim();
    const errors: FieldError[] = [];
    if (input.decision === 'reject' && !reason) errors.push({ field: 'reason', reason: 'pb.review.err.reason' });
    if (reason.length > 2000) errors.push({ field: 'reason', reason: 'pb.review.err.reasonLong' });
    if (input.adjustedCost !== null) {
      const budget = (await loadBudget(tx, p.budget_id))!;
      const problem = costProblem(budget, input.adjustedCost);
      if (problem) errors.push({ field: 'adjustedCost', reason: problem });
    }
    if (errors.length) return { kind: 'invalid', errors };
    const status: ProjectStatus = input.decision === 'accept' ? 'accepted' : 'rejected';
    await tx.query(
      `update pb_projects set status = $2, status_reason = $3, adjusted_cost = $4, reviewed_by = $5, reviewed_at = now(), updated_at = now() where id = $1`,
      [projectId, status, reason || null, input.decision === 'accept' ? input.adjustedCost : null, officialId],
    );
    await recordAudit(tx, { actorId: officialId, action: 'pb.project.review', subjectType: 'pb_project', subjectId: projectId, details: { status, adjustedCost: input.adjustedCost } });
    return { kind: 'reviewed', status };
  });
}

export type CommentOutcome = { kind: 'added' } | { kind: 'not_found' } | { kind: 'invalid' };

export async function addComment(ctx: AppContext, authorId: string, projectId: number, body: string): Promise<CommentOutcome> {
  const text = body.trim();
  if (!text || text.length > 2000) return { kind: 'invalid' };
  const rows = await ctx.database.query('insert into pb_comments (project_id, author_id, body) select id, $2, $3 from pb_projects where id = $1 returning id', [projectId, authorId, text]);
  return rows.length ? { kind: 'added' } : { kind: 'not_found' };
}

export interface ProgressInput {
  progress: number;
  spent: number | null;
  note: string;
}

export type ProgressOutcome = { kind: 'saved'; status: ProjectStatus } | { kind: 'not_found' } | { kind: 'not_selected' } | { kind: 'invalid'; errors: FieldError[] };

/** Implementation tracking of a winning project; 100 % means implemented. */
export async function trackProject(ctx: AppContext, officialId: string, projectId: number, input: ProgressInput): Promise<ProgressOutcome> {
  const errors: FieldError[] = [];
  if (!Number.isInteger(input.progress) || input.progress < 0 || input.progress > 100) errors.push({ field: 'progress', reason: 'pb.track.err.progress' });
  if (input.spent !== null && !(input.spent >= 0)) errors.push({ field: 'spent', reason: 'pb.track.err.spent' });
  if (input.note.length > 2000) errors.push({ field: 'note', reason: 'pb.review.err.reasonLong' });
  if (errors.length) return { kind: 'invalid', errors };
  return ctx.database.transaction(async (tx): Promise<ProgressOutcome> => {
    const [p] = await tx.query<{ status: ProjectStatus }>('select status from pb_projects where id = $1 for update', [projectId]);
    if (!p) return { kind: 'not_found' };
    if (p.status !== 'selected' && p.status !== 'implemented') return { kind: 'not_selected' };
    const status: ProjectStatus = input.progress === 100 ? 'implemented' : 'selected';
    await tx.query('update pb_projects set progress = $2, spent = $3, implementation_note = $4, status = $5, updated_at = now() where id = $1', [
      projectId,
      input.progress,
      input.spent,
      input.note.trim() || null,
      status,
    ]);
    await recordAudit(tx, { actorId: officialId, action: 'pb.project.progress', subjectType: 'pb_project', subjectId: projectId, details: { ...input } });
    return { kind: 'saved', status };
  });
}
