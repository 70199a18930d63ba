import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePb } from './parse.ts';

const GOOD = [
  'META',
  'key;value',
  'description;"Test; with separator"',
  'budget;1000.50',
  'vote_type;cumulative',
  'rule;greedy',
  'min_project_score_threshold;2',
  'PROJECTS',
  'project_id;cost;votes;score;name;selected',
  '1;600;2;7;"Park ""Green""";1',
  '2;400.5;1;3;Library;0',
  'VOTES',
  'voter_id;vote;points;age',
  'v1;1,2;4,3;33',
  'v2;1;3;',
].join('\n');

function errorOf(text: string) {
  const r = parsePb(text);
  assert.equal(r.ok, false, 'expected a parse error');
  return !r.ok ? r.error : { line: -1, message: '' };
}

/** GOOD with line `lineNo` (1-based) replaced. */
function withLine(lineNo: number, replacement: string): string {
  const lines = GOOD.split('\n');
  lines[lineNo - 1] = replacement;
  return lines.join('\n');
}

describe('parsePb', () => {
  test('reads META, PROJECTS and VOTES with typed values', () => {
    const r = parsePb(GOOD);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    const e = r.value;
    assert.equal(e.budget, 1000.5);
    assert.equal(e.voteType, 'cumulative');
    assert.equal(e.rule, 'greedy');
    assert.equal(e.threshold, 2);
    assert.equal(e.meta.get('description'), 'Test; with separator');
    assert.deepEqual(e.projects[0], { id: '1', cost: 600, votes: 2, score: 7, selected: 1, fields: new Map([['name', 'Park "Green"']]) });
    assert.equal(e.projects[1]!.cost, 400.5);
    assert.deepEqual(e.votes[0], { voterId: 'v1', projects: ['1', '2'], points: [4, 3], fields: new Map([['age', '33']]) });
    assert.deepEqual(e.votes[1]!.fields, new Map([['age', '']]));
  });

  test('accepts CRLF, a BOM and spaces after separators', () => {
    const r = parsePb('\uFEFF' + GOOD.replaceAll(';', '; ').replaceAll('\n', '\r\n'));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.equal(r.value.votes.length, 2);
    assert.deepEqual(r.value.votes[0]!.points, [4, 3]);
  });

  test('reads approval, ordinal and choose-1 ballots', () => {
    for (const vt of ['approval', 'ordinal', 'choose-1']) {
      const text = ['META', 'key;value', 'budget;10', `vote_type;${vt}`, 'PROJECTS', 'project_id;cost', 'a;5', 'b;5', 'VOTES', 'voter_id;vote', '1;b,a', '2;'].join('\n');
      const r = parsePb(text);
      assert.ok(r.ok, vt);
      assert.deepEqual(r.value.votes.map((v) => v.projects), [['b', 'a'], []]);
      assert.equal(r.value.votes[0]!.points, null);
    }
  });

  const errors: [string, string, number, RegExp][] = [
    ['cost that is not a number', withLine(10, '1;six hundred;2;7;Park;1'), 10, /cost of project "1"/],
    ['decimal comma', withLine(4, 'budget;1000,50'), 4, /decimal separator/],
    ['vote for an unknown project', withLine(14, 'v1;1,9;4,3;33'), 14, /unknown project "9"/],
    ['points and projects of different length', withLine(14, 'v1;1,2;4;33'), 14, /2 projects but 1 points/],
    ['missing points on a cumulative ballot', withLine(15, 'v2;1;;'), 15, /no points/],
    ['duplicate voter', withLine(15, 'v1;1;3;'), 15, /duplicate voter_id "v1"/],
    ['duplicate project', withLine(11, '1;400;1;3;Library;0'), 11, /duplicate project_id "1"/],
    ['unquoted separator in a row', withLine(11, '2;400;1;3;Lib;rary;0'), 11, /7 fields but the header has 6/],
    ['project listed twice in a ballot', withLine(14, 'v1;1,1;4,3;33'), 14, /twice/],
    ['unknown vote type', withLine(5, 'vote_type;plurality'), 5, /unknown vote_type/],
    ['bad selected value', withLine(11, '2;400;1;3;Library;yes'), 11, /selected/],
    ['PROJECTS header without project_id', withLine(9, 'id;cost'), 9, /project_id/],
    ['VOTES header without vote', withLine(13, 'voter_id;ballot'), 13, /no vote column/],
    ['stray quote swallowing lines', withLine(3, 'description;"open'), 10, /opened on line 3/],
    ['unterminated quote', withLine(15, 'v2;"1;3;'), 15, /unterminated/],
    ['data before META', 'hello\n' + GOOD, 1, /META/],
  ];
  for (const [name, text, line, message] of errors) {
    test(`error: ${name} (line ${line})`, () => {
      const err = errorOf(text);
      assert.equal(err.line, line, err.message);
      assert.match(err.message, message);
    });
  }

  test('error: missing budget points at the META marker', () => {
    assert.deepEqual(errorOf(withLine(4, 'currency;PLN')), { line: 1, message: 'META has no budget' });
  });

  test('error: sections missing or out of order', () => {
    assert.match(errorOf(GOOD.split('\nVOTES')[0]!).message, /missing section\(s\): VOTES/);
    const swapped = ['META', 'key;value', 'budget;1', 'vote_type;approval', 'VOTES', 'voter_id;vote'].join('\n');
    const err = errorOf(swapped);
    assert.equal(err.line, 5);
    assert.match(err.message, /PROJECTS was expected/);
  });

  test('a quoted "VOTES" cell is data, not a section marker', () => {
    const text = ['META', 'key;value', 'budget;1', 'vote_type;approval', 'PROJECTS', 'project_id;cost', '"VOTES";1', 'VOTES', 'voter_id;vote', '1;VOTES'].join('\n');
    const r = parsePb(text);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.equal(r.value.projects[0]!.id, 'VOTES');
  });
});
