// The hourly "is it fixed?" job: it asks each due reporter once, never twice, and keeps its chain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../../core/testing/harness.ts';
import { browser, makeUser } from '../../../core/testing/factories.ts';
import { seedDemo } from '../../../core/seed/demo.ts';
import { daysBefore, fileReport, setTimeline } from '../oversight/fixtures.ts';
import { FEEDBACK_JOB, FEEDBACK_SETTINGS_KEY, hourKey, requestFeedback, startOfNextHour } from './request-feedback.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);

const [lighting] = await ctx.database.query<{ id: number }>(`select id from categories where code = 'lighting.streetlight'`);
const now = new Date();
const ago = (days: number) => daysBefore(now, days);
const resolved = (id: number, days: number, extra: { fixed?: boolean } = {}) =>
  setTimeline(ctx, id, { status: 'resolved', createdAt: ago(days + 2), acknowledgedAt: ago(days + 1), resolvedAt: ago(days), ...extra });
const mailsTo = (email: string) => ctx.database.query<{ subject: string; body_text: string }>('select subject, body_text from mail_outbox where to_address = $1 order by id', [email]);
const feedbackMails = async (email: string) => (await mailsTo(email)).filter((m) => /rezolvat|fixed|megoldódott/.test(m.subject));

test('the app books this hour’s run on start; a run books the next hour once', async () => {
  // Either side of an hour boundary the test may straddle.
  const hours = [hourKey(new Date(Date.now() - 120_000)), hourKey(new Date())];
  const booked = await ctx.database.query('select 1 from jobs where name = $1 and dedupe_key = any($2::text[])', [FEEDBACK_JOB, hours]);
  assert.ok(booked.length >= 1, 'ready → this hour is booked');
  const before = new Date();
  await ctx.jobs.runDue();
  const chain = await ctx.database.query<{ run_at: Date; dedupe_key: string }>(`select run_at, dedupe_key from jobs where name = $1 and status = 'queued' and run_at > now()`, [FEEDBACK_JOB]);
  assert.equal(chain.length, 1, 'exactly one future run');
  const next = new Date(chain[0]!.run_at);
  assert.ok([startOfNextHour(before).getTime(), startOfNextHour(new Date()).getTime()].includes(next.getTime()), 'at the top of the next hour');
  assert.equal(chain[0]!.dedupe_key, hourKey(next));
  assert.equal(await ctx.jobs.enqueue(FEEDBACK_JOB, {}, { dedupeKey: hourKey(next) }), null, 'a second booking of the same hour is ignored');
});

test('a reporter is asked once, some days after resolution, in their language, with the link to the questionnaire', async () => {
  const ro = await makeUser(ctx);
  const en = await makeUser(ctx);
  await ctx.database.query(`update users set locale = 'en' where id = $1`, [en.id]);
  const due = await fileReport(ctx, { categoryId: lighting!.id, userId: ro.id });
  const dueEn = await fileReport(ctx, { categoryId: lighting!.id, userId: en.id });
  const recent = await fileReport(ctx, { categoryId: lighting!.id, userId: ro.id });
  const answered = await fileReport(ctx, { categoryId: lighting!.id, userId: ro.id });
  const open = await fileReport(ctx, { categoryId: lighting!.id, userId: ro.id });
  await resolved(due, 4);
  await resolved(dueEn, 10);
  await resolved(recent, 2);
  await resolved(answered, 5, { fixed: true });
  await setTimeline(ctx, open, { status: 'in_progress', createdAt: ago(20), acknowledgedAt: ago(19) });

  // Through the queue, as production runs it.
  await ctx.jobs.enqueue(FEEDBACK_JOB, {}, { dedupeKey: `test-run-1-${Date.now()}` });
  await ctx.jobs.runDue();
  const mails = await feedbackMails(ro.email);
  assert.deepEqual(mails.map((m) => m.subject), [`Sesizarea #${due}: problema a fost rezolvată?`], 'only the report resolved 4 days ago, none answered or open');
  assert.match(mails[0]!.body_text, new RegExp(`http://dezvolt\\.test/reports/${due}\\b`));
  assert.deepEqual((await feedbackMails(en.email)).map((m) => m.subject), [`Report #${dueEn}: was the problem fixed?`]);
  const [marked] = await ctx.database.query<{ asked: boolean }>('select feedback_requested_at is not null as asked from reports where id = $1', [due]);
  assert.equal(marked!.asked, true);

  const page = await app.inject({ method: 'GET', url: `/reports/${due}`, headers: { cookie: (await browser(ctx, ro.id)).cookie } });
  assert.match(page.body, /Problema a fost rezolvată\?/, 'the link leads the reporter to the questionnaire');

  assert.equal(await requestFeedback(ctx), 0, 'a second run asks nobody again');
  await ctx.jobs.enqueue(FEEDBACK_JOB, {}, { dedupeKey: `test-run-2-${Date.now()}` });
  await ctx.jobs.runDue();
  assert.equal((await feedbackMails(ro.email)).length, 1);
  assert.equal((await feedbackMails(en.email)).length, 1);

  // The city may ask sooner; the report resolved 2 days ago becomes due, the others stay asked once.
  await ctx.settings.set(FEEDBACK_SETTINGS_KEY, { feedbackAfterDays: 1 });
  assert.equal(await requestFeedback(ctx), 1);
  assert.deepEqual((await feedbackMails(ro.email)).map((m) => m.subject), [`Sesizarea #${due}: problema a fost rezolvată?`, `Sesizarea #${recent}: problema a fost rezolvată?`]);
  await ctx.settings.set(FEEDBACK_SETTINGS_KEY, { feedbackAfterDays: 3 });
});

test('reports filed without an account, hidden ones and erased reporters are never asked', async () => {
  const erased = await makeUser(ctx);
  const byErased = await fileReport(ctx, { categoryId: lighting!.id, userId: erased.id });
  await ctx.database.query('update users set erased_at = now() where id = $1', [erased.id]);
  const hiddenBy = await makeUser(ctx);
  const hidden = await fileReport(ctx, { categoryId: lighting!.id, userId: hiddenBy.id });
  const anonymous = await fileReport(ctx, { categoryId: lighting!.id, contact: { name: 'Fără Cont', email: 'fara.cont@example.test' } });
  await resolved(byErased, 6);
  await resolved(anonymous, 6);
  await setTimeline(ctx, hidden, { status: 'resolved', createdAt: ago(8), acknowledgedAt: ago(7), resolvedAt: ago(6), hidden: true });
  assert.equal(await requestFeedback(ctx), 0);
  assert.equal((await feedbackMails(hiddenBy.email)).length, 0);
  assert.equal((await feedbackMails('fara.cont@example.test')).length, 0);
});
