// Flags, hiding with a reason (audited), restoring, and merging duplicates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, form, makeUser } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { loadActor } from '../../core/auth/actor.ts';
import { submitReport } from './commands/submit.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const post = (b: { cookie: string; csrf: string }, url: string, fields: Record<string, string>) =>
  app.inject({ method: 'POST', url, headers: { ...FORM, cookie: b.cookie }, payload: form({ _csrf: b.csrf, ...fields }) });
const [pothole] = await ctx.database.query<{ id: number }>(`select id from categories where code = 'roads.pothole'`);

async function newReport(byUserId: string, text: string): Promise<number> {
  const out = await submitReport(ctx, await loadActor(ctx.database, byUserId), {
    categoryId: pothole!.id,
    point: { lng: 23.59, lat: 46.77 },
    description: text,
    showName: false,
    photos: [],
    source: 'web',
  });
  assert.equal(out.kind, 'created');
  return (out as { id: number }).id;
}

test('a flagged report is hidden by a moderator with a reason, audited, then restored', async () => {
  const reporter = await makeUser(ctx);
  const id = await newReport(reporter.id, 'Text cu injurii la adresa vecinului.');
  const anon = await browser(ctx);
  assert.equal((await post(anon, `/reports/${id}/flag`, { reason: 'limbaj jignitor' })).statusCode, 303);
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await post(citizen, `/reports/${id}/hide`, { reason: 'x' })).statusCode, 403, 'a citizen cannot hide');
  const mod = await makeUser(ctx, { role: 'moderator' });
  const mb = await browser(ctx, mod.id);
  const queue = await app.inject({ method: 'GET', url: '/moderation/reports', headers: { cookie: mb.cookie } });
  assert.match(queue.body, /limbaj jignitor/);
  assert.equal((await post(mb, `/reports/${id}/hide`, { reason: '' })).statusCode, 400, 'hiding needs a reason');
  assert.equal((await post(mb, `/reports/${id}/hide`, { reason: 'Limbaj jignitor (regula 3)' })).statusCode, 303);
  assert.equal((await app.inject({ method: 'GET', url: `/reports/${id}` })).statusCode, 404, 'hidden from the public');
  assert.equal((await app.inject({ method: 'GET', url: `/reports/${id}`, headers: { cookie: mb.cookie } })).statusCode, 200, 'moderators still see it');
  const [audit] = await ctx.database.query<{ action: string; details: { reason: string } }>(`select action, details from audit_log where subject_type = 'report' and subject_id = $1`, [String(id)]);
  assert.deepEqual(audit, { action: 'report.hide', details: { reason: 'Limbaj jignitor (regula 3)' } });
  assert.equal((await post(mb, `/reports/${id}/restore`, {})).statusCode, 303);
  assert.equal((await app.inject({ method: 'GET', url: `/reports/${id}` })).statusCode, 200);
});

test('merging a duplicate moves followers and photos, rejects it as duplicate and tells its reporter', async () => {
  const first = await makeUser(ctx);
  const second = await makeUser(ctx);
  const follower = await makeUser(ctx);
  const kept = await newReport(first.id, 'Groapă mare pe Memorandumului.');
  const dup = await newReport(second.id, 'Aceeași groapă pe Memorandumului, colț cu Universității.');
  await ctx.database.query('insert into report_followers (report_id, user_id) values ($1, $2)', [dup, follower.id]);
  const [drumuri] = await ctx.database.query<{ id: string }>(`select id from users where email = 'drumuri@demo.dezvolt.ro'`);
  const ob = await browser(ctx, drumuri!.id);
  const other = await browser(ctx, (await ctx.database.query<{ id: string }>(`select id from users where email = 'salubritate@demo.dezvolt.ro'`))[0]!.id);
  assert.equal((await post(other, `/reports/${dup}/merge`, { keptId: String(kept) })).statusCode, 403);
  assert.equal((await post(ob, `/reports/${dup}/merge`, { keptId: String(dup) })).statusCode, 400);
  assert.equal((await post(ob, `/reports/${dup}/merge`, { keptId: String(kept) })).statusCode, 303);
  const [d] = await ctx.database.query<{ status: string; reject_reason: string; duplicate_of: number }>('select status, reject_reason, duplicate_of::int as duplicate_of from reports where id = $1', [dup]);
  assert.deepEqual(d, { status: 'rejected', reject_reason: 'duplicate', duplicate_of: kept });
  const followers = (await ctx.database.query<{ user_id: string }>('select user_id from report_followers where report_id = $1', [kept])).map((r) => r.user_id).sort();
  assert.deepEqual(followers, [first.id, second.id, follower.id].sort());
  const told = await ctx.database.query<{ to_address: string }>(`select to_address from mail_outbox where subject = $1`, [`Sesizarea #${dup} a fost unită cu #${kept}`]);
  assert.deepEqual(told.map((m) => m.to_address).sort(), [second.email, follower.email].sort());
});

test('nearby open reports of the same category come back ranked by similarity', async () => {
  const u = await makeUser(ctx);
  await newReport(u.id, 'Capac de canal lipsă lângă stația de autobuz');
  const res = await app.inject({ method: 'GET', url: '/api/v1/reports/nearby?lat=46.77&lng=23.59&category=roads.pothole&text=capac%20canal%20lipsa' });
  assert.equal(res.statusCode, 200);
  const rows = res.json() as { title: string; distanceM: number; similarity: number }[];
  assert.ok(rows.length > 0);
  assert.match(rows[0]!.title, /Capac de canal/);
  assert.ok(rows.every((r) => r.distanceM <= 150));
  const far = await app.inject({ method: 'GET', url: '/api/v1/reports/nearby?lat=46.80&lng=23.70&category=roads.pothole' });
  assert.deepEqual(far.json(), []);
});
