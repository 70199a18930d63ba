// Admin setup of an edition: its text, phase dates, current phase, budgets and categories.
// Every change is audited in the same transaction.
import type { AppContext } from '../../../core/context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import type { TxQuery } from '../../../core/db/database.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';
import { DATED_PHASES, PHASES, type DatedPhase, type Phase } from '../model.ts';
import type { BudgetInput } from './budget-input.ts';

export interface EditionInput {
  title: string;
  description: string;
  minAge: number | null;
  dates: Partial<Record<DatedPhase, { starts: string | null; ends: string | null }>>;
}

export type EditionOutcome = { kind: 'saved'; id: number } | { kind: 'not_found' } | { kind: 'invalid'; errors: FieldError[] };

export function checkEdition(input: EditionInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.title.trim() || input.title.length > 200) errors.push({ field: 'title', reason: 'pb.admin.err.title' });
  if (input.minAge !== null && !(Number.isInteger(input.minAge) && input.minAge >= 0 && input.minAge <= 120)) errors.push({ field: 'minAge', reason: 'pb.admin.err.minAge' });
  for (const phase of DATED_PHASES) {
    const d = input.dates[phase];
    if (d?.starts && d.ends && d.ends < d.starts) errors.push({ field: `${phase}Ends`, reason: 'pb.admin.err.dates' });
  }
  return errors;
}

async function writeDates(tx: TxQuery, id: number, dates: EditionInput['dates']): Promise<void> {
  for (const phase of DATED_PHASES) {
    const d = dates[phase];
    await tx.query(
      `insert into pb_edition_phases (edition_id, phase, starts_on, ends_on) values ($1, $2, $3, $4)
       on conflict (edition_id, phase) do update set starts_on = excluded.starts_on, ends_on = excluded.ends_on`,
      [id, phase, d?.starts ?? null, d?.ends ?? null],
    );
  }
}

export async function saveEdition(ctx: AppContext, actorId: string, id: number | null, input: EditionInput): Promise<EditionOutcome> {
  const errors = checkEdition(input);
  if (errors.length) return { kind: 'invalid', errors };
  return ctx.database.transaction(async (tx): Promise<EditionOutcome> => {
    let editionId = id;
    if (editionId === null) {
      const [row] = await tx.query<{ id: number }>('insert into pb_editions (title, description, min_age) values ($1, $2, $3) returning id', [input.title.trim(), input.description.trim(), input.minAge]);
      editionId = row!.id;
    } else {
      const rows = await tx.query('update pb_editions set title = $2, description = $3, min_age = $4, updated_at = now() where id = $1 returning id', [editionId, input.title.trim(), input.description.trim(), input.minAge]);
      if (!rows.length) return { kind: 'not_found' };
    }
    await writeDates(tx, editionId, input.dates);
    await recordAudit(tx, { actorId, action: id === null ? 'pb.edition.create' : 'pb.edition.update', subjectType: 'pb_edition', subjectId: editionId, details: { title: input.title.trim() } });
    return { kind: 'saved', id: editionId };
  });
}

export type PhaseOutcome = { kind: 'changed'; from: Phase; to: Phase } | { kind: 'not_found' } | { kind: 'not_allowed'; from: Phase; to: Phase } | { kind: 'no_budgets' };

/**
 * Phases move freely while the edition is being prepared (draft → voting, and back). Voting ends
 * only by closing it (that computes the results); after results, only implementation follows.
 */
export function phaseChangeAllowed(from: Phase, to: Phase): boolean {
  if (from === to) return false;
  if (from === 'results') return to === 'implementation';
  if (from === 'implementation') return false;
  if (to === 'results' || to === 'implementation') return false;
  return PHASES.includes(to);
}

export async function setPhase(ctx: AppContext, actorId: string, id: number, to: Phase): Promise<PhaseOutcome> {
  return ctx.database.transaction(async (tx): Promise<PhaseOutcome> => {
    const [e] = await tx.query<{ phase: Phase; title: string; budgets: number }>(
      'select phase, title, (select count(*)::int from pb_budgets where edition_id = $1) as budgets from pb_editions where id = $1 for update',
      [id],
    );
    if (!e) return { kind: 'not_found' };
    if (!phaseChangeAllowed(e.phase, to)) return { kind: 'not_allowed', from: e.phase, to };
    if (to === 'voting' && e.budgets === 0) return { kind: 'no_budgets' };
    await tx.query('update pb_editions set phase = $2, updated_at = now() where id = $1', [id, to]);
    await recordAudit(tx, { actorId, action: 'pb.edition.phase', subjectType: 'pb_edition', subjectId: id, details: { from: e.phase, to } });
    if (to !== 'draft') await ctx.events.publish({ type: `pb.phase.${to}`, public: true, payload: { id, title: e.title } }, tx);
    return { kind: 'changed', from: e.phase, to };
  });
}

export type BudgetOutcome = { kind: 'saved'; id: number } | { kind: 'not_found' } | { kind: 'locked' } | { kind: 'invalid'; errors: FieldError[] };

/** Adds a budget (budgetId null) or changes one; settings are frozen once voting has started. */
export async function saveBudget(ctx: AppContext, actorId: string, editionId: number, budgetId: number | null, b: BudgetInput): Promise<BudgetOutcome> {
  return ctx.database.transaction(async (tx): Promise<BudgetOutcome> => {
    const [e] = await tx.query<{ phase: Phase }>('select phase from pb_editions where id = $1 for update', [editionId]);
    if (!e) return { kind: 'not_found' };
    if (!['draft', 'submission', 'review'].includes(e.phase)) return { kind: 'locked' };
    if (b.areaId !== null) {
      const [a] = await tx.query(`select 1 from areas where id = $1 and kind = 'district'`, [b.areaId]);
      if (!a) return { kind: 'invalid', errors: [{ field: 'area', reason: 'pb.admin.err.area' }] };
    }
    const [clash] = await tx.query('select 1 from pb_budgets where edition_id = $1 and coalesce(area_id, 0) = coalesce($2::int, 0) and id <> coalesce($3::int, 0)', [editionId, b.areaId, budgetId]);
    if (clash) return { kind: 'invalid', errors: [{ field: 'area', reason: 'pb.admin.err.areaTaken' }] };
    const values = [b.name, b.areaId, b.amount, b.currency, b.minProjectCost, b.maxProjectCost, b.voteType, b.approvalMin, b.approvalMax, b.pointsPerProject, b.pointsTotal, b.ordinalMax, b.rule, b.scoreThreshold, b.allowBallotChange];
    let id = budgetId;
    if (id === null) {
      const [row] = await tx.query<{ id: number }>(
        `insert into pb_budgets (edition_id, name, area_id, amount, currency, min_project_cost, max_project_cost, vote_type, approval_min, approval_max,
           points_per_project, points_total, ordinal_max, rule, score_threshold, allow_ballot_change)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) returning id`,
        [editionId, ...values],
      );
      id = row!.id;
    } else {
      const rows = await tx.query(
        `update pb_budgets set name = $3, area_id = $4, amount = $5, currency = $6, min_project_cost = $7, max_project_cost = $8, vote_type = $9,
           approval_min = $10, approval_max = $11, points_per_project = $12, points_total = $13, ordinal_max = $14, rule = $15, score_threshold = $16,
           allow_ballot_change = $17 where id = $1 and edition_id = $2 returning id`,
        [id, editionId, ...values],
      );
      if (!rows.length) return { kind: 'not_found' };
    }
    await recordAudit(tx, { actorId, action: budgetId === null ? 'pb.budget.create' : 'pb.budget.update', subjectType: 'pb_budget', subjectId: id, details: { ...b } });
    return { kind: 'saved', id };
  });
}

export type CategoryOutcome = { kind: 'added'; id: number } | { kind: 'not_found' } | { kind: 'invalid'; errors: FieldError[] };

export async function addCategory(ctx: AppContext, actorId: string, editionId: number, name: string): Promise<CategoryOutcome> {
  const clean = name.trim();
  if (!clean || clean.length > 100) return { kind: 'invalid', errors: [{ field: 'category', reason: 'pb.admin.err.category' }] };
  return ctx.database.transaction(async (tx): Promise<CategoryOutcome> => {
    const [e] = await tx.query('select 1 from pb_editions where id = $1', [editionId]);
    if (!e) return { kind: 'not_found' };
    const [row] = await tx.query<{ id: number }>('insert into pb_categories (edition_id, name) values ($1, $2) on conflict do nothing returning id', [editionId, clean]);
    if (!row) return { kind: 'invalid', errors: [{ field: 'category', reason: 'pb.admin.err.categoryTaken' }] };
    await recordAudit(tx, { actorId, action: 'pb.category.create', subjectType: 'pb_edition', subjectId: editionId, details: { name: clean } });
    return { kind: 'added', id: row.id };
  });
}
