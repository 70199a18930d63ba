// Area alerts: managed on /my/alerts without JavaScript; a report that becomes public mails exactly
// the subscribers whose circle or district contains it, once each, never its own reporter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../../core/testing/harness.ts';
import { browser, form, makeUser, type UserFixture } from '../../../core/testing/factories.ts';
import { seedDemo } from '../../../core/seed/demo.ts';
import { CENTRU, fileReport } from '../oversight/fixtures.ts';
import { AREA_ALERTS_JOB, sendAreaAlerts } from './area-alerts-job.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const area = async (slug: string) => (await ctx.database.query<{ id: number }>('select id from areas where slug = $1', [slug]))[0]!.id;
const [pothole] = await ctx.database.query<{ id: number }>(`select id from categories where code = 'roads.pothole'`);

async function subscribe(u: UserFixture, fields: Record<string, string>) {
  const b = await browser(ctx, u.id);
  return app.inject({ method: 'POST', url: '/my/alerts', headers: { ...FORM, cookie: b.cookie }, payload: form({ _csrf: b.csrf, ...fields }) });
}
const point = (lat: number, lng: number, radius: number) => ({ kind: 'point', lat: String(lat), lng: String(lng), radius: String(radius) });
const alertMails = (email: string) => ctx.database.query<{ subject: string; body_text: string }>(`select subject, body_text from mail_outbox where to_address = $1 and subject like '%zona ta%' order by id`, [email]);

test('people manage their alerts on /my/alerts with plain forms', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/my/alerts' })).statusCode, 303);
  const u = await makeUser(ctx);
  const b = await browser(ctx, u.id);
  const page = await app.inject({ method: 'GET', url: '/my/alerts', headers: { cookie: b.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Nu ai încă nicio alertă\./);
  assert.match(page.body, /<label for="f-lat">Latitudine<\/label>/);
  assert.match(page.body, /<label for="f-district">Cartierul<\/label>/);

  assert.equal((await subscribe(u, point(46.7705, 23.5901, 20))).statusCode, 400, 'a radius under 50 m');
  assert.equal((await subscribe(u, point(46.7705, 23.5901, 9000))).statusCode, 400, 'a radius over 5000 m');
  const outside = await subscribe(u, point(46.5, 23.9, 500));
  assert.equal(outside.statusCode, 400);
  assert.match(outside.body, /în afara orașului/);
  const garbled = await subscribe(u, { kind: 'point', lat: 'nord', lng: '23,59', radius: '500' });
  assert.equal(garbled.statusCode, 400);
  assert.match(garbled.body, /value="nord"/, 'the form keeps what was typed');
  assert.equal((await subscribe(u, { kind: 'district', district: '999999' })).statusCode, 400);

  assert.equal((await subscribe(u, point(46.7705, 23.5901, 750))).statusCode, 303);
  assert.equal((await subscribe(u, { kind: 'point', lat: '46,7712', lng: '23,5915', radius: '300' })).statusCode, 303, 'comma decimals work');
  assert.equal((await subscribe(u, { kind: 'district', district: String(await area('marasti')) })).statusCode, 303);
  const listed = await app.inject({ method: 'GET', url: '/my/alerts', headers: { cookie: b.cookie } });
  assert.match(listed.body, /Pe o rază de 750 m în jurul punctului 46\.77050, 23\.59010/);
  assert.match(listed.body, /Pe o rază de 300 m în jurul punctului 46\.77120, 23\.59150/);
  assert.match(listed.body, /În cartierul Mărăști/);

  const [first] = await ctx.database.query<{ id: number }>('select id::int as id from report_area_alerts where user_id = $1 order by id limit 1', [u.id]);
  const stranger = await browser(ctx, (await makeUser(ctx)).id);
  const steal = await app.inject({ method: 'POST', url: `/my/alerts/${first!.id}/delete`, headers: { ...FORM, cookie: stranger.cookie }, payload: form({ _csrf: stranger.csrf }) });
  assert.equal(steal.statusCode, 404, 'someone else’s alert is not theirs to delete');
  const del = await app.inject({ method: 'POST', url: `/my/alerts/${first!.id}/delete`, headers: { ...FORM, cookie: b.cookie }, payload: form({ _csrf: b.csrf }) });
  assert.equal(del.statusCode, 303);
  const [n] = await ctx.database.query<{ n: number }>('select count(*)::int as n from report_area_alerts where user_id = $1', [u.id]);
  assert.equal(n!.n, 2);
});

test('a new public report mails exactly the subscribers whose area contains it, once, never the reporter', async () => {
  const near = await makeUser(ctx); // 130 m away, 500 m circle, and the district too: one mail
  const far = await makeUser(ctx); // ~1 km away, 500 m circle
  const wide = await makeUser(ctx); // same place, 2 km circle
  const district = await makeUser(ctx); // Centru
  const otherDistrict = await makeUser(ctx); // Mărăști
  const edgeOut = await makeUser(ctx); // 55.6 m north, 50 m circle
  const edgeIn = await makeUser(ctx); // 55.6 m north, 60 m circle
  const reporter = await makeUser(ctx);
  const centru = String(await area('centru'));
  for (const [u, fields] of [
    [near, point(46.7712, 23.5915, 500)],
    [near, { kind: 'district', district: centru }],
    [far, point(46.7705, 23.6031, 500)],
    [wide, point(46.7705, 23.6031, 2000)],
    [district, { kind: 'district', district: centru }],
    [otherDistrict, { kind: 'district', district: String(await area('marasti')) }],
    [edgeOut, point(46.771, 23.5901, 50)],
    [edgeIn, point(46.771, 23.5901, 60)],
    [reporter, point(46.7705, 23.5901, 5000)],
  ] as const) {
    assert.equal((await subscribe(u, fields)).statusCode, 303, JSON.stringify(fields));
  }

  const id = await fileReport(ctx, { categoryId: pothole!.id, userId: reporter.id, point: CENTRU, text: 'Groapă nouă. Sunați la 0722 123 456.' });
  const [job] = await ctx.database.query<{ n: number }>('select count(*)::int as n from jobs where name = $1 and dedupe_key = $2', [AREA_ALERTS_JOB, `${AREA_ALERTS_JOB}:${id}`]);
  assert.equal(job!.n, 1, 'publishing the report queued its alerts');
  await ctx.jobs.runDue();

  const got = async (u: UserFixture) => (await alertMails(u.email)).filter((m) => m.subject.includes(`#${id}`)).length;
  assert.deepEqual(
    { near: await got(near), far: await got(far), wide: await got(wide), district: await got(district), otherDistrict: await got(otherDistrict), edgeOut: await got(edgeOut), edgeIn: await got(edgeIn), reporter: await got(reporter) },
    { near: 1, far: 0, wide: 1, district: 1, otherDistrict: 0, edgeOut: 0, edgeIn: 1, reporter: 0 },
  );
  const mails = await alertMails(district.email);
  assert.equal(mails.length, 1, 'reports published before subscribing are not replayed');
  const [mail] = mails;
  assert.match(mail!.body_text, new RegExp(`http://dezvolt\\.test/reports/${id}\\b`));
  assert.match(mail!.body_text, /http:\/\/dezvolt\.test\/my\/alerts/);
  assert.doesNotMatch(mail!.body_text, /0722 123 456/, 'the mail carries the masked text');

  assert.equal(await sendAreaAlerts(ctx, id), 0, 'running the job again mails nobody twice');
  assert.equal(await got(near), 1);
});

test('a report without an account alerts nobody until it is confirmed, and not its own author', async () => {
  const watcher = await makeUser(ctx);
  assert.equal((await subscribe(watcher, point(46.7705, 23.5901, 1000))).statusCode, 303);
  const author = await makeUser(ctx); // has an account but files without signing in
  assert.equal((await subscribe(author, point(46.7705, 23.5901, 1000))).statusCode, 303);
  const id = await fileReport(ctx, { categoryId: pothole!.id, contact: { name: 'Ana', email: author.email.toUpperCase() } });
  const queued = await ctx.database.query('select 1 from jobs where dedupe_key = $1', [`${AREA_ALERTS_JOB}:${id}`]);
  assert.equal(queued.length, 0, 'an unconfirmed report is not public yet');
  assert.equal(await sendAreaAlerts(ctx, id), 0);

  const [confirm] = await ctx.database.query<{ body_text: string }>(`select body_text from mail_outbox where to_address = $1 and body_text like '%/reports/confirm%'`, [author.email.toUpperCase()]);
  const link = confirm!.body_text.match(/\/reports\/confirm\?token=[\w-]+/)![0];
  assert.equal((await app.inject({ method: 'GET', url: link })).statusCode, 303);
  await ctx.jobs.runDue();
  assert.equal((await alertMails(watcher.email)).filter((m) => m.subject.includes(`#${id}`)).length, 1);
  assert.equal((await alertMails(author.email)).filter((m) => m.subject.includes(`#${id}`)).length, 0, 'the author, matched by address');
});
