// Greedy rules as Pabulib defines them (pabulib checker `verify_greedy_selected` and friends).
//
// Tie-breaking: projects are ordered by score, highest first; equal scores keep their order in
// the PROJECTS section (a stable sort — exactly what Pabulib's checker does with Python's
// `sorted`). Pabulib lists projects by official result, so file order is the published order.
//
// Withdrawn projects carry the sentinel cost 999999999; they are never selected and, as in
// Pabulib's checker, do not stop `greedy-no-skip` (Wrocław 2017 relies on this).
import { SENTINEL_COST } from './money.ts';

export interface GreedyInput {
  /** Integer money units (see money.ts), aligned with `scores`. */
  costUnits: readonly number[];
  /** Original costs, only used to recognise the sentinel. */
  costs: readonly number[];
  scores: readonly number[];
  budgetUnits: number;
}

export interface GreedyOptions {
  /** Only projects with score >= threshold are eligible (null: everyone is). */
  threshold: number | null;
  /** `greedy-no-skip`: stop at the first eligible project that does not fit. */
  stopAtFirstMiss: boolean;
  /**
   * With stopAtFirstMiss: also fund that first non-fitting project when the remaining budget
   * covers at least this fraction of its cost (Poznań's 80% rule; the city adds reserve funds,
   * so spending may exceed the budget). Null disables it.
   */
  partialCoverage: number | null;
}

/** Order of consideration: score descending, ties in PROJECTS order. */
export function greedyOrder(scores: readonly number[]): number[] {
  const order = scores.map((_, i) => i);
  return order.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/** Indices of the funded projects, in the order they were funded. */
export function greedySelect(input: GreedyInput, opts: GreedyOptions): number[] {
  const selected: number[] = [];
  let remaining = input.budgetUnits;
  for (const i of greedyOrder(input.scores)) {
    if (input.costs[i] === SENTINEL_COST) continue;
    if (opts.threshold !== null && input.scores[i]! < opts.threshold) continue;
    const cost = input.costUnits[i]!;
    if (cost <= remaining) {
      selected.push(i);
      remaining -= cost;
      continue;
    }
    if (!opts.stopAtFirstMiss) continue;
    if (opts.partialCoverage !== null && remaining >= cost * opts.partialCoverage) selected.push(i);
    break;
  }
  return selected;
}
