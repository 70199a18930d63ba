// "How the city responds" on a small dataset whose figures are known in advance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../../core/testing/harness.ts';
import { makeDepartment, makeUser } from '../../../core/testing/factories.ts';
import { seedDemo } from '../../../core/seed/demo.ts';
import { departmentStats } from './stats-queries.ts';
import { daysBefore, fileReport, makeCategory, setTimeline } from './fixtures.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);

// Instants relative to the start of this test run, so the public page (which uses "now") agrees.
const NOW = new Date();
const ago = (days: number) => daysBefore(NOW, days);
const dep = await makeDepartment(ctx, 'Departamentul Statistic');
const quiet = await makeDepartment(ctx, 'Departamentul Liniștit');
const cat = await makeCategory(ctx, dep.id, { ackDays: 2, resolveDays: 5 });
await makeCategory(ctx, quiet.id, { ackDays: 2, resolveDays: 5 });
const reporter = await makeUser(ctx);
const file = () => fileReport(ctx, { categoryId: cat.id, userId: reporter.id });

// Filed 20 days ago: acknowledged after 1 day, resolved after 3 (on time), rated 5, "fixed".
await setTimeline(ctx, await file(), { status: 'resolved', createdAt: ago(20), acknowledgedAt: ago(19), resolvedAt: ago(17), rating: 5, fixed: true });
// Acknowledged after 3 days, resolved after 9 (late), rated 2, "not fixed".
await setTimeline(ctx, await file(), { status: 'closed', createdAt: ago(20), acknowledgedAt: ago(17), resolvedAt: ago(11), rating: 2, fixed: false });
// Acknowledged after 2 days, still open past its 5-day deadline: judged, not on time.
await setTimeline(ctx, await file(), { status: 'in_progress', createdAt: ago(20), acknowledgedAt: ago(18) });
// Filed 3 days ago, not acknowledged: within its deadline, so not judged yet.
await setTimeline(ctx, await file(), { status: 'new', createdAt: ago(3) });
// Left out: older than 12 months, hidden by a moderator, never confirmed.
await setTimeline(ctx, await file(), { status: 'resolved', createdAt: ago(400), acknowledgedAt: ago(399), resolvedAt: ago(398), rating: 1, fixed: false });
await setTimeline(ctx, await file(), { status: 'new', createdAt: ago(10), hidden: true });
await setTimeline(ctx, await file(), { status: 'unconfirmed', createdAt: ago(10) });

test('per department: reports, medians, share on time, average rating and share confirmed fixed', async () => {
  const rows = await departmentStats(ctx, NOW);
  const mine = rows.find((r) => r.departmentId === dep.id);
  assert.deepEqual(mine, {
    departmentId: dep.id,
    department: 'Departamentul Statistic',
    reports: 4,
    medianAckDays: 2,
    medianResolveDays: 6,
    withinSla: 1,
    slaJudged: 3,
    averageRating: 3.5,
    ratings: 2,
    fixedYes: 1,
    fixedAnswers: 2,
  });
  assert.ok(!rows.some((r) => r.departmentId === quiet.id), 'a department without reports is not listed');
  assert.ok(rows.every((r) => r.reports >= 1));
});

test('the public page shows the figures in an accessible table, in the reader’s language', async () => {
  const res = await app.inject({ method: 'GET', url: '/reports/stats' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1[^>]*>Cum răspunde primăria<\/h1>/);
  assert.match(res.body, /<caption>Răspunsul fiecărui departament la sesizările din ultimele 12 luni<\/caption>/);
  assert.match(res.body, /<th scope="col">Rezolvate în termen<\/th>/);
  const row = res.body.match(/<tr><th scope="row">Departamentul Statistic<\/th>(.*?)<\/tr>/)?.[1];
  assert.ok(row, 'the department has a row headed by its name');
  const cells = [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
  assert.deepEqual(cells, ['4', '2', '6', '33\u00a0%', '3,5 · răspunsuri: 2', '50\u00a0%']);
  assert.doesNotMatch(res.body, /Departamentul Liniștit/);

  const en = await app.inject({ method: 'GET', url: '/reports/stats', headers: { cookie: 'dz_lang=en' } });
  assert.match(en.body, /How the city responds/);
  const enRow = en.body.match(/<tr><th scope="row">Departamentul Statistic<\/th>(.*?)<\/tr>/)![1]!;
  assert.deepEqual([...enRow.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]), ['4', '2', '6', '33%', '3.5 · answers: 2', '50%']);
});
