// Importing a Pabulib `.pb` file: its projects and ballots become a budget of an imported edition
// (a new one, or an earlier import such as another district of the same vote), and the results
// are computed at once with the file's rule (or the one the admin picks). Everything the file
// holds that we have no column for is kept, so exporting the budget writes the same election back.
import type { AppContext } from '../../../core/context.ts';
import type { TxQuery } from '../../../core/db/database.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';
import { parsePb } from '../pabulib/parse.ts';
import type { PbElection } from '../pabulib/types.ts';
import { loadBudget } from '../budget-config.ts';
import { BUDGET_RULES, ruleFitsVoteType, type BudgetRule, type VoteType } from '../model.ts';
import { computeResults, type StoredResult } from './results.ts';

export type ImportOutcome =
  | { kind: 'imported'; editionId: number; budgetId: number; ballots: number; result: StoredResult }
  | { kind: 'parse_error'; line: number; message: string }
  | { kind: 'unsupported_vote_type'; voteType: string }
  | { kind: 'unsupported_rule'; rule: string }
  | { kind: 'no_budget' }
  | { kind: 'not_found' }
  | { kind: 'tally_failed'; message: string };

export interface ImportInput {
  text: string;
  /** null: use the file's META rule. */
  rule: BudgetRule | null;
  /** null: create a new edition. */
  editionId: number | null;
  fileName: string;
}

const CHUNK = 2000;

function metaInt(e: PbElection, key: string): number | null {
  const v = Number(e.meta.get(key));
  return e.meta.has(key) && Number.isInteger(v) && v > 0 ? v : null;
}

/** Our vote type and ballot limits for the file: META where it says, else what the ballots show. */
function ballotSettings(e: PbElection): { voteType: VoteType; approvalMin: number; approvalMax: number | null; perProject: number | null; total: number | null; ordinalMax: number | null } | null {
  const longest = Math.max(1, ...e.votes.map((v) => v.projects.length));
  const base = { approvalMin: metaInt(e, 'min_length') ?? 1, approvalMax: null as number | null, perProject: null as number | null, total: null as number | null, ordinalMax: null as number | null };
  switch (e.voteType) {
    case 'approval':
      return { ...base, voteType: e.meta.has('max_sum_cost') ? 'knapsack' : 'approval', approvalMax: Math.max(metaInt(e, 'max_length') ?? 0, 0) || null };
    case 'choose-1':
      return { ...base, voteType: 'choose-1' };
    case 'ordinal':
      return { ...base, voteType: 'ordinal', ordinalMax: metaInt(e, 'max_length') ?? longest };
    case 'cumulative': {
      const points = e.votes.flatMap((v) => v.points ?? []);
      const sums = e.votes.map((v) => (v.points ?? []).reduce((s, p) => s + p, 0));
      return {
        ...base,
        voteType: 'cumulative',
        perProject: metaInt(e, 'max_points') ?? Math.max(1, Math.ceil(Math.max(0, ...points))),
        total: metaInt(e, 'max_sum_points') ?? Math.max(1, Math.ceil(Math.max(0, ...sums))),
      };
    }
    default:
      return null;
  }
}

async function insertProjects(tx: TxQuery, budgetId: number, e: PbElection): Promise<Map<string, number>> {
  const rows = await tx.query<{ id: number; external_id: string }>(
    `insert into pb_projects (budget_id, external_id, position, title, description, cost, official_votes, official_score, official_selected, pb_fields, status)
     select $1, x, (o - 1)::int, left(t, 300), d, c, v, s, sel, f::jsonb, 'accepted'
     from unnest($2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::float8[], $8::int[], $9::text[]) with ordinality as u(x, t, d, c, v, s, sel, f, o)
     order by o returning id, external_id`,
    [
      budgetId,
      e.projects.map((p) => p.id),
      e.projects.map((p) => p.fields.get('name')?.trim() || `#${p.id}`),
      e.projects.map((p) => p.fields.get('description') ?? ''),
      e.projects.map((p) => p.cost),
      e.projects.map((p) => p.votes),
      e.projects.map((p) => p.score),
      e.projects.map((p) => p.selected),
      e.projects.map((p) => JSON.stringify(Object.fromEntries(p.fields))),
    ],
  );
  return new Map(rows.map((r) => [r.external_id, r.id]));
}

async function insertBallots(tx: TxQuery, budgetId: number, e: PbElection, projectIds: Map<string, number>): Promise<void> {
  for (let start = 0; start < e.votes.length; start += CHUNK) {
    const chunk = e.votes.slice(start, start + CHUNK);
    const ids = await tx.query<{ id: string }>(
      `insert into pb_ballots (budget_id, external_voter, source, pb_fields)
       select $1, v, 'import', f::jsonb from unnest($2::text[], $3::text[]) with ordinality as u(v, f, o) order by o returning id`,
      [budgetId, chunk.map((v) => v.voterId), chunk.map((v) => JSON.stringify(Object.fromEntries(v.fields)))],
    );
    const ballot: number[] = [];
    const project: number[] = [];
    const position: number[] = [];
    const points: (number | null)[] = [];
    // RETURNING follows the insert order, which follows `order by o`.
    chunk.forEach((v, i) => {
      v.projects.forEach((pid, k) => {
        ballot.push(Number(ids[i]!.id));
        project.push(projectIds.get(pid)!);
        position.push(k);
        points.push(v.points?.[k] ?? null);
      });
    });
    await tx.query(
      `insert into pb_ballot_items (ballot_id, project_id, position, points) select * from unnest($1::bigint[], $2::int[], $3::int[], $4::float8[])`,
      [ballot, project, position, points],
    );
  }
}

class ImportFailed extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super(outcome.kind);
  }
}

export async function importPabulib(ctx: AppContext, actorId: string, input: ImportInput): Promise<ImportOutcome> {
  const parsed = parsePb(input.text);
  if (!parsed.ok) return { kind: 'parse_error', line: parsed.error.line, message: parsed.error.message };
  const e = parsed.value;
  const settings = ballotSettings(e);
  if (!settings) return { kind: 'unsupported_vote_type', voteType: e.voteType };
  const rule = input.rule ?? (e.rule as BudgetRule | null);
  if (!rule || !BUDGET_RULES.includes(rule) || !ruleFitsVoteType(rule, settings.voteType) || (rule === 'greedy-threshold' && e.threshold === null)) {
    return { kind: 'unsupported_rule', rule: rule ?? 'unknown' };
  }
  if (!(e.budget > 0)) return { kind: 'no_budget' };
  const currency = /^[A-Z]{3}$/.test(e.meta.get('currency') ?? '') ? e.meta.get('currency')! : 'RON';
  const title = [e.meta.get('unit'), e.meta.get('instance')].filter(Boolean).join(' ') || input.fileName;
  const name = (e.meta.get('subunit') || e.meta.get('district') || e.meta.get('description') || input.fileName).slice(0, 200);
  try {
    return await ctx.database.transaction(async (tx): Promise<ImportOutcome> => {
      let editionId = input.editionId;
      if (editionId === null) {
        const [row] = await tx.query<{ id: number }>(`insert into pb_editions (title, description, phase, source) values ($1, $2, 'results', 'pabulib') returning id`, [
          title.slice(0, 200),
          e.meta.get('description') ?? '',
        ]);
        editionId = row!.id;
      } else {
        const [row] = await tx.query(`select 1 from pb_editions where id = $1 and source = 'pabulib' for update`, [editionId]);
        if (!row) return { kind: 'not_found' };
      }
      const [b] = await tx.query<{ id: number }>(
        `insert into pb_budgets (edition_id, name, amount, currency, vote_type, approval_min, approval_max, points_per_project, points_total, ordinal_max,
           rule, score_threshold, pb_meta, pb_project_columns, pb_vote_columns, voting_closed_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now()) returning id`,
        [
          editionId, name, e.budget, currency, settings.voteType, settings.approvalMin, settings.approvalMax, settings.perProject, settings.total, settings.ordinalMax,
          rule, e.threshold, JSON.stringify([...e.meta]), e.projectColumns, e.voteColumns,
        ],
      );
      const budgetId = b!.id;
      await insertBallots(tx, budgetId, e, await insertProjects(tx, budgetId, e));
      const result = await computeResults(tx, (await loadBudget(tx, budgetId))!, actorId);
      if (!result.ok) throw new ImportFailed({ kind: 'tally_failed', message: result.error.message });
      await recordAudit(tx, { actorId, action: 'pb.import', subjectType: 'pb_budget', subjectId: budgetId, details: { file: input.fileName, projects: e.projects.length, ballots: e.votes.length, rule } });
      return { kind: 'imported', editionId, budgetId, ballots: e.votes.length, result: result.value };
    });
  } catch (err) {
    if (err instanceof ImportFailed) return err.outcome;
    throw err;
  }
}
