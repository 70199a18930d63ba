// Notifications: the in-app list, digest scheduling (immediate, daily, weekly, off), one e-mail per
// batch, one-click unsubscribe with a signed token, and following through the generic route.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, form, makeUser } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { makeProposalsComponent, insertProposal } from '../proposals/testing/fixtures.ts';
import { notify } from './notify.ts';
import { DIGEST_JOB, runDigests, sendDigest } from './digest.ts';
import { unsubscribeToken } from './present.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const HOUR = 3600_000;

async function post(b: { cookie: string; csrf: string }, url: string, fields: Record<string, string>) {
  return app.inject({ method: 'POST', url, headers: { ...FORM, cookie: b.cookie }, payload: form({ ...fields, _csrf: b.csrf }) });
}

async function ping(userId: string, title: string) {
  await ctx.database.transaction((tx) => notify(ctx, tx, [userId], { kind: 'proposal_review', subjectType: 'proposal', subjectId: 1, url: '/proposals/1', params: { title } }));
}

async function mails(email: string) {
  return ctx.database.query<{ subject: string; body_text: string }>('select subject, body_text from mail_outbox where to_address = $1 order by id', [email]);
}

test('a daily digest sends once a day, gathers everything pending, and skips what was read', async () => {
  const u = await makeUser(ctx);
  await ping(u.id, 'Prima');
  await ping(u.id, 'A doua');
  const t0 = new Date();
  assert.equal(await sendDigest(ctx, u.id, t0), 'sent');
  let sent = await mails(u.email);
  assert.equal(sent.length, 1);
  assert.match(sent[0]!.subject, /2 noutăți/);
  assert.match(sent[0]!.body_text, /„Prima”/);
  assert.match(sent[0]!.body_text, /http:\/\/dezvolt\.test\/notifications\/unsubscribe\?u=/);
  await ping(u.id, 'A treia');
  assert.equal(await sendDigest(ctx, u.id, new Date(t0.getTime() + 2 * HOUR)), 'not_due', 'a daily digest waits a day');
  assert.equal(await sendDigest(ctx, u.id, new Date(t0.getTime() + 24 * HOUR)), 'sent');
  sent = await mails(u.email);
  assert.equal(sent.length, 2);
  assert.match(sent[1]!.body_text, /„A treia”/);
  assert.doesNotMatch(sent[1]!.body_text, /„Prima”/, 'nothing is e-mailed twice');
  await ping(u.id, 'Citită');
  await ctx.database.query('update notifications set read_at = now() where user_id = $1', [u.id]);
  assert.equal(await sendDigest(ctx, u.id, new Date(t0.getTime() + 48 * HOUR)), 'nothing', 'read notifications are not e-mailed');
});

test('weekly waits a week, off never sends, immediate queues a send job at once', async () => {
  const weekly = await makeUser(ctx);
  const off = await makeUser(ctx);
  const now = await makeUser(ctx);
  const bw = await browser(ctx, weekly.id);
  assert.equal((await post(bw, '/notifications/settings', { digest: 'weekly' })).statusCode, 303);
  await post(await browser(ctx, off.id), '/notifications/settings', { digest: 'off' });
  await post(await browser(ctx, now.id), '/notifications/settings', { digest: 'immediate' });
  const t0 = new Date();
  await ping(weekly.id, 'S1');
  assert.equal(await sendDigest(ctx, weekly.id, t0), 'sent');
  await ping(weekly.id, 'S2');
  assert.equal(await sendDigest(ctx, weekly.id, new Date(t0.getTime() + 3 * 24 * HOUR)), 'not_due');
  assert.equal(await sendDigest(ctx, weekly.id, new Date(t0.getTime() + 7 * 24 * HOUR)), 'sent');
  await ping(off.id, 'Nimic');
  assert.equal(await sendDigest(ctx, off.id, t0), 'off');
  assert.equal((await mails(off.email)).length, 0);
  await ping(now.id, 'Acum');
  const [job] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from jobs where name = 'notifications.send' and payload->>'userId' = $1`, [now.id]);
  assert.equal(job!.n, 1);
  await ctx.jobs.runDue();
  assert.equal((await mails(now.email)).length, 1, 'the send job delivered it');
});

test('the hourly digest job books the next hour and sends what is due', async () => {
  const u = await makeUser(ctx);
  await ping(u.id, 'Din job');
  await ctx.jobs.enqueue(DIGEST_JOB, {}, { dedupeKey: `test-${Date.now()}` });
  await ctx.jobs.runDue();
  assert.equal((await mails(u.email)).length, 1);
  const [next] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from jobs where name = $1 and run_at > now() and status = 'queued'`, [DIGEST_JOB]);
  assert.ok(next!.n >= 1, 'the next run is booked');
  assert.equal(await runDigests(ctx), 0, 'a second run sends nothing');
});

test('one-click unsubscribe works with the signed token only, without signing in', async () => {
  const u = await makeUser(ctx);
  const token = unsubscribeToken(ctx.secret, u.id);
  const bad = await app.inject({ method: 'POST', url: `/notifications/unsubscribe?u=${u.id}&t=${token.slice(0, -2)}xx` });
  assert.equal(bad.statusCode, 400);
  const page = await app.inject({ method: 'GET', url: `/notifications/unsubscribe?u=${u.id}&t=${token}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Dezabonează-mă/);
  // RFC 8058: the mail client posts List-Unsubscribe=One-Click, with no cookie and no CSRF token.
  const res = await app.inject({ method: 'POST', url: `/notifications/unsubscribe?u=${u.id}&t=${token}`, headers: FORM, payload: 'List-Unsubscribe=One-Click' });
  assert.equal(res.statusCode, 200, res.body);
  const [p] = await ctx.database.query<{ digest: string }>('select digest from notification_prefs where user_id = $1', [u.id]);
  assert.equal(p!.digest, 'off');
  await ping(u.id, 'După dezabonare');
  assert.equal(await sendDigest(ctx, u.id), 'off');
});

test('following through the generic route needs a visible thing; the list opens and marks notifications read', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const id = await insertProposal(ctx, componentId, 'Propunere de urmărit în notificări');
  const u = await makeUser(ctx);
  const b = await browser(ctx, u.id);
  assert.equal((await post(b, '/follow', { type: 'proposal', id: String(id), follow: 'on', next: `/proposals/${id}` })).statusCode, 303);
  assert.equal((await post(b, '/follow', { type: 'proposal', id: '999999999', follow: 'on' })).statusCode, 404);
  assert.equal((await post(b, '/follow', { type: 'nothing', id: '1', follow: 'on' })).statusCode, 404);
  const evil = await post(b, '/follow', { type: 'proposal', id: String(id), follow: 'on', next: '//evil.example' });
  assert.equal(evil.headers.location, '/notifications/settings', 'no open redirect');
  const settings = await app.inject({ method: 'GET', url: '/notifications/settings', headers: { cookie: b.cookie } });
  assert.match(settings.body, /Propunere de urmărit în notificări/);
  const official = await browser(ctx, (await makeUser(ctx, { role: 'official' })).id);
  await post(official, `/proposals/${id}/answer`, { state: 'rejected', text: 'Nu este fezabil.' });
  const list = await app.inject({ method: 'GET', url: '/notifications', headers: { cookie: b.cookie } });
  assert.match(list.body, /a primit răspuns: Respinsă/);
  const [n] = await ctx.database.query<{ id: number }>('select id::int as id from notifications where user_id = $1', [u.id]);
  const open = await app.inject({ method: 'GET', url: `/notifications/${n!.id}`, headers: { cookie: b.cookie } });
  assert.equal(open.headers.location, `/proposals/${id}`);
  const [r] = await ctx.database.query<{ read: boolean }>('select read_at is not null as read from notifications where id = $1', [n!.id]);
  assert.equal(r!.read, true);
  const stranger = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await app.inject({ method: 'GET', url: `/notifications/${n!.id}`, headers: { cookie: stranger.cookie } })).statusCode, 404);
});
