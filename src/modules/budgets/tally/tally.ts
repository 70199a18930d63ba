// Entry point of the tally engine: resolve the rule (argument or the file's META `rule`), run
// it, and report the funded projects. Pure: takes a parsed election, returns a Result.
import type { PbElection, Result } from '../pabulib/types.ts';
import { equalSharesAdd1 } from './add1.ts';
import { greedySelect } from './greedy.ts';
import { equalSharesFixedBudget, mesProfile } from './mes.ts';
import { SENTINEL_COST, sumUnits, toUnits } from './money.ts';
import { officialScores, type ScoreSource } from './scores.ts';

export const RULES = [
  'greedy',
  'greedy-no-skip',
  'greedy-threshold',
  'greedy-no-skip-80pct',
  'equalshares',
  'equalshares/add1',
] as const;
export type RuleName = (typeof RULES)[number];

export interface TallyResult {
  rule: RuleName;
  /** Funded project ids, in the order the rule funded them. */
  selected: string[];
  /** Total cost of `selected` (may exceed `budget` only for greedy-no-skip-80pct). */
  spent: number;
  budget: number;
  /** Where greedy rules took scores from; null for MES (it uses ballots, not scores). */
  scoreSource: ScoreSource | null;
  /** MES + Add1 only: final per-voter endowment and number of MES runs. */
  add1: { endowment: number; runs: number } | null;
  /** A tie survived cost and supporter count; it was broken by PROJECTS order (see README). */
  tieBrokenByOrder: boolean;
}

export type TallyErrorCode = 'no-rule' | 'unknown-rule' | 'unsupported-rule' | 'missing-threshold' | 'unsupported-vote-type';

export interface TallyError {
  code: TallyErrorCode;
  message: string;
}

// Rules Pabulib's format knows (pabulib checker VALID_RULES) that we deliberately do not run.
const NOT_IMPLEMENTED: Record<string, string> = {
  'greedy-custom':
    "the file's rule is 'greedy-custom': a city-specific greedy variant described only in the META comment; choose an explicit --rule (e.g. greedy-no-skip-80pct for Poznań's 80% rule)",
  'greedy-exclusive': "'greedy-exclusive' (greedy with exclusion constraints not stored in the file) is not supported",
  'equalshares-comparison': "'equalshares-comparison' (MES compared against greedy) is not supported",
  'equalshares/add1-comparison': "'equalshares/add1-comparison' (MES compared against greedy) is not supported",
};

export function resolveRule(requested: string | null): Result<RuleName, TallyError> {
  const name = requested?.trim().toLowerCase() ?? '';
  if (name === '' || name === 'unknown') {
    return { ok: false, error: { code: 'no-rule', message: `the file does not say which rule was used (rule: ${requested ?? 'missing'}); choose one of ${RULES.join(', ')}` } };
  }
  if ((RULES as readonly string[]).includes(name)) return { ok: true, value: name as RuleName };
  const why = NOT_IMPLEMENTED[name];
  if (why) return { ok: false, error: { code: 'unsupported-rule', message: why } };
  return { ok: false, error: { code: 'unknown-rule', message: `unknown rule ${JSON.stringify(requested)}; supported: ${RULES.join(', ')}` } };
}

function runGreedy(e: PbElection, rule: RuleName, units: ReturnType<typeof toUnits>): Result<{ picked: number[]; source: ScoreSource }, TallyError> {
  if (rule === 'greedy-threshold' && e.threshold === null) {
    return { ok: false, error: { code: 'missing-threshold', message: 'greedy-threshold needs META min_project_score_threshold' } };
  }
  const { scores, source } = officialScores(e);
  const picked = greedySelect(
    { costUnits: units.costs, costs: e.projects.map((p) => p.cost), scores, budgetUnits: units.budget },
    {
      // Plain greedy ignores the threshold (Pabulib labels thresholded elections greedy-threshold);
      // the no-skip variants honour it when present, as Pabulib's checker does.
      threshold: rule === 'greedy' ? null : e.threshold,
      stopAtFirstMiss: rule === 'greedy-no-skip' || rule === 'greedy-no-skip-80pct',
      partialCoverage: rule === 'greedy-no-skip-80pct' ? 0.8 : null,
    },
  );
  return { ok: true, value: { picked, source } };
}

/** Tally `e` with `rule` (defaults to the file's META rule). */
export function tally(e: PbElection, rule?: string | null): Result<TallyResult, TallyError> {
  const resolved = resolveRule(rule ?? e.rule);
  if (!resolved.ok) return resolved;
  const name = resolved.value;
  const units = toUnits(e.budget, e.projects.map((p) => p.cost));
  let picked: number[];
  let scoreSource: ScoreSource | null = null;
  let add1: TallyResult['add1'] = null;
  let tieBrokenByOrder = false;

  if (name.startsWith('greedy')) {
    const g = runGreedy(e, name, units);
    if (!g.ok) return g;
    picked = g.value.picked;
    scoreSource = g.value.source;
  } else {
    // MES is defined here for approval-style ballots; choose-1 is approval with one project.
    if (e.voteType !== 'approval' && e.voteType !== 'choose-1') {
      return { ok: false, error: { code: 'unsupported-vote-type', message: `${name} needs approval or choose-1 ballots, this file has ${e.voteType}` } };
    }
    const index = new Map(e.projects.map((p, i) => [p.id, i]));
    const profile = mesProfile(
      e.projects.map((p) => p.cost),
      e.projects.map((p) => p.cost !== SENTINEL_COST),
      // parsePb rejects unknown ids; drop them for hand-built elections rather than crash.
      e.votes.map((v) => v.projects.flatMap((id) => index.get(id) ?? [])),
    );
    if (name === 'equalshares') {
      const out = equalSharesFixedBudget(profile, e.budget);
      picked = out.winners;
      tieBrokenByOrder = out.tieBrokenByOrder;
    } else {
      const out = equalSharesAdd1({ profile, budget: e.budget, costUnits: units.costs, budgetUnits: units.budget });
      picked = out.winners;
      tieBrokenByOrder = out.tieBrokenByOrder;
      add1 = { endowment: out.endowment, runs: out.runs };
    }
  }
  return {
    ok: true,
    value: {
      rule: name,
      selected: picked.map((i) => e.projects[i]!.id),
      spent: sumUnits(units.costs, picked) / units.scale,
      budget: e.budget,
      scoreSource,
      add1,
      tieBrokenByOrder,
    },
  };
}
