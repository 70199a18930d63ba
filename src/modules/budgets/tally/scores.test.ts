import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parsePb } from '../pabulib/parse.ts';
import { readPbFile } from '../pabulib/read.ts';
import { pabulibSampleDir } from '../pabulib/sample-files.ts';
import { computeScores, officialScores } from './scores.ts';

function election(voteType: string, header: string, votes: string[], projectsExtra = '') {
  const text = [
    'META', 'key;value', 'budget;100', `vote_type;${voteType}`,
    'PROJECTS', `project_id;cost${projectsExtra ? ';votes' : ''}`,
    `a;10${projectsExtra ? ';7' : ''}`, `b;20${projectsExtra ? ';8' : ''}`, `c;30${projectsExtra ? ';9' : ''}`,
    'VOTES', header, ...votes,
  ].join('\n');
  const r = parsePb(text);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return r.value;
}

describe('scores', () => {
  test('approval and choose-1 count supporters', () => {
    assert.deepEqual(computeScores(election('approval', 'voter_id;vote', ['1;a,b', '2;b', '3;'])), [1, 2, 0]);
    assert.deepEqual(computeScores(election('choose-1', 'voter_id;vote', ['1;c', '2;c'])), [0, 0, 2]);
  });

  test('cumulative sums points', () => {
    assert.deepEqual(computeScores(election('cumulative', 'voter_id;vote;points', ['1;a,b;3,2', '2;b;5'])), [3, 7, 0]);
  });

  test('ordinal uses per-ballot Borda k..1, or the points column when given', () => {
    const e = election('ordinal', 'voter_id;vote', ['1;c,a,b', '2;a,c']);
    assert.deepEqual(computeScores(e), [2 + 2, 1, 3 + 1]);
    const p = election('ordinal', 'voter_id;vote;points', ['1;c,a;10,4']);
    assert.deepEqual(computeScores(p), [4, 0, 10]);
  });

  test('official votes column wins over VOTES for approval (it may include paper ballots)', () => {
    const e = election('approval', 'voter_id;vote', ['1;a'], 'with-votes');
    assert.deepEqual(officialScores(e), { scores: [7, 8, 9], source: 'votes-column' });
    // For cumulative ballots `votes` counts voters, not points: compute instead.
    const c = election('cumulative', 'voter_id;vote;points', ['1;a;4'], 'with-votes');
    assert.deepEqual(officialScores(c), { scores: [4, 0, 0], source: 'computed' });
  });

  test('scores computed from VOTES reproduce every sample file\'s votes and score columns', async () => {
    const dir = pabulibSampleDir();
    const files = readdirSync(dir).filter((f) => f.endsWith('.pb'));
    assert.ok(files.length > 0);
    for (const file of files) {
      const r = await readPbFile(path.join(dir, file));
      assert.ok(r.ok, file);
      const e = r.value;
      const computed = computeScores(e);
      const supporters = computeScores({ ...e, voteType: 'approval' });
      e.projects.forEach((p, i) => {
        if (p.score !== null) assert.equal(computed[i], p.score, `${file} ${p.id} score`);
        if (p.votes !== null) assert.equal(supporters[i], p.votes, `${file} ${p.id} votes`);
      });
    }
  });
});
