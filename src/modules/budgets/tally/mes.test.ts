import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { equalSharesAdd1 } from './add1.ts';
import { equalSharesFixedBudget, mesProfile } from './mes.ts';
import { readPbFile } from '../pabulib/read.ts';
import { pabulibSampleDir } from '../pabulib/sample-files.ts';
import { referenceAdd1, referenceMes, referenceMesFloat } from './mes-reference.ts';
import { toUnits } from './money.ts';

function profileOf(cost: number[], ballots: number[][]) {
  return mesProfile(cost, cost.map(() => true), ballots);
}

function add1(cost: number[], ballots: number[][], budget: number) {
  return equalSharesAdd1({ profile: profileOf(cost, ballots), budget, costUnits: cost, budgetUnits: budget });
}

// 10 voters, budget 100 (10 each). C (cost 50) is liked by all, A (60) by voters 0-5, B (40)
// by voters 6-9. MES buys C (each pays 5); then A (6 x 5 = 30) and B (4 x 5 = 20) are
// unaffordable. Greedy by votes would fund C and B instead.
const A = 0, B = 1, C = 2;
const COST = [60, 40, 50];
const BALLOTS = Array.from({ length: 10 }, (_, v) => (v < 6 ? [A, C] : [B, C]));

describe('Method of Equal Shares', () => {
  test('buys the consensus project and then runs out of shares', () => {
    assert.deepEqual(equalSharesFixedBudget(profileOf(COST, BALLOTS), 100).winners, [C]);
  });

  test('Add1 keeps the last endowment whose outcome fits the budget', () => {
    // Endowment 15 lets A's supporters afford it (6 x 10 left after C), which overspends
    // (50 + 60 > 100), so Add1 stops at 14 with outcome [C]: 6 MES runs (10..15).
    const out = add1(COST, BALLOTS, 100);
    assert.deepEqual(out.winners, [C]);
    assert.equal(out.endowment, 14);
    assert.equal(out.runs, 6);
  });

  test('charges supporters unequally when one cannot pay an equal share', () => {
    // 4 voters with 10 each. P0 (24, voters 0-2) wins first: each pays 8, voter 2 keeps 2.
    // P1 (12, voters 2-3): an equal 6 is too much for voter 2, so she pays her 2 and voter 3
    // pays 10 -- exactly affordable, effective vote count 12/10.
    const cost = [24, 12];
    const ballots = [[0], [0], [0, 1], [1]];
    assert.deepEqual(equalSharesFixedBudget(profileOf(cost, ballots), 40).winners, [0, 1]);
    assert.deepEqual(referenceMes(cost, ballots, 40), [0, 1]);
  });

  test('breaks equal effective vote counts by lower cost', () => {
    // Everyone likes both; P0 (40) costs 10 each, P1 (20) costs 5 each: both have effective
    // vote count 4, the cheaper P1 goes first.
    const out = equalSharesFixedBudget(profileOf([40, 20], Array.from({ length: 4 }, () => [0, 1])), 80);
    assert.deepEqual(out.winners, [1, 0]);
    assert.equal(out.tieBrokenByOrder, false);
  });

  test('falls back to PROJECTS order for a full tie, and reports it', () => {
    // Same cost, same number of supporters, same effective vote count: equalshares.net would
    // draw lots here.
    const out = equalSharesFixedBudget(profileOf([20, 20], [[0], [0], [1], [1]]), 80);
    assert.deepEqual(out.winners, [0, 1]);
    assert.equal(out.tieBrokenByOrder, true);
  });

  test('never funds ineligible projects and handles voters with empty ballots', () => {
    const profile = mesProfile([10, 10], [false, true], [[0, 1], [0, 1], []]);
    assert.deepEqual(equalSharesFixedBudget(profile, 30).winners, [1]);
    assert.deepEqual(equalSharesFixedBudget(profileOf([5], []), 30).winners, []);
  });
});

// Deterministic PRNG so failures are reproducible (seed printed in the assertion message).
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInstance(seed: number) {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const P = int(1, 7);
  const n = int(1, 14);
  // Small integer costs and budgets make exact ties and exactly-affordable projects common,
  // which is where float arithmetic would go wrong without the tolerance.
  const cost = Array.from({ length: P }, () => int(1, 6) * int(1, 5));
  const ballots = Array.from({ length: n }, () => Array.from({ length: P }, (_, p) => p).filter(() => rnd() < 0.45));
  const budget = int(1, cost.reduce((a, b) => a + b, 0));
  return { cost, ballots, budget };
}

describe('MES agrees with the exact fraction reference on random elections', () => {
  test('fixed budget: same winners in the same order (1500 instances)', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const { cost, ballots, budget } = randomInstance(seed);
      const fast = equalSharesFixedBudget(profileOf(cost, ballots), budget).winners;
      assert.deepEqual(fast, referenceMes(cost, ballots, budget), `seed ${seed}`);
    }
  });

  test('Add1: same outcome (400 instances)', () => {
    for (let seed = 5001; seed <= 5400; seed++) {
      const { cost, ballots, budget } = randomInstance(seed);
      assert.deepEqual(add1(cost, ballots, budget).winners, referenceAdd1(cost, ballots, budget), `seed ${seed}`);
    }
  });
});

describe('MES on Łódź 2022 (90 494 voters) agrees with a per-voter implementation', () => {
  test('fixed budgets around the Add1 result, and the Add1 stopping point', async () => {
    const r = await readPbFile(path.join(pabulibSampleDir(), 'Poland_Lodz_2022.pb'));
    assert.ok(r.ok);
    const e = r.value;
    const index = new Map(e.projects.map((p, i) => [p.id, i]));
    const cost = e.projects.map((p) => p.cost);
    const ballots = e.votes.map((v) => v.projects.map((id) => index.get(id)!));
    const profile = profileOf(cost, ballots);
    const n = ballots.length;
    const u = toUnits(e.budget, cost);
    const out = equalSharesAdd1({ profile, budget: e.budget, costUnits: u.costs, budgetUnits: u.budget });
    for (const per of [Math.floor(e.budget / n), out.endowment, out.endowment + 1]) {
      assert.deepEqual(equalSharesFixedBudget(profile, per * n).winners, referenceMesFloat(cost, ballots, per * n), `endowment ${per}`);
    }
    // Add1 stopped because one more unit per voter overspends.
    const spent = (w: number[]) => w.reduce((s, p) => s + cost[p]!, 0);
    assert.deepEqual(out.winners, referenceMesFloat(cost, ballots, out.endowment * n));
    assert.ok(spent(out.winners) <= e.budget);
    assert.ok(spent(referenceMesFloat(cost, ballots, (out.endowment + 1) * n)) > e.budget);
  });
});
