// The budget projects dataset: a draft edition never appears; published editions list their
// projects, and after the vote their votes and whether they were selected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { makeUser } from '../../core/testing/factories.ts';
import { loadActor } from '../../core/auth/actor.ts';
import { csvRecords } from '../../core/testing/csv.ts';
import { makeBudget, makeVoters } from './testing/fixtures.ts';
import { castBallot } from './commands/cast.ts';
import { closeVoting } from './commands/results.ts';

const { app, ctx } = await testApp();
const admin = await makeUser(ctx, { role: 'admin' });

test('a draft edition never appears, a published one does', async () => {
  const draft = await makeBudget(ctx, admin.id, { phase: 'draft', title: 'Ediție ciornă secretă' });
  const open = await makeBudget(ctx, admin.id, { phase: 'submission', title: 'Ediție publică' });
  for (const format of ['csv', 'json']) {
    const res = await app.inject({ method: 'GET', url: `/open-data/budget-projects.${format}` });
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes('Ediție ciornă secretă'), `${format}: no draft edition`);
  }
  const { records } = csvRecords((await app.inject({ method: 'GET', url: '/open-data/budget-projects.csv' })).body);
  assert.ok(!records.some((r) => Number(r.edition_id) === draft.editionId));
  const mine = records.filter((r) => Number(r.edition_id) === open.editionId);
  assert.deepEqual(mine.map((r) => Number(r.project_id)).sort(), [...open.projectIds].sort());
  assert.deepEqual(mine.map((r) => Number(r.cost)).sort((a, b) => a - b), [100, 200, 300, 400]);
  assert.ok(mine.every((r) => r.status === 'accepted' && r.votes === '' && r.selected === ''), 'no votes before results');
});

test('after the vote each project carries its votes and whether it was selected', async () => {
  const b = await makeBudget(ctx, admin.id, { phase: 'voting', title: 'Ediție votată', costs: [600, 500, 300] });
  const [v1, v2] = await makeVoters(ctx, 2, 'od');
  for (const v of [v1!, v2!]) {
    const out = await castBallot(ctx, await loadActor(ctx.database, v.id), b.budgetId, { projectIds: [b.projectIds[1]!, b.projectIds[2]!], points: null }, null);
    assert.equal(out.kind, 'cast', JSON.stringify(out));
  }
  assert.equal((await closeVoting(ctx, admin.id, b.editionId)).kind, 'closed');
  const res = await app.inject({ method: 'GET', url: '/open-data/budget-projects.json' });
  const rows = (res.json() as { editionId: number; projectId: number; votes: number | null; selected: boolean | null; phase: string }[]).filter((r) => r.editionId === b.editionId);
  const by = new Map(rows.map((r) => [r.projectId, r]));
  assert.equal(by.get(b.projectIds[0]!)?.votes, 0);
  assert.equal(by.get(b.projectIds[0]!)?.selected, false);
  assert.equal(by.get(b.projectIds[1]!)?.votes, 2);
  assert.equal(by.get(b.projectIds[1]!)?.selected, true);
  assert.equal(by.get(b.projectIds[2]!)?.selected, true);
  assert.ok(rows.every((r) => r.phase === 'results'));
});
