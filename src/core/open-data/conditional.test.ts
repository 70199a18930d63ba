// Conditional downloads: Last-Modified and a weak ETag where the dataset can tell its last change
// cheaply, 304 for a client holding that version, and 200 again once the data (or what else the
// file depends on: licence, language) changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../testing/harness.ts';
import { seedDemo } from '../seed/demo.ts';
import { isNotModified, validatorsFor } from './conditional.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
await ctx.database.query(
  `insert into citydata_entities (urn, type, attrs, public, location) values
     ('urn:ngsi-ld:WasteContainer:cond-a', 'WasteContainer', '{"name":{"type":"Property","value":"A"}}', true, ST_SetSRID(ST_MakePoint(23.59, 46.77), 4326)),
     ('urn:ngsi-ld:WasteContainer:cond-b', 'WasteContainer', '{"name":{"type":"Property","value":"B"}}', true, ST_SetSRID(ST_MakePoint(23.6, 46.78), 4326))`,
);
// Both rows were written in the same statement: the older one stays the older one below.
await ctx.database.query(`update citydata_entities set modified_at = modified_at - interval '1 hour' where urn = 'urn:ngsi-ld:WasteContainer:cond-b'`);

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

test('a download with a known last change carries Last-Modified and a weak ETag, and answers 304 to either condition', async () => {
  const first = await get('/open-data/budget-projects.csv');
  assert.equal(first.statusCode, 200);
  const etag = String(first.headers.etag);
  const lastModified = String(first.headers['last-modified']);
  assert.match(etag, /^W\/"[\w-]{22}"$/);
  assert.ok(Number.isFinite(Date.parse(lastModified)), lastModified);
  const [row] = await ctx.database.query<{ at: string }>(`select to_char(date_trunc('second', max(updated_at)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at from pb_editions where phase <> 'draft'`);
  assert.ok(Date.parse(lastModified) >= Date.parse(row!.at), 'no older than the newest published edition change');

  const byTag = await get('/open-data/budget-projects.csv', { 'if-none-match': etag });
  assert.equal(byTag.statusCode, 304);
  assert.equal(byTag.body, '');
  assert.equal(byTag.headers.etag, etag);
  assert.equal(byTag.headers['last-modified'], lastModified);
  assert.equal((await get('/open-data/budget-projects.csv', { 'if-none-match': `"other", ${etag.slice(2)}` })).statusCode, 304, 'strong form of the tag in a list');
  assert.equal((await get('/open-data/budget-projects.csv', { 'if-modified-since': lastModified })).statusCode, 304);
  assert.equal((await get('/open-data/budget-projects.csv', { 'if-modified-since': 'Mon, 01 Jan 2001 00:00:00 GMT' })).statusCode, 200);
  assert.equal(
    (await get('/open-data/budget-projects.csv', { 'if-none-match': 'W/"stale"', 'if-modified-since': lastModified })).statusCode,
    200,
    'If-None-Match decides when both are sent',
  );
  const json = await get('/open-data/budget-projects.json', { 'if-none-match': etag });
  assert.equal(json.statusCode, 200, 'another format is another file');
  const en = await app.inject({ method: 'GET', url: '/open-data/budget-projects.csv', headers: { 'if-none-match': etag }, cookies: { dz_lang: 'en' } });
  assert.equal(en.statusCode, 200, 'another language is another file');
});

test('a changed project makes the file 200 again with a new ETag', async () => {
  const before = await get('/open-data/budget-projects.csv');
  const etag = String(before.headers.etag);
  const [p] = await ctx.database.query<{ id: number }>(
    `select p.id from pb_projects p join pb_budgets b on b.id = p.budget_id join pb_editions e on e.id = b.edition_id where e.phase <> 'draft' order by p.id limit 1`,
  );
  assert.ok(p, 'the demo has a published project');
  await ctx.database.query(`update pb_projects set title = title || ' (revizuit)', updated_at = now() where id = $1`, [p.id]);
  const after = await get('/open-data/budget-projects.csv', { 'if-none-match': etag });
  assert.equal(after.statusCode, 200);
  assert.match(after.body, /\(revizuit\)/);
  assert.notEqual(after.headers.etag, etag);
  assert.equal((await get('/open-data/budget-projects.csv', { 'if-none-match': String(after.headers.etag) })).statusCode, 304);
});

test('a renamed budget changes the ETag although no timestamp moves', async () => {
  const etag = String((await get('/open-data/budget-projects.csv')).headers.etag);
  await ctx.database.query(`update pb_budgets set name = name || ' bis' where id = (select min(id) from pb_budgets)`);
  assert.equal((await get('/open-data/budget-projects.csv', { 'if-none-match': etag })).statusCode, 200);
});

test('city data: a new reading and a device made private both give a new version', async () => {
  const etag = String((await get('/open-data/citydata-devices.geojson')).headers.etag);
  assert.equal((await get('/open-data/citydata-devices.geojson', { 'if-none-match': etag })).statusCode, 304);
  // The older device leaving the public set does not move the newest change; the count does.
  await ctx.database.query(`update citydata_entities set public = false where urn = 'urn:ngsi-ld:WasteContainer:cond-b'`);
  const hidden = await get('/open-data/citydata-devices.geojson', { 'if-none-match': etag });
  assert.equal(hidden.statusCode, 200);
  assert.ok(!hidden.body.includes('cond-b'));
  const etag2 = String(hidden.headers.etag);
  await ctx.database.query(`update citydata_entities set attrs = '{"name":{"type":"Property","value":"A2"}}', modified_at = now() where urn = 'urn:ngsi-ld:WasteContainer:cond-a'`);
  const changed = await get('/open-data/citydata-devices.geojson', { 'if-none-match': etag2 });
  assert.equal(changed.statusCode, 200);
  assert.match(changed.body, /"A2"/);
});

test('a new licence makes every file a new version', async () => {
  const etag = String((await get('/open-data/citydata-devices.json')).headers.etag);
  await ctx.settings.set('openData', { license: 'CC0-1.0' });
  try {
    assert.equal((await get('/open-data/citydata-devices.json', { 'if-none-match': etag })).statusCode, 200);
  } finally {
    await ctx.settings.set('openData', { license: 'CC-BY-4.0' });
  }
});

test('the conditions compare as RFC 9110 says', () => {
  const v = validatorsFor({ at: '2026-03-01T10:00:00.750Z', tag: '3' }, { dataset: 'x', format: 'csv', locale: 'ro', license: 'CC-BY-4.0' });
  assert.equal(v.lastModified.toISOString(), '2026-03-01T10:00:00.000Z', 'whole seconds');
  assert.notEqual(validatorsFor({ at: '2026-03-01T10:00:00.751Z', tag: '3' }, { dataset: 'x', format: 'csv', locale: 'ro', license: 'CC-BY-4.0' }).etag, v.etag);
  assert.notEqual(validatorsFor({ at: '2026-03-01T10:00:00.750Z', tag: '4' }, { dataset: 'x', format: 'csv', locale: 'ro', license: 'CC-BY-4.0' }).etag, v.etag);
  assert.equal(isNotModified({ 'if-none-match': '*' }, v), true);
  assert.equal(isNotModified({ 'if-none-match': v.etag }, v), true);
  assert.equal(isNotModified({ 'if-none-match': 'W/"nope"' }, v), false);
  assert.equal(isNotModified({ 'if-modified-since': 'Sun, 01 Mar 2026 10:00:00 GMT' }, v), true);
  assert.equal(isNotModified({ 'if-modified-since': 'Sun, 01 Mar 2026 09:59:59 GMT' }, v), false);
  assert.equal(isNotModified({ 'if-modified-since': 'not a date' }, v), false);
  assert.equal(isNotModified({}, v), false);
});
