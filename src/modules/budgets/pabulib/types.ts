// Data model for one Pabulib `.pb` election (https://pabulib.org/format).
// Everything here is plain data so the tally engine stays a pure library.

/** Success-or-failure value; the library never throws for bad input, it returns this. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** A malformed `.pb` file: `line` is the 1-based physical line of the offending record. */
export interface ParseError {
  line: number;
  message: string;
}

export const VOTE_TYPES = ['approval', 'cumulative', 'ordinal', 'choose-1', 'scoring'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];

export interface PbProject {
  id: string;
  cost: number;
  /** PROJECTS `votes` column (number of supporters), null when absent or empty. */
  votes: number | null;
  /** PROJECTS `score` column (points / Borda total), null when absent or empty. */
  score: number | null;
  /** Official outcome: 0 not funded, 1 funded, 2/3 funded for a reason explained in META comment. */
  selected: number | null;
  /** Every other column (name, category, ...) verbatim, keyed by header name. */
  fields: Map<string, string>;
}

export interface PbVote {
  voterId: string;
  /** Project ids in ballot order (ranking order for ordinal ballots). */
  projects: string[];
  /** `points` column aligned with `projects`, null when the file has none for this voter. */
  points: number[] | null;
  /** Every other column (age, sex, voting_method, ...) verbatim. */
  fields: Map<string, string>;
}

/**
 * A parsed election. `meta` holds every META row verbatim and is what the serializer writes;
 * `budget`, `voteType`, `rule` and `threshold` are typed views of it, validated by the parser
 * (keep them in agreement with `meta` when building an election by hand).
 */
export interface PbElection {
  meta: Map<string, string>;
  budget: number;
  voteType: VoteType;
  /** META `rule` as written (e.g. `greedy`, `equalshares/add1`, `unknown`), null if absent. */
  rule: string | null;
  /** META `min_project_score_threshold`, null if absent. */
  threshold: number | null;
  /** PROJECTS header in file order (starts with project_id). */
  projectColumns: string[];
  projects: PbProject[];
  /** VOTES header in file order (starts with voter_id). */
  voteColumns: string[];
  votes: PbVote[];
}
