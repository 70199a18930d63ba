// Slow, exact reference for MES and Add1, used only by tests to cross-check mes.ts/add1.ts.
// It mirrors the fraction-based equalshares.net compute tool line by line (per-voter budgets,
// sorted supporters, no class grouping, no lazy pruning) using BigInt rationals, with the
// same tie-breaking (lowest cost, most supporters, PROJECTS order). Costs and budget must be
// integers.

interface Q {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
}
function q(n: bigint, d = 1n): Q {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);
const cmp = (a: Q, b: Q) => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
const ZERO = q(0n);

export function referenceMes(cost: readonly number[], ballots: readonly (readonly number[])[], totalBudget: number): number[] {
  const n = ballots.length;
  if (n === 0) return [];
  const approvers: number[][] = cost.map(() => []);
  ballots.forEach((b, v) => b.forEach((p) => approvers[p]!.push(v)));
  const budget: Q[] = ballots.map(() => q(BigInt(totalBudget), BigInt(n)));
  let remaining = cost.map((_, p) => p).filter((p) => cost[p]! > 0 && approvers[p]!.length > 0);
  const winners: number[] = [];
  for (;;) {
    let best: number[] = [];
    let bestEff = ZERO;
    const pay = new Map<number, Q>();
    for (const p of [...remaining]) {
      const c = q(BigInt(cost[p]!));
      const money = approvers[p]!.reduce((s, v) => add(s, budget[v]!), ZERO);
      if (cmp(money, c) < 0) {
        remaining = remaining.filter((x) => x !== p);
        continue;
      }
      const sorted = [...approvers[p]!].sort((a, b) => cmp(budget[a]!, budget[b]!));
      let paid = ZERO;
      let denom = sorted.length;
      for (const v of sorted) {
        const maxPay = div(sub(c, paid), q(BigInt(denom)));
        if (cmp(maxPay, budget[v]!) > 0) {
          paid = add(paid, budget[v]!);
          denom--;
          continue;
        }
        const eff = div(c, maxPay);
        pay.set(p, maxPay);
        if (cmp(eff, bestEff) > 0) {
          bestEff = eff;
          best = [p];
        } else if (cmp(eff, bestEff) === 0) best.push(p);
        break;
      }
    }
    if (best.length === 0) return winners;
    best.sort((a, b) => cost[a]! - cost[b]! || approvers[b]!.length - approvers[a]!.length || a - b);
    const w = best[0]!;
    winners.push(w);
    remaining = remaining.filter((x) => x !== w);
    const maxPay = pay.get(w)!;
    for (const v of approvers[w]!) budget[v] = cmp(budget[v]!, maxPay) > 0 ? sub(budget[v]!, maxPay) : ZERO;
  }
}

/** Reference Add1 (integral start, exhaustive stop, stop once every supported project is in). */
export function referenceAdd1(cost: readonly number[], ballots: readonly (readonly number[])[], budget: number): number[] {
  const n = ballots.length;
  if (n === 0) return [];
  const supported = new Set(ballots.flat().filter((p) => cost[p]! > 0));
  const spent = (w: number[]) => w.reduce((s, p) => s + cost[p]!, 0);
  let per = Math.floor(budget / n);
  let mes = referenceMes(cost, ballots, per * n);
  for (;;) {
    const left = budget - spent(mes);
    const exhaustive = cost.every((c, p) => mes.includes(p) || c > left);
    if (exhaustive || mes.length === supported.size) return mes;
    const next = referenceMes(cost, ballots, (per + 1) * n);
    if (spent(next) > budget) return mes;
    mes = next;
    per++;
  }
}

/**
 * Per-voter float MES, shaped like the floats version of the equalshares.net compute tool
 * (lazy evaluation, supporters sorted by budget). Fast enough for Łódź-sized elections, so
 * tests can check the class-grouped implementation on real data.
 */
export function referenceMesFloat(cost: readonly number[], ballots: readonly (readonly number[])[], totalBudget: number): number[] {
  const n = ballots.length;
  const approvers: number[][] = cost.map(() => []);
  ballots.forEach((b, v) => b.forEach((p) => approvers[p]!.push(v)));
  const budget = new Float64Array(n).fill(totalBudget / n);
  const remaining = new Map<number, number>();
  cost.forEach((c, p) => c > 0 && approvers[p]!.length > 0 && remaining.set(p, approvers[p]!.length));
  const winners: number[] = [];
  for (;;) {
    let best: number[] = [];
    let bestEff = 0;
    const pay = new Map<number, number>();
    for (const p of [...remaining.keys()].sort((a, b) => remaining.get(b)! - remaining.get(a)!)) {
      if (remaining.get(p)! < bestEff) break;
      const c = cost[p]!;
      const sup = approvers[p]!;
      if (sup.reduce((s, v) => s + budget[v]!, 0) < c) {
        remaining.delete(p);
        continue;
      }
      sup.sort((a, b) => budget[a]! - budget[b]!);
      let paid = 0;
      let denom = sup.length;
      for (const v of sup) {
        const maxPay = (c - paid) / denom;
        if (maxPay > budget[v]!) {
          paid += budget[v]!;
          denom--;
          continue;
        }
        const eff = c / maxPay;
        remaining.set(p, eff);
        pay.set(p, maxPay);
        if (eff > bestEff) [bestEff, best] = [eff, [p]];
        else if (eff === bestEff) best.push(p);
        break;
      }
    }
    if (best.length === 0) return winners;
    best.sort((a, b) => cost[a]! - cost[b]! || approvers[b]!.length - approvers[a]!.length || a - b);
    const w = best[0]!;
    winners.push(w);
    remaining.delete(w);
    const maxPay = pay.get(w)!;
    for (const v of approvers[w]!) budget[v] = budget[v]! > maxPay ? budget[v]! - maxPay : 0;
  }
}
