// Reading budgets and editions into typed shapes. Every money column is read as float8.
import type { Database, TxQuery } from '../../core/db/database.ts';
import type { BudgetConfig, BudgetRule, Phase, VoteType } from './model.ts';

type Q = Pick<Database | TxQuery, 'query'>;

export const BUDGET_COLUMNS = `b.id, b.edition_id, b.name, b.area_id, a.name as area_name, b.amount::float8 as amount, b.currency,
  b.min_project_cost::float8 as min_project_cost, b.max_project_cost::float8 as max_project_cost, b.vote_type,
  b.approval_min, b.approval_max, b.points_per_project, b.points_total, b.ordinal_max, b.rule,
  b.score_threshold::float8 as score_threshold, b.allow_ballot_change, b.voting_closed_at, b.pb_meta is not null as imported`;

export interface BudgetRow {
  id: number;
  edition_id: number;
  name: string;
  area_id: number | null;
  area_name: string | null;
  amount: number;
  currency: string;
  min_project_cost: number | null;
  max_project_cost: number | null;
  vote_type: VoteType;
  approval_min: number;
  approval_max: number | null;
  points_per_project: number | null;
  points_total: number | null;
  ordinal_max: number | null;
  rule: BudgetRule;
  score_threshold: number | null;
  allow_ballot_change: boolean;
  voting_closed_at: string | Date | null;
  imported: boolean;
}

export function toBudget(r: BudgetRow): BudgetConfig {
  return {
    id: r.id,
    editionId: r.edition_id,
    name: r.name,
    areaId: r.area_id,
    areaName: r.area_name,
    amount: r.amount,
    currency: r.currency,
    minProjectCost: r.min_project_cost,
    maxProjectCost: r.max_project_cost,
    voteType: r.vote_type,
    approvalMin: r.approval_min,
    approvalMax: r.approval_max,
    pointsPerProject: r.points_per_project,
    pointsTotal: r.points_total,
    ordinalMax: r.ordinal_max,
    rule: r.rule,
    scoreThreshold: r.score_threshold,
    allowBallotChange: r.allow_ballot_change,
    votingClosedAt: r.voting_closed_at === null ? null : new Date(r.voting_closed_at).toISOString(),
    imported: r.imported,
  };
}

export async function loadBudget(q: Q, id: number): Promise<BudgetConfig | undefined> {
  const [r] = await q.query<BudgetRow>(`select ${BUDGET_COLUMNS} from pb_budgets b left join areas a on a.id = b.area_id where b.id = $1`, [id]);
  return r && toBudget(r);
}

export async function editionBudgets(q: Q, editionId: number): Promise<BudgetConfig[]> {
  const rows = await q.query<BudgetRow>(
    `select ${BUDGET_COLUMNS} from pb_budgets b left join areas a on a.id = b.area_id where b.edition_id = $1 order by b.area_id nulls first, b.name`,
    [editionId],
  );
  return rows.map(toBudget);
}

export interface EditionCore {
  id: number;
  title: string;
  description: string;
  phase: Phase;
  minAge: number | null;
  censusRequired: boolean;
  source: 'local' | 'pabulib';
}

export async function loadEdition(q: Q, id: number, lock = false): Promise<EditionCore | undefined> {
  const [e] = await q.query<{ id: number; title: string; description: string; phase: Phase; min_age: number | null; census_required: boolean; source: 'local' | 'pabulib' }>(
    `select id, title, description, phase, min_age, census_required, source from pb_editions where id = $1 ${lock ? 'for update' : ''}`,
    [id],
  );
  return e && { id: e.id, title: e.title, description: e.description, phase: e.phase, minAge: e.min_age, censusRequired: e.census_required, source: e.source };
}

/** The projects on a budget's ballot, in ballot order, with the cost voters see. */
export async function ballotProjects(q: Q, budgetId: number): Promise<{ id: number; title: string; cost: number; description: string }[]> {
  return q.query(
    `select id, title, description, coalesce(adjusted_cost, cost)::float8 as cost from pb_projects
     where budget_id = $1 and status in ('accepted','selected','implemented') order by position nulls last, id`,
    [budgetId],
  );
}
