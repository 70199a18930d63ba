// What a valid ballot is, per vote type. Pure: the ballot page, the cast command, paper ballots
// and the tests all ask this one function, so the rule explained to the voter is the rule enforced.
import type { Params } from '../../../core/i18n/catalog.ts';
import type { BudgetConfig } from '../model.ts';

export interface BallotProject {
  id: number;
  /** The cost the voter sees: the officials' adjusted cost when there is one. */
  cost: number;
}

/**
 * A voter's choice: project ids in ballot order (ranking order for ordinal ballots) and, for
 * cumulative ballots only, the points given to each.
 */
export interface BallotChoice {
  projectIds: number[];
  points: number[] | null;
}

export interface BallotProblem {
  /** Form field to point at (`projects`, `points_<id>`, `rank_<n>`). */
  field: string;
  /** Message key, with its parameters. */
  key: string;
  params?: Params;
}

export type BallotRules = Pick<BudgetConfig, 'voteType' | 'amount' | 'approvalMin' | 'approvalMax' | 'pointsPerProject' | 'pointsTotal' | 'ordinalMax'>;

export function totalCost(projects: readonly BallotProject[], ids: readonly number[]): number {
  const byId = new Map(projects.map((p) => [p.id, p.cost]));
  // Sum in cents so that 0.1 + 0.2 style drift never decides "does it fit".
  return ids.reduce((s, id) => s + Math.round((byId.get(id) ?? 0) * 100), 0) / 100;
}

export function validateBallot(rules: BallotRules, projects: readonly BallotProject[], choice: BallotChoice): BallotProblem[] {
  const problems: BallotProblem[] = [];
  const known = new Set(projects.map((p) => p.id));
  const seen = new Set<number>();
  for (const id of choice.projectIds) {
    if (!known.has(id)) problems.push({ field: 'projects', key: 'pb.ballot.err.unknownProject' });
    else if (seen.has(id)) problems.push({ field: 'projects', key: 'pb.ballot.err.duplicate' });
    seen.add(id);
  }
  if (problems.length) return problems;
  const n = choice.projectIds.length;
  if (n === 0) return [{ field: 'projects', key: 'pb.ballot.err.empty' }];

  switch (rules.voteType) {
    case 'approval':
      if (n < rules.approvalMin) problems.push({ field: 'projects', key: 'pb.ballot.err.approvalMin', params: { min: rules.approvalMin, count: n } });
      if (rules.approvalMax !== null && n > rules.approvalMax) problems.push({ field: 'projects', key: 'pb.ballot.err.approvalMax', params: { max: rules.approvalMax, count: n } });
      break;
    case 'knapsack': {
      const total = totalCost(projects, choice.projectIds);
      // `cost` and `budget` are amounts: the presenter formats them for the voter's language.
      if (total > rules.amount) problems.push({ field: 'projects', key: 'pb.ballot.err.knapsack', params: { cost: total, budget: rules.amount } });
      break;
    }
    case 'cumulative': {
      const points = choice.points ?? [];
      if (points.length !== n) return [{ field: 'projects', key: 'pb.ballot.err.pointsMissing' }];
      const perProject = rules.pointsPerProject ?? Number.POSITIVE_INFINITY;
      points.forEach((p, i) => {
        const field = `points_${choice.projectIds[i]}`;
        if (!Number.isInteger(p) || p < 1) problems.push({ field, key: 'pb.ballot.err.pointsWhole' });
        else if (p > perProject) problems.push({ field, key: 'pb.ballot.err.pointsPerProject', params: { max: perProject, points: p } });
      });
      const sum = points.reduce((s, p) => s + p, 0);
      if (rules.pointsTotal !== null && sum > rules.pointsTotal) problems.push({ field: 'projects', key: 'pb.ballot.err.pointsTotal', params: { max: rules.pointsTotal, total: sum } });
      break;
    }
    case 'ordinal':
      if (rules.ordinalMax !== null && n > rules.ordinalMax) problems.push({ field: 'projects', key: 'pb.ballot.err.ordinalLength', params: { max: rules.ordinalMax, count: n } });
      break;
    case 'choose-1':
      if (n !== 1) problems.push({ field: 'projects', key: 'pb.ballot.err.chooseOne', params: { count: n } });
      break;
  }
  return problems;
}

