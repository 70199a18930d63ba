// Add1 completion of MES, as on equalshares.net (docs/implementation/completion; compute tool
// defaults "integral" + "exhaustive"): start with each voter's endowment rounded down to a
// whole currency unit, floor(budget / n); then raise every endowment by one unit at a time
// (the virtual total grows by n per step). Stop when the current outcome is exhaustive (no
// unselected project fits into what is left of the real budget) or when the next step's
// outcome would cost more than the real budget; the last feasible outcome is the result.
//
// The reference loop never ends when every supported project already fits in the budget
// (more money cannot make MES buy unsupported projects); we stop there too, as then MES has
// bought every project it ever could.
import { equalSharesFixedBudget, type MesOutcome, type MesProfile } from './mes.ts';
import { SENTINEL_COST, sumUnits } from './money.ts';

export interface Add1Input {
  profile: MesProfile;
  budget: number;
  /** Exact integer money (money.ts), aligned with the profile's projects. */
  costUnits: readonly number[];
  budgetUnits: number;
}

export interface Add1Outcome extends MesOutcome {
  /** Per-voter endowment (currency units) of the returned outcome. */
  endowment: number;
  /** Number of MES runs performed. */
  runs: number;
}

export function equalSharesAdd1({ profile, budget, costUnits, budgetUnits }: Add1Input): Add1Outcome {
  const n = profile.nVoters;
  if (n === 0) return { winners: [], tieBrokenByOrder: false, endowment: 0, runs: 0 };
  const P = costUnits.length;
  let eligibleCount = 0;
  for (let p = 0; p < P; p++) eligibleCount += profile.eligible[p]!;
  const fits = (p: number, left: number) => profile.cost[p] !== SENTINEL_COST && costUnits[p]! <= left;

  let endowment = Math.floor(budget / n);
  let current = equalSharesFixedBudget(profile, endowment * n);
  let runs = 1;
  for (;;) {
    const chosen = new Set(current.winners);
    const left = budgetUnits - sumUnits(costUnits, chosen);
    let exhaustive = true;
    for (let p = 0; p < P && exhaustive; p++) if (!chosen.has(p) && fits(p, left)) exhaustive = false;
    if (exhaustive || current.winners.length === eligibleCount) break;
    const next = equalSharesFixedBudget(profile, (endowment + 1) * n);
    runs++;
    if (sumUnits(costUnits, next.winners) > budgetUnits) break;
    current = next;
    endowment++;
  }
  // tieBrokenByOrder describes the outcome we keep, not the discarded overspending run.
  return { ...current, endowment, runs };
}
