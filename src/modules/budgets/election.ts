// A stored budget as a Pabulib election: the tally engine's input, and the `.pb` export.
// Imported budgets keep their file's META, columns and extra fields, so exporting one writes the
// file back; our own budgets get META and columns built from their settings.
import type { Database, TxQuery } from '../../core/db/database.ts';
import type { PbElection, PbProject, PbVote } from './pabulib/types.ts';
import { computeScores } from './tally/scores.ts';
import type { BudgetConfig } from './model.ts';
import { pabulibVoteType } from './model.ts';

type Q = Pick<Database | TxQuery, 'query'>;

export interface BudgetElection {
  election: PbElection;
  /** Database id of each project, aligned with `election.projects`. */
  projectIds: number[];
}

interface ProjectRow {
  id: number;
  external_id: string | null;
  title: string;
  category: string | null;
  cost: number;
  official_votes: number | null;
  official_score: number | null;
  official_selected: number | null;
  pb_fields: Record<string, string> | null;
}

interface BallotRow {
  external_voter: string | null;
  source: 'online' | 'paper' | 'import';
  pb_fields: Record<string, string> | null;
  projects: number[] | null;
  points: (number | null)[] | null;
}

interface ImportedShape {
  pb_meta: [string, string][] | null;
  pb_project_columns: string[] | null;
  pb_vote_columns: string[] | null;
}

export interface ExportContext {
  cityName: string;
  editionTitle: string;
  votingDates: { starts: string | null; ends: string | null };
  /** Winners from stored results, for the `selected` column; null before results. */
  selected: Set<number> | null;
}

async function loadRows(q: Q, budgetId: number) {
  const projects = await q.query<ProjectRow>(
    `select p.id, p.external_id, p.title, c.name as category, coalesce(p.adjusted_cost, p.cost)::float8 as cost,
            p.official_votes::float8 as official_votes, p.official_score::float8 as official_score, p.official_selected, p.pb_fields
     from pb_projects p left join pb_categories c on c.id = p.category_id
     where p.budget_id = $1 and p.status in ('accepted','selected','implemented') order by p.position nulls last, p.id`,
    [budgetId],
  );
  const ballots = await q.query<BallotRow>(
    `select b.external_voter, b.source, b.pb_fields,
            array_agg(i.project_id order by i.position) filter (where i.project_id is not null) as projects,
            array_agg(i.points::float8 order by i.position) filter (where i.project_id is not null) as points
     from pb_ballots b left join pb_ballot_items i on i.ballot_id = b.id
     where b.budget_id = $1 group by b.id order by b.id`,
    [budgetId],
  );
  const [shape] = await q.query<ImportedShape>('select pb_meta, pb_project_columns, pb_vote_columns from pb_budgets where id = $1', [budgetId]);
  return { projects, ballots, shape: shape! };
}

function toVotes(ballots: BallotRow[], extId: Map<number, string>, anonymous: boolean): PbVote[] {
  return ballots.map((b, i) => {
    const items = (b.projects ?? []).map((p, k) => ({ id: extId.get(p), points: b.points?.[k] ?? null })).filter((x): x is { id: string; points: number | null } => x.id !== undefined);
    const hasPoints = items.length > 0 && items.every((x) => x.points !== null);
    const fields = new Map(Object.entries(b.pb_fields ?? {}));
    if (anonymous) fields.set('voting_method', b.source === 'paper' ? 'paper' : 'internet');
    return {
      // Our voters appear as 1..n in ballot order: the export never carries who voted.
      voterId: anonymous ? String(i + 1) : (b.external_voter ?? String(i + 1)),
      projects: items.map((x) => x.id),
      points: hasPoints ? items.map((x) => x.points!) : null,
      fields,
    };
  });
}

function metaFor(budget: BudgetConfig, projects: number, votes: number, ctx: ExportContext): Map<string, string> {
  const meta = new Map<string, string>();
  const year = (ctx.votingDates.starts ?? new Date().toISOString()).slice(0, 4);
  const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  meta.set('description', `${ctx.editionTitle} — ${budget.name}`);
  meta.set('country', 'Romania');
  meta.set('unit', ctx.cityName);
  if (budget.areaName) meta.set('subunit', budget.areaName);
  meta.set('instance', year);
  meta.set('num_projects', String(projects));
  meta.set('num_votes', String(votes));
  meta.set('budget', String(budget.amount));
  meta.set('vote_type', pabulibVoteType(budget.voteType));
  meta.set('rule', budget.rule);
  if (ctx.votingDates.starts) meta.set('date_begin', dmy(ctx.votingDates.starts));
  if (ctx.votingDates.ends) meta.set('date_end', dmy(ctx.votingDates.ends));
  meta.set('currency', budget.currency);
  meta.set('language', 'ro');
  if (budget.voteType === 'approval') {
    meta.set('min_length', String(budget.approvalMin));
    if (budget.approvalMax !== null) meta.set('max_length', String(budget.approvalMax));
  }
  if (budget.voteType === 'knapsack') meta.set('max_sum_cost', String(budget.amount));
  if (budget.voteType === 'cumulative') {
    meta.set('max_sum_points', String(budget.pointsTotal));
    meta.set('max_points', String(budget.pointsPerProject));
  }
  if (budget.voteType === 'ordinal') meta.set('max_length', String(budget.ordinalMax));
  if (budget.scoreThreshold !== null) meta.set('min_project_score_threshold', String(budget.scoreThreshold));
  return meta;
}

/**
 * The budget as an election. For the tally (`exportCtx` absent) official columns are kept only
 * for imported projects, so our own scores always come from the stored ballots. For an export,
 * our budgets also get `votes`/`score` (counted) and `selected` (from the results) columns.
 */
export async function budgetElection(q: Q, budget: BudgetConfig, exportCtx?: ExportContext): Promise<BudgetElection> {
  const { projects, ballots, shape } = await loadRows(q, budget.id);
  const imported = shape.pb_meta !== null;
  const extId = new Map(projects.map((p) => [p.id, p.external_id ?? String(p.id)]));
  const votes = toVotes(ballots, extId, !imported);
  const voteType = pabulibVoteType(budget.voteType);
  const pbProjects: PbProject[] = projects.map((p) => ({
    id: extId.get(p.id)!,
    cost: p.cost,
    votes: imported ? p.official_votes : null,
    score: imported ? p.official_score : null,
    selected: imported ? p.official_selected : null,
    fields: new Map(Object.entries(p.pb_fields ?? (exportCtx ? { name: p.title, ...(p.category ? { category: p.category } : {}) } : {}))),
  }));
  const election: PbElection = {
    meta: imported ? new Map(shape.pb_meta!) : new Map(),
    budget: budget.amount,
    voteType,
    rule: budget.rule,
    threshold: budget.scoreThreshold,
    projectColumns: imported ? shape.pb_project_columns! : ['project_id', 'cost', 'name', 'category'],
    projects: pbProjects,
    voteColumns: imported ? shape.pb_vote_columns! : ['voter_id', 'vote', ...(voteType === 'cumulative' ? ['points'] : []), 'voting_method'],
    votes,
  };
  if (exportCtx && !imported) {
    const scores = computeScores(election);
    const supporters = computeScores({ ...election, voteType: 'approval' });
    const scored = voteType === 'cumulative' || voteType === 'ordinal';
    election.projectColumns = ['project_id', 'cost', 'votes', ...(scored ? ['score'] : []), 'name', 'category', ...(exportCtx.selected ? ['selected'] : [])];
    election.projects.forEach((p, i) => {
      p.votes = supporters[i]!;
      if (scored) p.score = scores[i]!;
      if (exportCtx.selected) p.selected = exportCtx.selected.has(projects[i]!.id) ? 1 : 0;
    });
    election.meta = metaFor(budget, projects.length, votes.length, exportCtx);
  }
  return { election, projectIds: projects.map((p) => p.id) };
}
