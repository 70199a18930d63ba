import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePb } from '../pabulib/parse.ts';
import { resolveRule, tally } from './tally.ts';

function pb(meta: string[], voteType = 'approval') {
  const r = parsePb(
    [
      'META', 'key;value', 'budget;100.5', `vote_type;${voteType}`, ...meta,
      'PROJECTS', 'project_id;cost;votes', 'x;50.25;3', 'y;50.25;2', 'z;40;1',
      'VOTES', 'voter_id;vote', '1;x,y', '2;x,y', '3;x,z',
    ].join('\n'),
  );
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return r.value;
}

describe('tally', () => {
  test("uses the file's META rule unless one is given", () => {
    const e = pb(['rule;greedy-no-skip']);
    const r = tally(e);
    assert.ok(r.ok);
    assert.equal(r.value.rule, 'greedy-no-skip');
    assert.deepEqual(r.value.selected, ['x', 'y']);
    assert.equal(r.value.spent, 100.5);
    assert.equal(r.value.scoreSource, 'votes-column');
    const g = tally(e, 'GREEDY ');
    assert.ok(g.ok);
    assert.equal(g.value.rule, 'greedy');
  });

  test('greedy-threshold needs and applies min_project_score_threshold', () => {
    const missing = tally(pb(['rule;greedy-threshold']));
    assert.equal(!missing.ok && missing.error.code, 'missing-threshold');
    const r = tally(pb(['rule;greedy-threshold', 'min_project_score_threshold;3']));
    assert.ok(r.ok);
    assert.deepEqual(r.value.selected, ['x']);
  });

  test('MES runs on approval ballots and reports Add1 details', () => {
    const r = tally(pb(['rule;equalshares/add1']));
    assert.ok(r.ok);
    assert.ok(r.value.add1 !== null && r.value.add1.runs >= 1);
    assert.ok(r.value.spent <= 100.5);
    const plain = tally(pb(['rule;equalshares']));
    assert.ok(plain.ok);
    assert.equal(plain.value.add1, null);
  });

  test('MES refuses ballots it is not defined for', () => {
    const text = ['META', 'key;value', 'budget;10', 'vote_type;ordinal', 'rule;equalshares', 'PROJECTS', 'project_id;cost', 'a;5', 'VOTES', 'voter_id;vote', '1;a'].join('\n');
    const e = parsePb(text);
    assert.ok(e.ok);
    const r = tally(e.value);
    assert.equal(!r.ok && r.error.code, 'unsupported-vote-type');
  });

  test('rule names: unknown, Pabulib-only and misspelled rules are typed errors', () => {
    assert.equal(resolveRule('equalshares/add1').ok, true);
    const cases: [string | null, string][] = [
      [null, 'no-rule'],
      ['unknown', 'no-rule'],
      ['greedy-custom', 'unsupported-rule'],
      ['equalshares-comparison', 'unsupported-rule'],
      ['gredy', 'unknown-rule'],
    ];
    for (const [name, code] of cases) {
      const r = resolveRule(name);
      assert.equal(!r.ok && r.error.code, code, String(name));
    }
  });
});
