// The ballot rules per vote type, with the exact problem each invalid ballot gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { totalCost, validateBallot, type BallotRules } from './rules.ts';
import { newReceiptCode, normalizeReceipt, receiptHash } from './receipt.ts';

const projects = [
  { id: 1, cost: 400 },
  { id: 2, cost: 350.1 },
  { id: 3, cost: 250.2 },
  { id: 4, cost: 100 },
];
const base: BallotRules = { voteType: 'approval', amount: 1000, approvalMin: 1, approvalMax: null, pointsPerProject: null, pointsTotal: null, ordinalMax: null };
const keys = (rules: BallotRules, projectIds: number[], points: number[] | null = null) => validateBallot(rules, projects, { projectIds, points }).map((p) => p.key);

test('every vote type refuses unknown and repeated projects and an empty ballot', () => {
  for (const voteType of ['approval', 'knapsack', 'cumulative', 'ordinal', 'choose-1'] as const) {
    const rules = { ...base, voteType, pointsPerProject: 5, pointsTotal: 10, ordinalMax: 3 };
    assert.deepEqual(keys(rules, [9], [1]), ['pb.ballot.err.unknownProject'], voteType);
    assert.deepEqual(keys(rules, [1, 1], [1, 1]), ['pb.ballot.err.duplicate'], voteType);
    assert.deepEqual(keys(rules, [], []), ['pb.ballot.err.empty'], voteType);
  }
});

test('approval: between min and max projects', () => {
  const rules = { ...base, approvalMin: 2, approvalMax: 3 };
  assert.deepEqual(keys(rules, [1]), ['pb.ballot.err.approvalMin']);
  assert.deepEqual(keys(rules, [1, 2]), []);
  assert.deepEqual(keys(rules, [1, 2, 3]), []);
  const [over] = validateBallot(rules, projects, { projectIds: [1, 2, 3, 4], points: null });
  assert.deepEqual(over, { field: 'projects', key: 'pb.ballot.err.approvalMax', params: { max: 3, count: 4 } });
  assert.deepEqual(keys({ ...base, approvalMax: null }, [1, 2, 3, 4]), [], 'no maximum means any number');
});

test('knapsack: the chosen projects must fit in the budget, to the cent', () => {
  const rules = { ...base, voteType: 'knapsack' as const };
  assert.equal(totalCost(projects, [2, 3]), 600.3);
  assert.deepEqual(keys(rules, [1, 2, 3]), ['pb.ballot.err.knapsack'], '400 + 350.1 + 250.2 = 1000.3 > 1000');
  assert.deepEqual(keys(rules, [1, 2, 4]), []);
  const exact = { ...rules, amount: 1000.3 };
  assert.deepEqual(keys(exact, [1, 2, 3]), [], 'exactly the budget fits (no float drift)');
  const [p] = validateBallot({ ...rules, amount: 1000.29 }, projects, { projectIds: [1, 2, 3], points: null });
  assert.deepEqual(p, { field: 'projects', key: 'pb.ballot.err.knapsack', params: { cost: 1000.3, budget: 1000.29 } });
});

test('cumulative: whole points, per-project and total limits', () => {
  const rules = { ...base, voteType: 'cumulative' as const, pointsPerProject: 5, pointsTotal: 8 };
  assert.deepEqual(keys(rules, [1, 2], [5, 3]), []);
  assert.deepEqual(keys(rules, [1], [6]), ['pb.ballot.err.pointsPerProject']);
  assert.deepEqual(keys(rules, [1, 2], [5, 4]), ['pb.ballot.err.pointsTotal']);
  assert.deepEqual(keys(rules, [1], [1.5]), ['pb.ballot.err.pointsWhole']);
  assert.deepEqual(keys(rules, [1, 2], [1]), ['pb.ballot.err.pointsMissing']);
  const [field] = validateBallot(rules, projects, { projectIds: [1, 3], points: [1, 9] });
  assert.equal(field!.field, 'points_3', 'the error points at the offending project');
});

test('ordinal: at most the allowed length; choose-1: exactly one', () => {
  const ordinal = { ...base, voteType: 'ordinal' as const, ordinalMax: 2 };
  assert.deepEqual(keys(ordinal, [3, 1]), []);
  assert.deepEqual(keys(ordinal, [3, 1, 2]), ['pb.ballot.err.ordinalLength']);
  const one = { ...base, voteType: 'choose-1' as const };
  assert.deepEqual(keys(one, [2]), []);
  assert.deepEqual(keys(one, [2, 3]), ['pb.ballot.err.chooseOne']);
});

test('receipt codes: 16 Crockford characters, typed leniently, stored only as a hash', () => {
  const codes = new Set(Array.from({ length: 200 }, () => newReceiptCode()));
  assert.equal(codes.size, 200);
  for (const c of codes) assert.match(c, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  const code = [...codes][0]!;
  assert.equal(receiptHash(code), receiptHash(code.toLowerCase().replace(/-/g, ' ')));
  assert.equal(normalizeReceipt('7k2m 9qxr-4tzb-hp3d'), '7K2M9QXR4TZBHP3D');
  assert.equal(normalizeReceipt('ABC'), null);
  assert.notEqual(receiptHash(code), code);
});
