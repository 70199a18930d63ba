// Comments on reports through the comments module: residents discuss a public report, the report
// counts its comments, and the thread closes when the report is finished or hidden.
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
const [pothole] = await ctx.database.query<{ id: number }>(`select id from categories where code = 'roads.pothole'`);

async function newReport(): Promise<number> {
  const reporter = await makeUser(ctx);
  const out = await submitReport(ctx, await loadActor(ctx.database, reporter.id), {
    categoryId: pothole!.id,
    point: { lng: 23.59, lat: 46.77 },
    description: 'Groapă adâncă în fața blocului.',
    showName: false,
    photos: [],
    source: 'web',
  });
  assert.equal(out.kind, 'created');
  return (out as { id: number }).id;
}

const comment = (b: { cookie: string; csrf: string }, reportId: number, body: string) =>
  app.inject({ method: 'POST', url: '/comments', headers: { ...FORM, cookie: b.cookie }, payload: form({ _csrf: b.csrf, subjectType: 'report', subjectId: String(reportId), body }) });

const countOf = async (id: number) =>
  (await ctx.database.query<{ n: number; rows: number }>(`select comments_count as n, (select count(*)::int from comments where subject_type = 'report' and subject_id = $1) as rows from reports where id = $1`, [id]))[0];

test('a resident comments on a public report; the page shows it masked and the report counts it', async () => {
  const id = await newReport();
  const citizen = await browser(ctx, (await makeUser(ctx, { name: 'Ioana Vecina' })).id);
  const res = await comment(citizen, id, 'Am căzut și eu aici ieri, sunați-mă la 0745 123 456 sau ioana@example.ro.');
  assert.equal(res.statusCode, 303);
  assert.match(String(res.headers.location), new RegExp(`^/reports/${id}#comment-\\d+$`));
  assert.deepEqual(await countOf(id), { n: 1, rows: 1 });
  const page = await app.inject({ method: 'GET', url: `/reports/${id}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Comentarii \(1\)/);
  assert.match(page.body, /Ioana Vecina/);
  assert.match(page.body, /Am căzut și eu aici ieri/);
  assert.doesNotMatch(page.body, /0745 123 456/, 'phone numbers are masked for the public');
  assert.doesNotMatch(page.body, /ioana@example\.ro/, 'e-mail addresses are masked for the public');
  // The report's own follow stays the only follow button on the page.
  const own = await app.inject({ method: 'GET', url: `/reports/${id}`, headers: { cookie: citizen.cookie } });
  assert.match(own.body, new RegExp(`action="/reports/${id}/follow"`));
  assert.doesNotMatch(own.body, /action="\/follow"/);
});

test('anonymous visitors read the thread but cannot post', async () => {
  const id = await newReport();
  const anon = await browser(ctx);
  const res = await comment(anon, id, 'Comentariu fără cont.');
  assert.equal(res.statusCode, 303);
  assert.match(String(res.headers.location), /^\/login\?next=/);
  assert.deepEqual(await countOf(id), { n: 0, rows: 0 });
  const page = await app.inject({ method: 'GET', url: `/reports/${id}` });
  assert.match(page.body, /Comentarii \(0\)/);
  assert.doesNotMatch(page.body, /name="subjectType"/, 'no comment form for anonymous visitors');
});

test('a hidden report takes no comments and shows no thread to the public', async () => {
  const id = await newReport();
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  await ctx.database.query(`update reports set hidden_at = now(), hidden_reason = 'test' where id = $1`, [id]);
  const res = await comment(citizen, id, 'Comentariu pe o sesizare ascunsă.');
  assert.equal(res.statusCode, 404);
  assert.deepEqual(await countOf(id), { n: 0, rows: 0 });
  const mod = await browser(ctx, (await makeUser(ctx, { role: 'moderator' })).id);
  const seen = await app.inject({ method: 'GET', url: `/reports/${id}`, headers: { cookie: mod.cookie } });
  assert.equal(seen.statusCode, 200);
  assert.match(seen.body, /Comentariile nu sunt deschise acum/, 'moderators see the thread closed');
  assert.equal((await comment(mod, id, 'Nici moderatorii nu comentează aici.')).statusCode, 303);
  assert.deepEqual(await countOf(id), { n: 0, rows: 0 });
});

test('a closed or rejected report keeps its comments but takes no new ones', async () => {
  const id = await newReport();
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await comment(citizen, id, 'Înainte de închidere.')).statusCode, 303);
  for (const status of ['closed', 'rejected']) {
    await ctx.database.query(`update reports set status = $2 where id = $1`, [id, status]);
    const res = await comment(citizen, id, `După ce a devenit ${status}.`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/reports/${id}`, 'sent back to the report with a notice');
    assert.deepEqual(await countOf(id), { n: 1, rows: 1 });
    const page = await app.inject({ method: 'GET', url: `/reports/${id}`, headers: { cookie: citizen.cookie } });
    assert.match(page.body, /Înainte de închidere/);
    assert.match(page.body, /Comentariile nu sunt deschise acum/);
    assert.doesNotMatch(page.body, /name="subjectType"/);
  }
});
