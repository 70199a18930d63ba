import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parsePb } from './parse.ts';
import { pabulibSampleDir } from './sample-files.ts';
import { serializePb } from './serialize.ts';
import type { PbElection } from './types.ts';

function parseOk(text: string): PbElection {
  const r = parsePb(text);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return r.value;
}

describe('serializePb', () => {
  test('round-trips awkward values: separators, quotes, newlines, outer spaces, marker words', () => {
    const e: PbElection = {
      meta: new Map([
        ['description', 'Budget; "2025"\nsecond line'],
        ['budget', '1500.75'],
        ['vote_type', 'cumulative'],
        ['rule', 'greedy'],
        ['comment', '  padded  '],
      ]),
      budget: 1500.75,
      voteType: 'cumulative',
      rule: 'greedy',
      threshold: null,
      projectColumns: ['project_id', 'cost', 'score', 'name', 'selected'],
      projects: [
        { id: 'VOTES', cost: 1000.25, votes: null, score: 12, selected: 1, fields: new Map([['name', 'Plac "Zielony"; etap II']]) },
        { id: 'p-2', cost: 500, votes: null, score: null, selected: null, fields: new Map([['name', '']]) },
      ],
      voteColumns: ['voter_id', 'vote', 'points', 'sex'],
      votes: [
        { voterId: 'meta', projects: ['VOTES', 'p-2'], points: [7, 5], fields: new Map([['sex', 'F']]) },
        { voterId: '2', projects: [], points: null, fields: new Map([['sex', '']]) },
      ],
    };
    const text = serializePb(e);
    assert.deepEqual(parseOk(text), e);
    // Stable: serializing the parsed copy yields the same text.
    assert.equal(serializePb(parseOk(text)), text);
  });

  test('every sample file round-trips through serialize and parse', () => {
    const dir = pabulibSampleDir();
    const files = readdirSync(dir).filter((f) => f.endsWith('.pb'));
    assert.ok(files.length > 0, `no samples in ${dir}`);
    for (const file of files) {
      const e = parseOk(readFileSync(path.join(dir, file), 'utf8'));
      assert.deepEqual(parseOk(serializePb(e)), e, file);
    }
  });
});
