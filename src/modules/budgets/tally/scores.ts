// Project scores used by the greedy rules.
//  - approval, choose-1: number of voters listing the project;
//  - cumulative, scoring: sum of the points given to it;
//  - ordinal: the `points` column when present, else per-ballot Borda — a ballot ranking k
//    projects gives k, k-1, ..., 1 points. That is what Pabulib's tools compute when there is
//    no points column (pabulib checker `create_points_based_on_vote_length`), and it reproduces
//    the official `score` column of the Kraków 2018 and Chicago 2021 samples exactly.
import type { PbElection } from '../pabulib/types.ts';

export type ScoreSource = 'score-column' | 'votes-column' | 'computed';

/** Scores computed from the VOTES section, aligned with `e.projects`. */
export function computeScores(e: PbElection): number[] {
  const index = new Map(e.projects.map((p, i) => [p.id, i]));
  const scores = new Array<number>(e.projects.length).fill(0);
  for (const v of e.votes) {
    const k = v.projects.length;
    v.projects.forEach((id, pos) => {
      const i = index.get(id);
      if (i === undefined) return; // the parser rejects unknown ids; hand-built data is ignored
      let add = 1;
      if (e.voteType === 'cumulative' || e.voteType === 'scoring') add = v.points?.[pos] ?? 0;
      else if (e.voteType === 'ordinal') add = v.points?.[pos] ?? k - pos;
      scores[i]! += add;
    });
  }
  return scores;
}

/**
 * Official scores: the PROJECTS `score` column, else (for approval / choose-1, where a vote
 * is worth one point) the `votes` column, else computed from VOTES. Published columns win
 * because they can include ballots VOTES lacks (e.g. paper ballots). A column is used only
 * when every project has a value, so sources are never mixed.
 */
export function officialScores(e: PbElection): { scores: number[]; source: ScoreSource } {
  if (e.projects.length > 0 && e.projects.every((p) => p.score !== null)) {
    return { scores: e.projects.map((p) => p.score!), source: 'score-column' };
  }
  const onePointBallots = e.voteType === 'approval' || e.voteType === 'choose-1';
  if (onePointBallots && e.projects.length > 0 && e.projects.every((p) => p.votes !== null)) {
    return { scores: e.projects.map((p) => p.votes!), source: 'votes-column' };
  }
  return { scores: computeScores(e), source: 'computed' };
}
