// Closing the vote: every budget of the edition is tallied from its stored ballots with the
// budget's rule, the results are stored, and the winners become "selected" — all in one
// transaction that first waits for ballots still being written (they hold a share lock on the
// budget row), so no ballot can land after the count.
import type { AppContext } from '../../../core/context.ts';
import type { TxQuery } from '../../../core/db/database.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';
import { editionBudgets, loadEdition } from '../budget-config.ts';
import { budgetElection } from '../election.ts';
import { tally, type TallyError } from '../tally/tally.ts';
import { officialScores } from '../tally/scores.ts';
import type { BudgetConfig, Phase } from '../model.ts';

export interface ResultProject {
  projectId: number;
  score: number;
  cost: number;
  selected: boolean;
  /** 1-based order in which the rule funded it; null when not funded. */
  order: number | null;
}

export interface StoredResult {
  rule: string;
  voters: number;
  budget: number;
  spent: number;
  projects: ResultProject[];
  tieBroken: boolean;
}

export async function computeResults(tx: TxQuery, budget: BudgetConfig, actorId: string | null): Promise<{ ok: true; value: StoredResult } | { ok: false; error: TallyError }> {
  const { election, projectIds } = await budgetElection(tx, budget);
  const result = tally(election, budget.rule);
  if (!result.ok) return result;
  const { scores } = officialScores(election);
  const order = new Map(result.value.selected.map((id, i) => [id, i + 1]));
  const projects: ResultProject[] = election.projects.map((p, i) => ({
    projectId: projectIds[i]!,
    score: scores[i]!,
    cost: p.cost,
    selected: order.has(p.id),
    order: order.get(p.id) ?? null,
  }));
  const stored: StoredResult = {
    rule: result.value.rule,
    voters: election.votes.length,
    budget: budget.amount,
    spent: result.value.spent,
    projects,
    tieBroken: result.value.tieBrokenByOrder,
  };
  await tx.query(
    `insert into pb_results (budget_id, rule, voters, budget, spent, projects, tie_broken, details, computed_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (budget_id) do update set rule = excluded.rule, voters = excluded.voters, budget = excluded.budget, spent = excluded.spent,
       projects = excluded.projects, tie_broken = excluded.tie_broken, details = excluded.details, computed_at = now(), computed_by = excluded.computed_by`,
    [budget.id, stored.rule, stored.voters, stored.budget, stored.spent, JSON.stringify(projects), stored.tieBroken, JSON.stringify({ scoreSource: result.value.scoreSource, add1: result.value.add1 }), actorId],
  );
  const winners = projects.filter((p) => p.selected).map((p) => p.projectId);
  await tx.query(`update pb_projects set status = 'selected', updated_at = now() where id = any($1::int[]) and status = 'accepted'`, [winners]);
  return { ok: true, value: stored };
}

export type CloseOutcome =
  | { kind: 'closed'; budgets: number }
  | { kind: 'not_found' }
  | { kind: 'wrong_phase'; phase: Phase }
  | { kind: 'tally_failed'; budget: string; message: string };

class TallyFailed extends Error {
  constructor(
    readonly budget: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export async function closeVoting(ctx: AppContext, actorId: string, editionId: number): Promise<CloseOutcome> {
  try {
    return await ctx.database.transaction(async (tx): Promise<CloseOutcome> => {
      const edition = await loadEdition(tx, editionId, true);
      if (!edition) return { kind: 'not_found' };
      if (edition.phase !== 'voting') return { kind: 'wrong_phase', phase: edition.phase };
      // Waits for every ballot transaction holding its share lock on these rows.
      await tx.query('select id from pb_budgets where edition_id = $1 order by id for update', [editionId]);
      const budgets = await editionBudgets(tx, editionId);
      for (const b of budgets) {
        const r = await computeResults(tx, b, actorId);
        if (!r.ok) throw new TallyFailed(b.name, r.error.message);
      }
      await tx.query('update pb_budgets set voting_closed_at = now() where edition_id = $1', [editionId]);
      await tx.query(`update pb_editions set phase = 'results', updated_at = now() where id = $1`, [editionId]);
      await recordAudit(tx, { actorId, action: 'pb.voting.close', subjectType: 'pb_edition', subjectId: editionId, details: { budgets: budgets.length } });
      await ctx.events.publish({ type: 'pb.results', public: true, payload: { id: editionId, title: edition.title } }, tx);
      return { kind: 'closed', budgets: budgets.length };
    });
  } catch (err) {
    if (err instanceof TallyFailed) return { kind: 'tally_failed', budget: err.budget, message: err.reason };
    throw err;
  }
}
