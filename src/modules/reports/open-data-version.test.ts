// The reports file's version (migration 009): 304 while nothing the file shows has changed, 200 as
// soon as something has, through the commands that change reports; not for what the file leaves
// out (comments, unconfirmed reports); and on PostgreSQL, writers never wait on each other for it
// and a change is never announced before it is committed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, form, makeUser } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { loadActor, type Actor } from '../../core/auth/actor.ts';
import { submitReport } from './commands/submit.ts';
import { changeStatus } from './commands/handle.ts';
import { setHidden } from './commands/moderate.ts';
import { recategorize } from './commands/recategorize.ts';
import { mergeDuplicate } from './commands/merge.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
const [pothole] = await ctx.database.query<{ id: number }>(`select id from categories where code = 'roads.pothole'`);
const admin: Actor = await loadActor(ctx.database, (await makeUser(ctx, { role: 'admin' })).id);

async function newReport(text = 'Groapă adâncă în fața blocului.'): Promise<number> {
  const out = await submitReport(ctx, await loadActor(ctx.database, (await makeUser(ctx)).id), {
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

const get = (url: string, headers: Record<string, string> = {}, lang?: string) => app.inject({ method: 'GET', url, headers, ...(lang ? { cookies: { dz_lang: lang } } : {}) });
const etagOf = async (url = '/open-data/reports.csv', lang?: string) => String((await get(url, {}, lang)).headers.etag);

/** After `change`, the file held before is stale: 200 with a new ETag, which then answers 304. */
async function changes(what: string, change: () => Promise<unknown>, url = '/open-data/reports.csv', lang?: string) {
  const etag = await etagOf(url, lang);
  assert.equal((await get(url, { 'if-none-match': etag }, lang)).statusCode, 304, `${what}: 304 before`);
  await change();
  const after = await get(url, { 'if-none-match': etag }, lang);
  assert.equal(after.statusCode, 200, `${what}: 200 after`);
  assert.notEqual(after.headers.etag, etag, what);
  assert.equal((await get(url, { 'if-none-match': String(after.headers.etag) }, lang)).statusCode, 304, `${what}: the new version answers 304`);
  return after;
}

test('every format carries Last-Modified and a weak ETag, and answers 304 to it', async () => {
  await newReport();
  for (const format of ['csv', 'geojson', 'json']) {
    const url = `/open-data/reports.${format}`;
    const first = await get(url);
    assert.equal(first.statusCode, 200);
    assert.match(String(first.headers.etag), /^W\/"[\w-]{22}"$/);
    const lastModified = String(first.headers['last-modified']);
    assert.ok(Date.now() - Date.parse(lastModified) < 60_000, `${format}: dated by the last report just submitted (${lastModified})`);
    const again = await get(url, { 'if-none-match': String(first.headers.etag) });
    assert.equal(again.statusCode, 304, format);
    assert.equal(again.body, '');
    assert.equal((await get(url, { 'if-modified-since': lastModified })).statusCode, 304, format);
  }
});

test('a new public report, a status change, hiding, restoring, a new category and a merge each give a new version', async () => {
  const a = await newReport();
  const b = await newReport();
  await changes('new report', () => newReport());
  const status = await changes('status', async () => assert.deepEqual(await changeStatus(ctx, admin, a, { to: 'acknowledged' }), { kind: 'done' }));
  assert.match(status.body, new RegExp(`^${a},acknowledged,`, 'm'));
  const hidden = await changes('hide', async () => assert.deepEqual(await setHidden(ctx, admin, a, true, 'spam'), { kind: 'done' }));
  assert.doesNotMatch(hidden.body, new RegExp(`^${a},`, 'm'));
  await changes('restore', async () => assert.deepEqual(await setHidden(ctx, admin, a, false, ''), { kind: 'done' }));
  await changes('recategorize', async () => assert.deepEqual(await recategorize(ctx, admin, a, 'lighting.streetlight'), { kind: 'done' }));
  await changes('merge', async () => assert.deepEqual(await mergeDuplicate(ctx, admin, b, a), { kind: 'merged' }));
});

test('what else the file shows changes it too: a renamed category or district, a deleted report, a confirmed one', async () => {
  const id = await newReport();
  await changes(
    'category name',
    () => ctx.database.query(`update categories set name_en = name_en || ' (roads)' where id = $1`, [pothole!.id]),
    '/open-data/reports.json',
    'en',
  );
  const [district] = await ctx.database.query<{ id: number | null }>('select district_id as id from reports where id = $1', [id]);
  assert.ok(district?.id, 'the report lies in a district');
  await changes('district name', () => ctx.database.query(`update areas set name = name || ' ' where id = $1`, [district.id]));
  await changes('deletion', () => ctx.database.query('delete from reports where id = $1', [id]));
  const [pending] = await ctx.database.query<{ id: number }>(
    `insert into reports (category_id, location, description, description_public, status) values ($1, ST_SetSRID(ST_MakePoint(23.6, 46.77), 4326), 'x', 'x', 'unconfirmed') returning id::int as id`,
    [pothole!.id],
  );
  await changes('confirmation', () => ctx.database.query(`update reports set status = 'new' where id = $1`, [pending!.id]));
});

test('what the file leaves out keeps the version: comments, unconfirmed reports, internal fields', async () => {
  const id = await newReport();
  const etag = await etagOf();
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  const commented = await app.inject({
    method: 'POST',
    url: '/comments',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: citizen.cookie },
    payload: form({ _csrf: citizen.csrf, subjectType: 'report', subjectId: String(id), body: 'Confirm, e tot acolo.' }),
  });
  assert.equal(commented.statusCode, 303);
  const [row] = await ctx.database.query<{ n: number }>('select comments_count as n from reports where id = $1', [id]);
  assert.equal(row!.n, 1, 'the comment was counted on the report');
  await ctx.database.query(
    `insert into reports (category_id, location, description, description_public, status) values ($1, ST_SetSRID(ST_MakePoint(23.6, 46.77), 4326), 'y', 'y', 'unconfirmed')`,
    [pothole!.id],
  );
  await ctx.database.query(`update reports set rating = 4, assigned_to = null where id = $1`, [id]);
  await ctx.database.query(`update categories set department_id = department_id where id = $1`, [pothole!.id]);
  assert.equal((await get('/open-data/reports.csv', { 'if-none-match': etag })).statusCode, 304);
});

test('PostgreSQL: an uncommitted change is not announced, and two writers do not wait for each other', { skip: ctx.database.kind !== 'postgres' }, async () => {
  const [a, b] = [await newReport(), await newReport()];
  const etag = await etagOf();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let changed!: () => void;
  const inside = new Promise<void>((r) => (changed = r));
  const first = ctx.database.transaction(async (tx) => {
    await tx.query(`update reports set status = 'acknowledged', updated_at = now() where id = $1`, [a]);
    changed();
    await gate;
  });
  await inside;
  assert.equal((await get('/open-data/reports.csv', { 'if-none-match': etag })).statusCode, 304, 'the open transaction is not visible yet');
  const second = ctx.database.query(`update reports set status = 'acknowledged', updated_at = now() where id = $1`, [b]);
  const waited = await Promise.race([second.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 5000))]);
  release();
  await first;
  await second;
  assert.equal(waited, false, 'the second writer took another slot instead of waiting for the first to commit');
  const after = await get('/open-data/reports.csv', { 'if-none-match': etag });
  assert.equal(after.statusCode, 200);
  assert.match(after.body, new RegExp(`^${a},acknowledged,`, 'm'));
});
