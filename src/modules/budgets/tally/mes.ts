// Method of Equal Shares (MES) with cost utilities on approval ballots, following the
// reference implementation at equalshares.net (docs/implementation/computation) and the
// equalshares compute tool:
//   every voter starts with budget/n; in each round, for every still-affordable project c we
//   find the smallest per-voter payment rho such that its supporters, each paying
//   min(own budget, rho), cover cost(c); the project with the highest "effective vote count"
//   cost(c)/rho wins (this is the cost-utility criterion), its supporters pay, repeat until
//   nothing is affordable.
//
// Tie-breaking (equalshares.net "Recommended tie-breaking procedure", also used by Pabulib's
// checker): among projects whose effective vote counts are equal, take the lowest cost, then
// the highest initial number of supporters. Where equalshares.net would draw lots we take
// the project listed first in PROJECTS and report it (`tieBrokenByOrder`), so results are
// reproducible and the caller can tell an official that a lottery was needed.
//
// Speed: instead of sorting every supporter's budget per project (O(voters log voters) per
// evaluation), voters are grouped into "budget classes": voters who paid for exactly the same
// winners so far hold exactly the same budget. Classes only split when a winner is paid for,
// there are few of them (at most ~1 450 ever created on Łódź 2022, vs 90 494 voters), and each
// project keeps a count of supporters per class, so an evaluation is one pass over the classes
// in ascending budget order (about 2.5x faster per MES run than per-voter sorting on Łódź).
// We also keep the reference's lazy evaluation: a project's effective vote count can only
// fall, so last round's value is an upper bound and most projects are never re-evaluated.
//
// Arithmetic: floats, compared with a relative tolerance EPS so that quantities that are equal
// in exact arithmetic (ties, "exactly affordable") are treated as equal, matching the
// fraction-based reference on the randomized cross-check in mes.test.ts.

export const EPS = 1e-9;

export interface MesProfile {
  nVoters: number;
  /** Project costs in currency (floats are fine here; feasibility checks use money.ts). */
  cost: Float64Array;
  /** 0 = never fund (withdrawn sentinel, zero cost, no supporters). */
  eligible: Uint8Array;
  /** Supporters of each project (voter indices). */
  approvers: Int32Array[];
  /** Ballots as CSR: voter v approves ballotItems[ballotStart[v] .. ballotStart[v+1]). */
  ballotStart: Int32Array;
  ballotItems: Int32Array;
}

export interface MesOutcome {
  /** Project indices in the order MES bought them. */
  winners: number[];
  /** True if some round had a tie that cost and supporter count could not break. */
  tieBrokenByOrder: boolean;
}

/** Build a profile from per-voter ballots of project indices. */
export function mesProfile(cost: readonly number[], eligible: readonly boolean[], ballots: readonly (readonly number[])[]): MesProfile {
  const P = cost.length;
  const counts = new Int32Array(P);
  const ballotStart = new Int32Array(ballots.length + 1);
  let total = 0;
  ballots.forEach((b, v) => {
    ballotStart[v] = total;
    total += b.length;
    for (const p of b) counts[p]!++;
  });
  ballotStart[ballots.length] = total;
  const ballotItems = new Int32Array(total);
  const approvers = Array.from({ length: P }, (_, p) => new Int32Array(counts[p]!));
  const fill = new Int32Array(P);
  ballots.forEach((b, v) => {
    b.forEach((p, j) => {
      ballotItems[ballotStart[v]! + j] = p;
      approvers[p]![fill[p]!++] = v;
    });
  });
  const elig = new Uint8Array(P);
  for (let p = 0; p < P; p++) elig[p] = eligible[p] && cost[p]! > 0 && counts[p]! > 0 ? 1 : 0;
  return { nVoters: ballots.length, cost: Float64Array.from(cost), eligible: elig, approvers, ballotStart, ballotItems };
}

/** Mutable class bookkeeping for one MES run. Class 0 is "budget exhausted". */
class Classes {
  cap = 64;
  count = 2;
  budget = new Float64Array(this.cap);
  size = new Int32Array(this.cap);
  /** supporters[k * P + p] = supporters of project p in class k (class-major: growth is a copy). */
  supporters: Int32Array;
  split = new Int32Array(this.cap).fill(-1);
  /** Non-empty classes, ascending budget. */
  order: number[] = [0, 1];

  constructor(readonly P: number) {
    this.supporters = new Int32Array(this.cap * P);
  }

  add(budget: number): number {
    if (this.count === this.cap) this.grow();
    this.budget[this.count] = budget;
    return this.count++;
  }

  private grow(): void {
    this.cap *= 2;
    const budget = new Float64Array(this.cap);
    budget.set(this.budget);
    this.budget = budget;
    const size = new Int32Array(this.cap);
    size.set(this.size);
    this.size = size;
    const split = new Int32Array(this.cap).fill(-1);
    split.set(this.split);
    this.split = split;
    const supporters = new Int32Array(this.cap * this.P);
    supporters.set(this.supporters);
    this.supporters = supporters;
  }

  reorder(): void {
    const live: number[] = [];
    for (let k = 0; k < this.count; k++) if (this.size[k]! > 0) live.push(k);
    this.order = live.sort((a, b) => this.budget[a]! - this.budget[b]!);
  }
}

/**
 * Smallest equal payment rho such that supporters of p (each paying min(budget, rho)) cover
 * its cost, or -1 if their remaining money is not enough.
 */
function paymentFor(cls: Classes, p: number, cost: number, supporters: number): number {
  const P = cls.P;
  let paid = 0;
  let denom = supporters;
  for (const k of cls.order) {
    const c = cls.supporters[k * P + p]!;
    if (c === 0) continue;
    const b = cls.budget[k]!;
    const rho = (cost - paid) / denom;
    if (rho <= b * (1 + EPS)) return rho;
    paid += c * b;
    denom -= c;
    if (denom === 0) break;
  }
  return -1;
}

function charge(cls: Classes, profile: MesProfile, voterClass: Int32Array, w: number, rho: number, tiny: number): void {
  const P = cls.P;
  const touched: number[] = [];
  for (const v of profile.approvers[w]!) {
    const k = voterClass[v]!;
    if (k === 0) continue;
    let nk = cls.split[k]!;
    if (nk < 0) {
      const left = cls.budget[k]! - rho;
      nk = left <= tiny ? 0 : cls.add(left);
      cls.split[k] = nk;
      touched.push(k);
    }
    voterClass[v] = nk;
    cls.size[k]!--;
    cls.size[nk]!++;
    const sup = cls.supporters;
    for (let j = profile.ballotStart[v]!, end = profile.ballotStart[v + 1]!; j < end; j++) {
      const q = profile.ballotItems[j]!;
      sup[k * P + q]!--;
      sup[nk * P + q]!++;
    }
  }
  for (const k of touched) cls.split[k] = -1;
  cls.reorder();
}

/** Lowest cost, then most supporters, then PROJECTS order. */
function breakTie(profile: MesProfile, tied: number[]): { winner: number; byOrder: boolean } {
  const key = (p: number) => [profile.cost[p]!, -profile.approvers[p]!.length] as const;
  let winner = tied[0]!;
  let byOrder = false;
  for (const p of tied.slice(1)) {
    const [c1, s1] = key(p);
    const [c0, s0] = key(winner);
    if (c1 < c0 || (c1 === c0 && s1 < s0)) {
      winner = p;
      byOrder = false;
    } else if (c1 === c0 && s1 === s0) {
      byOrder = true;
      if (p < winner) winner = p;
    }
  }
  return { winner, byOrder };
}

/** MES with a fixed total budget (no completion). */
export function equalSharesFixedBudget(profile: MesProfile, totalBudget: number): MesOutcome {
  const n = profile.nVoters;
  const P = profile.cost.length;
  if (n === 0 || totalBudget <= 0) return { winners: [], tieBrokenByOrder: false };
  const endowment = totalBudget / n;
  const tiny = endowment * EPS;
  const cls = new Classes(P);
  cls.budget[1] = endowment;
  cls.size[1] = n;
  const voterClass = new Int32Array(n).fill(1);
  // Upper bound on each project's effective vote count: with everyone able to pay cost/k it is k.
  const bound = new Float64Array(P);
  const rho = new Float64Array(P);
  let remaining: number[] = [];
  for (let p = 0; p < P; p++) {
    const k = profile.approvers[p]!.length;
    cls.supporters[P + p] = k;
    bound[p] = k;
    if (profile.eligible[p]) remaining.push(p);
  }
  const winners: number[] = [];
  let tieBrokenByOrder = false;
  for (;;) {
    remaining.sort((a, b) => bound[b]! - bound[a]!);
    let best = 0;
    const candidates: number[] = [];
    const dropped = new Set<number>();
    for (const p of remaining) {
      if (bound[p]! < best * (1 - EPS)) break; // cannot reach the best any more
      const r = paymentFor(cls, p, profile.cost[p]!, profile.approvers[p]!.length);
      if (r < 0) {
        dropped.add(p); // budgets only shrink: unaffordable now means unaffordable forever
        continue;
      }
      rho[p] = r;
      bound[p] = profile.cost[p]! / r;
      if (bound[p]! > best) best = bound[p]!;
      candidates.push(p);
    }
    const tied = candidates.filter((p) => bound[p]! >= best * (1 - EPS));
    if (tied.length === 0) break;
    const { winner, byOrder } = breakTie(profile, tied);
    tieBrokenByOrder ||= byOrder;
    winners.push(winner);
    dropped.add(winner);
    remaining = remaining.filter((p) => !dropped.has(p));
    charge(cls, profile, voterClass, winner, rho[winner]!, tiny);
  }
  return { winners, tieBrokenByOrder };
}
