// Budget feasibility must be exact: "does this project still fit?" decides outcomes, and a
// budget like 6112868 spent to the last unit (Łódź 2022) must not fail on float drift. We scale
// the budget and all costs by a common power of ten so they become integers and sum exactly.

/** Pabulib marks withdrawn projects with this artificial cost (checker: SENTINEL_PROJECT_COST). */
export const SENTINEL_COST = 999999999;

const MAX_DECIMALS = 6;

function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0;
  const s = String(x);
  const dot = s.indexOf('.');
  if (s.includes('e') || dot < 0) return MAX_DECIMALS;
  return Math.min(MAX_DECIMALS, s.length - dot - 1);
}

export interface MoneyUnits {
  /** Multiply currency amounts by this to get integer units. */
  scale: number;
  budget: number;
  costs: number[];
}

/**
 * Convert to integer units. Amounts with more than 6 decimals are rounded to 6 (no real PB
 * uses sub-micro currency); if the scaled values would leave the safe-integer range we fall
 * back to plain floats, which is still exact for integer amounts below 2^53.
 */
export function toUnits(budget: number, costs: readonly number[]): MoneyUnits {
  let d = decimalsOf(budget);
  for (const c of costs) d = Math.max(d, decimalsOf(c));
  let scale = 10 ** d;
  const fits = (x: number) => Number.isSafeInteger(Math.round(x * scale));
  if (!fits(budget) || !costs.every(fits)) scale = 1;
  const conv = (x: number) => (scale === 1 ? x : Math.round(x * scale));
  return { scale, budget: conv(budget), costs: costs.map(conv) };
}

export function sumUnits(units: readonly number[], picked: Iterable<number>): number {
  let s = 0;
  for (const i of picked) s += units[i]!;
  return s;
}
