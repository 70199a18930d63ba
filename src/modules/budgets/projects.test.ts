// Project photos (EXIF never survives; only the author and officials add them), implementation
// tracking after the results, and what the person's data export and erasure do with PB data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser } from '../../core/testing/factories.ts';
import { makeBudget } from './testing/fixtures.ts';
import { closeVoting } from './commands/results.ts';
import { budgetsEraseUser, budgetsPersonalData } from './privacy.ts';

const { app, ctx } = await testApp();
const admin = await makeUser(ctx, { role: 'admin' });
type B = { cookie: string; csrf: string };

function uploadPhoto(b: B, projectId: number, photo: Buffer) {
  const boundary = 'pbPhotoBoundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="poza.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  return app.inject({
    method: 'POST',
    url: `/budgets/projects/${projectId}/photos?_csrf=${encodeURIComponent(b.csrf)}`,
    headers: { cookie: b.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, photo, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

const gpsPhoto = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 40, g: 140, b: 60 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestCam', Copyright: 'Ion Pop' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '46/1 46/1 1600/100', GPSLongitudeRef: 'E', GPSLongitude: '23/1 35/1 2200/100' } })
    .toBuffer();

test('the author adds photos without their GPS; other citizens may not; a renamed file is refused', async () => {
  const { projectIds } = await makeBudget(ctx, admin.id, { phase: 'submission' });
  const author = await makeUser(ctx);
  await ctx.database.query('update pb_projects set author_id = $2 where id = $1', [projectIds[0], author.id]);
  const a = await browser(ctx, author.id);
  const original = await gpsPhoto();
  assert.ok((await sharp(original).metadata()).exif, 'the fixture carries EXIF');
  const res = await uploadPhoto(a, projectIds[0]!, original);
  assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
  const [photo] = await ctx.database.query<{ id: string; image: Buffer }>('select id, image from pb_project_photos where project_id = $1', [projectIds[0]]);
  assert.equal((await sharp(Buffer.from(photo!.image)).metadata()).exif, undefined);
  const served = await app.inject({ url: `/budgets/photos/${photo!.id}.jpg` });
  assert.equal(served.statusCode, 200);
  assert.equal((await sharp(served.rawPayload).metadata()).exif, undefined);
  assert.equal((await app.inject({ url: `/budgets/photos/${photo!.id}/thumb.jpg` })).statusCode, 200);
  const page = await app.inject({ url: `/budgets/projects/${projectIds[0]}` });
  assert.match(page.body, /alt="Fotografia 1 a proiectului „Proiectul 1”"/);

  const stranger = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await uploadPhoto(stranger, projectIds[0]!, original)).statusCode, 403);
  const pdf = await uploadPhoto(a, projectIds[0]!, Buffer.from('%PDF-1.4 not a photo'));
  assert.equal(pdf.statusCode, 400);
  assert.match(pdf.body, /Fișierul nu este o fotografie/);
});

test('after the results officials report progress; 100 % makes the project implemented', async () => {
  // 300 (voted) is funded first; 900 no longer fits in the 1000 budget.
  const { editionId, budgetId, projectIds } = await makeBudget(ctx, admin.id, { costs: [900, 300, 200, 100] });
  await ctx.database.query(`insert into pb_ballots (budget_id, external_voter, source) values ($1, 'paper:1', 'paper')`, [budgetId]);
  await ctx.database.query(`insert into pb_ballot_items (ballot_id, project_id, position) select id, $2, 0 from pb_ballots where budget_id = $1`, [budgetId, projectIds[1]]);
  assert.equal((await closeVoting(ctx, admin.id, editionId)).kind, 'closed');
  const official = await browser(ctx, (await makeUser(ctx, { role: 'official' })).id);
  const form = (b: B, fields: Record<string, string>) =>
    app.inject({ method: 'POST', url: `/budgets/projects/${projectIds[1]}/progress`, headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...fields, _csrf: b.csrf }).toString() });
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await form(citizen, { progress: '50' })).statusCode, 403);
  const bad = await form(official, { progress: '150', spent: '', note: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /un număr întreg de la 0 la 100/);
  assert.equal((await form(official, { progress: '60', spent: '120000', note: 'Fundația e gata.' })).statusCode, 303);
  const page = await app.inject({ url: `/budgets/projects/${projectIds[1]}` });
  assert.match(page.body, /Realizat în proporție de 60 %/);
  assert.match(page.body, /Cheltuit până acum: 120\.000 lei/);
  assert.equal((await form(official, { progress: '100', spent: '300000', note: 'Gata.' })).statusCode, 303);
  const [p] = await ctx.database.query<{ status: string }>('select status from pb_projects where id = $1', [projectIds[1]]);
  assert.equal(p!.status, 'implemented');
  const notWinner = await app.inject({ method: 'POST', url: `/budgets/projects/${projectIds[0]}/progress`, headers: { cookie: official.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ progress: '10', _csrf: official.csrf }).toString() });
  assert.match(notWinner.body, /Doar proiectele câștigătoare/);
});

test('the data export lists the person\'s ballots and projects; erasure keeps the ballot counted but unlinked', async () => {
  const { budgetId, projectIds } = await makeBudget(ctx, admin.id);
  const voter = await makeUser(ctx);
  const b = await browser(ctx, voter.id);
  await app.inject({ method: 'POST', url: `/budgets/ballots/${budgetId}`, headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ project: String(projectIds[2]), _csrf: b.csrf }).toString() });
  await ctx.database.query(`insert into pb_comments (project_id, author_id, body) values ($1, $2, 'Bună idee')`, [projectIds[2], voter.id]);
  const data = (await budgetsPersonalData(ctx, voter.id)) as { ballots: { projects: string[] }[]; comments: unknown[] };
  assert.deepEqual(data.ballots.map((x) => x.projects), [['Proiectul 3']]);
  assert.equal(data.comments.length, 1);
  await ctx.database.transaction((tx) => budgetsEraseUser(ctx, voter.id, tx));
  const [ballots] = await ctx.database.query<{ n: number; linked: number }>('select count(*)::int as n, count(voter_id)::int as linked from pb_ballots where budget_id = $1', [budgetId]);
  assert.deepEqual(ballots, { n: 1, linked: 0 });
  assert.equal((await ctx.database.query('select 1 from pb_comments where author_id = $1', [voter.id])).length, 0);
});
