// Casting a ballot, online or on paper. One ballot per person per budget is the database's
// constraint (pb_ballots_one_per_voter / _per_resident / _per_external); this code only decides
// what to tell the voter when the constraint says no. A retry of the same submission (same
// submission key) is answered as "already recorded", never as a second ballot.
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { TxQuery } from '../../../core/db/database.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';
import { ballotProjects, loadBudget, loadEdition, type EditionCore } from '../budget-config.ts';
import type { BudgetConfig } from '../model.ts';
import { validateBallot, type BallotChoice, type BallotProblem } from '../ballot/rules.ts';
import { newReceiptCode, receiptHash } from '../ballot/receipt.ts';
import { censusHash, checkEligibility, type IneligibleReason } from './eligibility.ts';

export type CastOutcome =
  | { kind: 'cast'; ballotId: number; receipt: string; replaced: boolean }
  | { kind: 'repeated' }
  | { kind: 'already_voted' }
  | { kind: 'not_found' }
  | { kind: 'closed' }
  | { kind: 'ineligible'; reason: IneligibleReason }
  | { kind: 'invalid'; problems: BallotProblem[] };

/** Voting is open for the budget: checked under a share lock that closing the vote must wait for. */
async function lockOpenBudget(tx: TxQuery, budgetId: number): Promise<boolean> {
  const [row] = await tx.query<{ open: boolean }>(
    `select b.voting_closed_at is null and e.phase = 'voting' as open
     from pb_budgets b join pb_editions e on e.id = b.edition_id where b.id = $1 for share of b`,
    [budgetId],
  );
  return row?.open === true;
}

async function writeItems(tx: TxQuery, ballotId: number, choice: BallotChoice): Promise<void> {
  await tx.query(
    `insert into pb_ballot_items (ballot_id, project_id, position, points)
     select $1, p, (o - 1)::int, pts from unnest($2::int[], $3::float8[]) with ordinality as t(p, pts, o)`,
    [ballotId, choice.projectIds, choice.points ?? choice.projectIds.map(() => null)],
  );
}

async function issueReceipt(tx: TxQuery, ballotId: number): Promise<string> {
  const code = newReceiptCode();
  await tx.query('insert into pb_receipts (code_hash, ballot_id) values ($1, $2)', [receiptHash(code), ballotId]);
  return code;
}

/** The budget and its edition, when the caller has just read them (saves two queries per ballot). */
export interface Loaded {
  budget: BudgetConfig;
  edition: EditionCore;
}

async function prepare(ctx: AppContext, budgetId: number, choice: BallotChoice, loaded?: Loaded) {
  const budget = loaded?.budget ?? (await loadBudget(ctx.database, budgetId));
  if (!budget) return { kind: 'not_found' } as const;
  const edition = loaded?.edition ?? (await loadEdition(ctx.database, budget.editionId))!;
  if (edition.phase !== 'voting' || budget.votingClosedAt) return { kind: 'closed' } as const;
  const problems = validateBallot(budget, await ballotProjects(ctx.database, budgetId), choice);
  return { kind: 'ready', budget, edition, problems } as const;
}

export async function castBallot(ctx: AppContext, actor: Actor, budgetId: number, choice: BallotChoice, submissionKey: string | null, loaded?: Loaded): Promise<CastOutcome> {
  const prep = await prepare(ctx, budgetId, choice, loaded);
  if (prep.kind !== 'ready') return prep;
  const eligibility = await checkEligibility(ctx.database, actor, prep.edition);
  if (eligibility.kind === 'ineligible') return eligibility;
  if (prep.problems.length) return { kind: 'invalid', problems: prep.problems };
  if (actor.kind !== 'user') return { kind: 'ineligible', reason: 'not_signed_in' };
  const allowChange = prep.budget.allowBallotChange;

  return ctx.database.transaction(async (tx): Promise<CastOutcome> => {
    if (!(await lockOpenBudget(tx, budgetId))) return { kind: 'closed' };
    const [fresh] = await tx.query<{ id: string }>(
      `insert into pb_ballots (budget_id, voter_id, census_hash, source, submission_key) values ($1, $2, $3, 'online', $4)
       on conflict do nothing returning id`,
      [budgetId, actor.id, eligibility.censusHash, submissionKey],
    );
    if (fresh) {
      const id = Number(fresh.id);
      await writeItems(tx, id, choice);
      return { kind: 'cast', ballotId: id, receipt: await issueReceipt(tx, id), replaced: false };
    }
    const [mine] = await tx.query<{ id: string; submission_key: string | null }>(
      'select id, submission_key from pb_ballots where budget_id = $1 and voter_id = $2 for update',
      [budgetId, actor.id],
    );
    // No ballot of this account: the conflict was the resident's identifier, used on paper already.
    if (!mine) return { kind: 'already_voted' };
    if (submissionKey !== null && mine.submission_key === submissionKey) return { kind: 'repeated' };
    if (!allowChange) return { kind: 'already_voted' };
    const id = Number(mine.id);
    await tx.query('delete from pb_ballot_items where ballot_id = $1', [id]);
    await writeItems(tx, id, choice);
    await tx.query('update pb_ballots set submission_key = $2, updated_at = now() where id = $1', [id, submissionKey]);
    await tx.query('update pb_receipts set superseded_at = now() where ballot_id = $1 and superseded_at is null', [id]);
    return { kind: 'cast', ballotId: id, receipt: await issueReceipt(tx, id), replaced: true };
  });
}

export type PaperOutcome =
  | { kind: 'cast'; ballotId: number; receipt: string }
  | { kind: 'duplicate_number' }
  | { kind: 'resident_voted' }
  | { kind: 'not_in_list' }
  | { kind: 'census_needed' }
  | { kind: 'not_found' }
  | { kind: 'closed' }
  | { kind: 'invalid'; problems: BallotProblem[] };

/**
 * A paper ballot an official copies in (assisted voting, polling stations). The paper's number
 * keeps it from being entered twice; with a residents' list, the resident's identifier keeps the
 * person from also voting online. Every entry is in the audit log.
 */
export async function enterPaperBallot(
  ctx: AppContext,
  officialId: string,
  budgetId: number,
  input: { number: string; identifier: string | null; choice: BallotChoice },
): Promise<PaperOutcome> {
  const prep = await prepare(ctx, budgetId, input.choice);
  if (prep.kind !== 'ready') return prep;
  if (prep.problems.length) return { kind: 'invalid', problems: prep.problems };
  let hash: string | null = null;
  if (prep.edition.censusRequired) {
    if (!input.identifier) return { kind: 'census_needed' };
    hash = censusHash(ctx.secret, input.identifier);
    const [listed] = await ctx.database.query('select 1 from pb_census where edition_id = $1 and identifier_hash = $2', [prep.edition.id, hash]);
    if (!listed) return { kind: 'not_in_list' };
  }
  return ctx.database.transaction(async (tx): Promise<PaperOutcome> => {
    if (!(await lockOpenBudget(tx, budgetId))) return { kind: 'closed' };
    const external = `paper:${input.number.trim()}`;
    const [row] = await tx.query<{ id: string }>(
      `insert into pb_ballots (budget_id, external_voter, census_hash, source, entered_by) values ($1, $2, $3, 'paper', $4)
       on conflict do nothing returning id`,
      [budgetId, external, hash, officialId],
    );
    if (!row) {
      const [same] = await tx.query('select 1 from pb_ballots where budget_id = $1 and external_voter = $2', [budgetId, external]);
      return same ? { kind: 'duplicate_number' } : { kind: 'resident_voted' };
    }
    const id = Number(row.id);
    await writeItems(tx, id, input.choice);
    await recordAudit(tx, { actorId: officialId, action: 'pb.ballot.paper', subjectType: 'pb_budget', subjectId: budgetId, details: { ballotId: id, number: input.number.trim() } });
    return { kind: 'cast', ballotId: id, receipt: await issueReceipt(tx, id) };
  });
}

export type ReceiptStatus =
  | { kind: 'unknown' }
  | { kind: 'found'; edition: string; budget: string; recordedAt: string; supersededAt: string | null; source: 'online' | 'paper' | 'import'; countedAt: string | null };

/** What a receipt proves: the ballot exists as recorded, and whether the results counted it. */
export async function checkReceipt(ctx: AppContext, code: string): Promise<ReceiptStatus> {
  const [r] = await ctx.database.query<{ edition: string; budget: string; issued_at: Date | string; superseded_at: Date | string | null; source: 'online' | 'paper' | 'import'; computed_at: Date | string | null }>(
    `select e.title as edition, bu.name as budget, r.issued_at, r.superseded_at, b.source, res.computed_at
     from pb_receipts r join pb_ballots b on b.id = r.ballot_id join pb_budgets bu on bu.id = b.budget_id
     join pb_editions e on e.id = bu.edition_id left join pb_results res on res.budget_id = bu.id
     where r.code_hash = $1`,
    [receiptHash(code)],
  );
  if (!r) return { kind: 'unknown' };
  const iso = (d: Date | string) => new Date(d).toISOString();
  return {
    kind: 'found',
    edition: r.edition,
    budget: r.budget,
    recordedAt: iso(r.issued_at),
    supersededAt: r.superseded_at === null ? null : iso(r.superseded_at),
    source: r.source,
    countedAt: r.computed_at !== null && r.superseded_at === null ? iso(r.computed_at) : null,
  };
}
