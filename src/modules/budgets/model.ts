// Vocabulary of the participatory-budgeting module, shared by commands, pages and tests.
import type { VoteType as PbVoteType } from './pabulib/types.ts';

export const PHASES = ['draft', 'submission', 'review', 'voting', 'results', 'implementation'] as const;
export type Phase = (typeof PHASES)[number];
/** Phases that have dates on the public timeline (draft is the admin's preparation). */
export const DATED_PHASES = ['submission', 'review', 'voting', 'results', 'implementation'] as const;
export type DatedPhase = (typeof DATED_PHASES)[number];

export const VOTE_TYPES = ['approval', 'knapsack', 'cumulative', 'ordinal', 'choose-1'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];

/** The rules a city can choose for its own budgets (the engine knows a few more for imports). */
export const BUDGET_RULES = ['greedy', 'greedy-no-skip', 'greedy-threshold', 'equalshares', 'equalshares/add1'] as const;
export type BudgetRule = (typeof BUDGET_RULES)[number];

export const PROJECT_STATUSES = ['submitted', 'accepted', 'rejected', 'selected', 'implemented'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
/** Statuses of projects that are (or were) on the ballot. */
export const ON_BALLOT: readonly ProjectStatus[] = ['accepted', 'selected', 'implemented'];

export interface BudgetConfig {
  id: number;
  editionId: number;
  name: string;
  areaId: number | null;
  areaName: string | null;
  amount: number;
  currency: string;
  minProjectCost: number | null;
  maxProjectCost: number | null;
  voteType: VoteType;
  approvalMin: number;
  approvalMax: number | null;
  pointsPerProject: number | null;
  pointsTotal: number | null;
  ordinalMax: number | null;
  rule: BudgetRule;
  scoreThreshold: number | null;
  allowBallotChange: boolean;
  votingClosedAt: string | null;
  imported: boolean;
}

/** MES is defined for approval-style ballots only (the engine refuses the others). */
export function ruleFitsVoteType(rule: BudgetRule, voteType: VoteType): boolean {
  return !rule.startsWith('equalshares') || voteType === 'approval' || voteType === 'knapsack' || voteType === 'choose-1';
}

/** Pabulib has no knapsack vote type: a knapsack ballot is an approval ballot with a cost limit. */
export function pabulibVoteType(v: VoteType): PbVoteType {
  return v === 'knapsack' ? 'approval' : v;
}
