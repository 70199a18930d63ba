// A draft edition is the admins' preparation: to everyone else every address that reaches it (pages,
// JSON, GeoJSON, downloads, photos) answers 404 as if it did not exist, and lists leave it out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { testApp } from '../../core/testing/harness.ts';
import { browser, form, makeUser, unique } from '../../core/testing/factories.ts';
import { makeBudget } from './testing/fixtures.ts';
import { closeVoting } from './commands/results.ts';

const { app, ctx } = await testApp();
const admin = await makeUser(ctx, { role: 'admin' });
const citizen = await makeUser(ctx);
const moderator = await makeUser(ctx, { role: 'moderator' });

type Who = { name: string; cookie?: string; csrf?: string };
const anonymous: Who = { name: 'anonymous' };
const asCitizen: Who = { name: 'citizen', ...(await browser(ctx, citizen.id)) };
const asModerator: Who = { name: 'moderator', ...(await browser(ctx, moderator.id)) };
const asAdmin: Who = { name: 'admin', ...(await browser(ctx, admin.id)) };
const outsiders = [anonymous, asCitizen, asModerator];

const get = (who: Who, url: string) => app.inject({ method: 'GET', url, ...(who.cookie ? { headers: { cookie: who.cookie } } : {}) });

test('a draft edition, its projects, ballot, map and photos are 404 to all but admins; the public list leaves it out', async () => {
  const title = unique('Ediție în pregătire ');
  const { editionId, budgetId, projectIds } = await makeBudget(ctx, admin.id, { phase: 'draft', title });
  const projectId = projectIds[0]!;
  await ctx.database.query('update pb_projects set location = ST_SetSRID(ST_MakePoint(23.59, 46.77), 4326) where id = $1', [projectId]);
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 40, g: 140, b: 60 } } }).jpeg().toBuffer();
  const boundary = 'draftPhotoBoundary';
  const upload = await app.inject({
    method: 'POST',
    url: `/budgets/projects/${projectId}/photos?_csrf=${encodeURIComponent(asAdmin.csrf!)}`,
    headers: { cookie: asAdmin.cookie!, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      photo,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  assert.equal(upload.statusCode, 303, 'the admin illustrates the draft');
  const [ph] = await ctx.database.query<{ id: string }>('select id from pb_project_photos where project_id = $1', [projectId]);

  const pages = [
    `/budgets/editions/${editionId}`,
    `/budgets/editions/${editionId}/propose`,
    `/budgets/projects/${projectId}`,
    `/budgets/ballots/${budgetId}`,
    `/budgets/photos/${ph!.id}.jpg`,
    `/budgets/photos/${ph!.id}/thumb.jpg`,
  ];
  const geojson = `/api/v1/pb/editions/${editionId}/projects.geojson`;
  for (const who of outsiders) {
    for (const url of pages) assert.equal((await get(who, url)).statusCode, 404, `${who.name} ${url}`);
    const api = await get(who, geojson);
    assert.equal(api.statusCode, 404, `${who.name} GeoJSON`);
    assert.match(String(api.headers['content-type']), /problem\+json/);
    const list = await get(who, '/budgets');
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes(title), `${who.name} does not see the draft in the list`);
    assert.ok(!list.body.includes(`/budgets/editions/${editionId}"`), `${who.name}: no link to the draft`);
  }
  // Writing to a draft's project reveals nothing either: 404 before any login redirect or 403.
  const comment = await app.inject({
    method: 'POST',
    url: `/budgets/projects/${projectId}/comments`,
    headers: { cookie: asCitizen.cookie!, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: asCitizen.csrf!, body: 'Se vede?' }),
  });
  assert.equal(comment.statusCode, 404);
  const propose = await app.inject({
    method: 'POST',
    url: `/budgets/editions/${editionId}/propose`,
    headers: { cookie: asCitizen.cookie!, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: asCitizen.csrf!, title: 'Un proiect', description: 'Descriere', cost: '100' }),
  });
  assert.equal(propose.statusCode, 404);

  for (const url of [`/budgets/editions/${editionId}`, `/budgets/projects/${projectId}`, `/budgets/ballots/${budgetId}`, `/budgets/photos/${ph!.id}.jpg`]) {
    assert.equal((await get(asAdmin, url)).statusCode, 200, `admin ${url}`);
  }
  assert.match(String((await get(asAdmin, `/budgets/photos/${ph!.id}.jpg`)).headers['cache-control']), /no-store/, 'no shared cache keeps a draft photo');
  assert.ok((await get(asAdmin, `/budgets/editions/${editionId}`)).body.includes(title));
  const adminMap = await get(asAdmin, geojson);
  assert.equal(adminMap.statusCode, 200);
  assert.deepEqual((adminMap.json() as { features: { id: number }[] }).features.map((f) => f.id), [projectId]);
  assert.ok((await get(asAdmin, '/budgets')).body.includes(title), 'the admin sees the draft in the list');

  // Published, the same edition is everyone's.
  await ctx.database.query(`update pb_editions set phase = 'submission' where id = $1`, [editionId]);
  for (const who of outsiders) {
    assert.equal((await get(who, `/budgets/editions/${editionId}`)).statusCode, 200, `${who.name} after publishing`);
    assert.equal((await get(who, `/budgets/projects/${projectId}`)).statusCode, 200);
    assert.equal((await get(who, geojson)).statusCode, 200);
    assert.ok((await get(who, '/budgets')).body.includes(title));
  }
});

test('results of an edition put back to draft are not open data: page, CSV, JSON and Pabulib file are 404 to all but admins', async () => {
  const { editionId, budgetId } = await makeBudget(ctx, admin.id, { phase: 'voting' });
  assert.equal((await closeVoting(ctx, admin.id, editionId)).kind, 'closed');
  const downloads = [`/budgets/results/${budgetId}`, `/budgets/results/${budgetId}.csv`, `/budgets/results/${budgetId}.pb`, `/api/v1/pb/budgets/${budgetId}/results`];
  for (const url of downloads) assert.equal((await get(anonymous, url)).statusCode, 200, `published results: ${url}`);

  // No command takes results back to draft; the row is set directly so each route's own check is what is tested.
  await ctx.database.query(`update pb_editions set phase = 'draft' where id = $1`, [editionId]);
  for (const who of outsiders) {
    for (const url of downloads) assert.equal((await get(who, url)).statusCode, 404, `${who.name} ${url}`);
  }
  const json = await get(anonymous, `/api/v1/pb/budgets/${budgetId}/results`);
  assert.match(String(json.headers['content-type']), /problem\+json/);
  for (const url of downloads) assert.equal((await get(asAdmin, url)).statusCode, 200, `admin ${url}`);
});
