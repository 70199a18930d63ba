import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pabulibSampleDir } from '../pabulib/sample-files.ts';
import { pbTallyCommand } from './pb-tally.ts';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await pbTallyCommand(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(path.join(tmpdir(), 'pb-tally-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function write(name: string, lines: string[]): string {
  const file = path.join(tmp, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

const small = write('small.pb', [
  'META', 'key;value', 'budget;100', 'vote_type;approval', 'rule;greedy',
  'PROJECTS', 'project_id;cost;votes', 'a;60;3', 'b;50;2', 'c;40;1',
  'VOTES', 'voter_id;vote', '1;a,b', '2;a,b', '3;a,c',
]);

describe('dezvolt pb tally', () => {
  test("prints funded ids one per line using the file's rule", async () => {
    const r = await run([small]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'a\nc\n');
    assert.match(r.stderr, /greedy funded 2 of 3 projects, spent 100 of 100/);
  });

  test('--json prints exactly one JSON object; --rule overrides META', async () => {
    const r = await run([small, '--json', '--rule', 'greedy-no-skip']);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), { rule: 'greedy-no-skip', selected: ['a'], spent: 60 });
    assert.equal(r.stdout.trim().split('\n').length, 1);
  });

  test('malformed file: exit 2 and the line number', async () => {
    const bad = write('bad.pb', ['META', 'key;value', 'budget;100', 'vote_type;approval', 'PROJECTS', 'project_id;cost', 'a;lots', 'VOTES', 'voter_id;vote']);
    const r = await run([bad]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.pb:7: malformed \.pb file: cost of project "a"/);
    assert.equal(r.stdout, '');
    const j = await run([bad, '--json']);
    assert.equal(j.code, 2);
    assert.equal(JSON.parse(j.stdout).error.line, 7);
  });

  test('usage errors, missing files and unusable rules exit 1', async () => {
    assert.equal((await run([])).code, 1);
    assert.equal((await run([small, '--bogus'])).code, 1);
    assert.equal((await run([path.join(tmp, 'nope.pb')])).code, 1);
    const r = await run([small, '--rule', 'greedy-custom']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /greedy-custom/);
    assert.equal((await run(['--help'])).code, 0);
  });

  test('real file: Warszawa 2017 Plac Wojska Polskiego (greedy)', async () => {
    const file = path.join(pabulibSampleDir(), 'Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb');
    const r = await run([file, '--json']);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), { rule: 'greedy', selected: ['427', '915', '2567', '1623'], spent: 44720 });
  });
});
