import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { greedySelect, type GreedyOptions } from './greedy.ts';
import { SENTINEL_COST, toUnits } from './money.ts';

const PLAIN: GreedyOptions = { threshold: null, stopAtFirstMiss: false, partialCoverage: null };
const NO_SKIP: GreedyOptions = { ...PLAIN, stopAtFirstMiss: true };

function run(costs: number[], scores: number[], budget: number, opts: GreedyOptions): number[] {
  const u = toUnits(budget, costs);
  return greedySelect({ costUnits: u.costs, costs, scores, budgetUnits: u.budget }, opts);
}

describe('greedy rules', () => {
  // Scores 90 > 80 > 70 > 60; budget 100.
  const costs = [50, 60, 30, 20];
  const scores = [90, 80, 70, 60];

  test('greedy skips projects that do not fit and keeps going', () => {
    assert.deepEqual(run(costs, scores, 100, PLAIN), [0, 2, 3]);
  });

  test('greedy-no-skip stops at the first project that does not fit', () => {
    assert.deepEqual(run(costs, scores, 100, NO_SKIP), [0]);
  });

  test('threshold excludes low-score projects even when money is left', () => {
    assert.deepEqual(run(costs, scores, 100, { ...PLAIN, threshold: 70 }), [0, 2]);
    assert.deepEqual(run(costs, scores, 100, { ...PLAIN, threshold: 71 }), [0]);
  });

  test('equal scores keep PROJECTS order', () => {
    assert.deepEqual(run([60, 60], [5, 5], 100, PLAIN), [0]);
    assert.deepEqual(run([60, 60], [5, 6], 100, PLAIN), [1]);
  });

  test('the withdrawn-project sentinel is never funded and does not stop no-skip', () => {
    assert.deepEqual(run([SENTINEL_COST, 40, 70], [100, 50, 40], 100, NO_SKIP), [1]);
    assert.deepEqual(run([SENTINEL_COST, 40], [100, 50], 2e9, PLAIN), [1]);
  });

  test('80% rule funds the first non-fitting project if 80% of it is covered', () => {
    const opts = { ...NO_SKIP, partialCoverage: 0.8 };
    assert.deepEqual(run([50, 60, 10], [9, 8, 7], 100, opts), [0, 1]); // 50 left >= 48
    assert.deepEqual(run([50, 65, 10], [9, 8, 7], 100, opts), [0]); // 50 left < 52
  });

  test('decimal budgets and costs are compared exactly', () => {
    // In floats 0.1 + 0.2 > 0.3, which would wrongly reject the second project.
    assert.deepEqual(run([0.1, 0.2], [2, 1], 0.3, PLAIN), [0, 1]);
    assert.deepEqual(run([0.1, 0.2], [2, 1], 0.29, PLAIN), [0]);
    assert.deepEqual(run([1000, 1000.5], [2, 1], 2000.5, PLAIN), [0, 1]);
  });
});
