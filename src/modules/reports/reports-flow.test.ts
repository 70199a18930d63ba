// A report from filing to feedback, through HTTP, on the demo city.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { testApp } from '../../core/testing/harness.ts';
import { browser, form, makeUser } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { multipart, photoWithGps, type Part } from './testing/fixtures.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const userId = async (email: string) => (await ctx.database.query<{ id: string }>('select id from users where email = $1', [email]))[0]!.id;

async function file(b: { cookie: string; csrf: string }, parts: Part[]) {
  const { body, contentType } = multipart(parts);
  return app.inject({ method: 'POST', url: `/reports?_csrf=${encodeURIComponent(b.csrf)}`, headers: { 'content-type': contentType, cookie: b.cookie }, payload: body });
}

test('a citizen files a report with a photo; GPS metadata never survives; it is routed to Drumuri', async () => {
  const citizen = await makeUser(ctx);
  const b = await browser(ctx, citizen.id);
  const original = await photoWithGps();
  assert.ok((await sharp(original).metadata()).exif, 'the fixture really carries EXIF');
  const res = await file(b, [
    { name: 'category', value: 'roads.pothole' },
    { name: 'lat', value: '46.7705' },
    { name: 'lng', value: '23.5901' },
    { name: 'address', value: 'Str. Memorandumului 20' },
    { name: 'description', value: 'Groapă adâncă în fața blocului. Sunați-mă la 0722 123 456 sau scrieți la maria.pop@example.ro.' },
    { name: 'photos', value: original, filename: 'groapa.jpg', contentType: 'image/jpeg' },
  ]);
  assert.equal(res.statusCode, 303, res.body);
  const id = Number(String(res.headers.location).split('/').pop());
  const [r] = await ctx.database.query<{ department: string; district: string; status: string; description_public: string }>(
    `select d.slug as department, a.slug as district, r.status, r.description_public from reports r
     join departments d on d.id = r.department_id join areas a on a.id = r.district_id where r.id = $1`,
    [id],
  );
  assert.deepEqual({ department: r!.department, district: r!.district, status: r!.status }, { department: 'drumuri', district: 'centru', status: 'new' });
  assert.doesNotMatch(r!.description_public, /0722|maria\.pop/);

  const [photo] = await ctx.database.query<{ id: number; image: Buffer }>('select id::int as id, image from report_photos where report_id = $1', [id]);
  const meta = await sharp(Buffer.from(photo!.image)).metadata();
  assert.equal(meta.exif, undefined, 'no EXIF block at all (GPS, camera, owner) in what we store');
  const served = await app.inject({ method: 'GET', url: `/reports/photos/${photo!.id}.jpg` });
  assert.equal(served.statusCode, 200);
  assert.equal((await sharp(served.rawPayload).metadata()).exif, undefined);
  assert.equal((await app.inject({ method: 'GET', url: `/reports/photos/${photo!.id}/thumb.jpg` })).statusCode, 200);

  const page = await app.inject({ method: 'GET', url: `/reports/${id}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Groapă adâncă/);
  assert.doesNotMatch(page.body, /0722 123 456/, 'the public page masks the phone number');
  const official = await browser(ctx, await userId('drumuri@demo.dezvolt.ro'));
  const staffView = await app.inject({ method: 'GET', url: `/reports/${id}`, headers: { cookie: official.cookie } });
  assert.match(staffView.body, /0722 123 456/, 'the handling official sees the original');

  const [job] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from jobs where name = 'reports.dispatch' and payload->>'reportId' = $1`, [String(id)]);
  assert.equal(job!.n, 1);
  await ctx.jobs.runDue();
  const mails = await ctx.database.query<{ subject: string }>(`select subject from mail_outbox where to_address = 'drumuri@demo.dezvolt.ro' and subject like $1`, [`%#${id}%`]);
  assert.equal(mails.length, 1, 'the department is told once');
  await ctx.jobs.enqueue('reports.dispatch', { reportId: id });
  await ctx.jobs.runDue();
  const again = await ctx.database.query(`select 1 from mail_outbox where to_address = 'drumuri@demo.dezvolt.ro' and subject like $1`, [`%#${id}%`]);
  assert.equal(again.length, 1, 'a repeated dispatch sends nothing twice');
});

test('a renamed non-image, a place outside the city and a missing category are refused with reasons', async () => {
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const pdf = await file(b, [
    { name: 'category', value: 'roads.pothole' },
    { name: 'lat', value: '46.7705' },
    { name: 'lng', value: '23.5901' },
    { name: 'description', value: 'Groapă' },
    { name: 'photos', value: Buffer.from('%PDF-1.4 not an image at all'), filename: 'poza.jpg', contentType: 'image/jpeg' },
  ]);
  assert.equal(pdf.statusCode, 400);
  assert.match(pdf.body, /nu este o fotografie/);
  const outside = await file(b, [
    { name: 'category', value: 'roads.pothole' },
    { name: 'lat', value: '46.5000' },
    { name: 'lng', value: '23.9000' },
    { name: 'description', value: 'Groapă pe drumul spre Turda' },
  ]);
  assert.equal(outside.statusCode, 400);
  assert.match(outside.body, /în afara orașului/);
  const nocat = await file(b, [
    { name: 'district', value: String((await ctx.database.query<{ id: number }>(`select id from areas where slug = 'marasti'`))[0]!.id) },
    { name: 'description', value: 'Ceva' },
  ]);
  assert.equal(nocat.statusCode, 400);
  assert.match(nocat.body, /Alege o categorie/);
  const count = await ctx.database.query(`select 1 from reports where description like 'Groapă pe drumul spre Turda%'`);
  assert.equal(count.length, 0);
});

test('without an account, the report waits for the emailed confirmation; the district stands in for the map', async () => {
  const b = await browser(ctx);
  const [district] = await ctx.database.query<{ id: number }>(`select id from areas where slug = 'manastur'`);
  const res = await file(b, [
    { name: 'category', value: 'waste.uncollected' },
    { name: 'district', value: String(district!.id) },
    { name: 'address', value: 'Str. Primăverii 3' },
    { name: 'description', value: 'Gunoiul nu a fost ridicat de o săptămână.' },
    { name: 'contactName', value: 'Ion Anonim' },
    { name: 'contactEmail', value: 'ion.anonim@example.ro' },
  ]);
  assert.equal(res.statusCode, 303, res.body);
  const [r] = await ctx.database.query<{ id: number; status: string }>(`select id::int as id, status from reports where contact_email = 'ion.anonim@example.ro'`);
  assert.equal(r!.status, 'unconfirmed');
  assert.equal((await app.inject({ method: 'GET', url: `/reports/${r!.id}` })).statusCode, 404, 'not public before confirmation');
  const [mail] = await ctx.database.query<{ body_text: string }>(`select body_text from mail_outbox where to_address = 'ion.anonim@example.ro'`);
  const link = mail!.body_text.match(/\/reports\/confirm\?token=[\w-]+/)![0];
  assert.equal((await app.inject({ method: 'GET', url: link })).statusCode, 303);
  assert.equal((await app.inject({ method: 'GET', url: link })).statusCode, 400, 'a link confirms once');
  assert.equal((await app.inject({ method: 'GET', url: `/reports/${r!.id}` })).statusCode, 200);
});

test('officials handle only their department’s reports; the reporter hears of each step and answers the questionnaire', async () => {
  const reporter = await makeUser(ctx);
  const rb = await browser(ctx, reporter.id);
  const res = await file(rb, [
    { name: 'category', value: 'lighting.streetlight' },
    { name: 'lat', value: '46.7660' },
    { name: 'lng', value: '23.6250' },
    { name: 'description', value: 'Stâlpul de iluminat din fața școlii nu funcționează.' },
  ]);
  const id = Number(String(res.headers.location).split('/').pop());
  const [dep] = await ctx.database.query<{ id: number }>(`select id from departments where slug = 'iluminat-public'`);
  const official = await makeUser(ctx, { departmentIds: [dep!.id] });
  const ob = await browser(ctx, official.id);
  const other = await browser(ctx, await userId('salubritate@demo.dezvolt.ro'));
  const post = (b: { cookie: string; csrf: string }, url: string, fields: Record<string, string>) =>
    app.inject({ method: 'POST', url, headers: { ...FORM, cookie: b.cookie }, payload: form({ _csrf: b.csrf, ...fields }) });

  assert.equal((await post(other, `/reports/${id}/status`, { to: 'acknowledged' })).statusCode, 403, 'another department cannot touch it');
  assert.equal((await post(rb, `/reports/${id}/status`, { to: 'acknowledged' })).statusCode, 403, 'a citizen cannot act as an official');
  assert.equal((await post(ob, `/reports/${id}/status`, { to: 'closed' })).statusCode, 409, 'new → closed is not a valid step');
  assert.equal((await post(ob, `/reports/${id}/status`, { to: 'acknowledged', publicNote: 'Am trimis echipa.', internalNote: 'Echipa 3, mâine' })).statusCode, 303);
  assert.equal((await post(ob, `/reports/${id}/status`, { to: 'resolved' })).statusCode, 400, 'resolving needs an outcome');
  assert.equal((await post(ob, `/reports/${id}/status`, { to: 'resolved', outcome: 'favorabil', publicNote: 'Becul a fost înlocuit.' })).statusCode, 303);

  const mails = await ctx.database.query<{ subject: string }>('select subject from mail_outbox where to_address = $1 order by id', [reporter.email]);
  assert.deepEqual(mails.map((m) => m.subject), [`Sesizarea #${id} este acum preluată`, `Sesizarea #${id} este acum rezolvată`]);

  const pub = await app.inject({ method: 'GET', url: `/reports/${id}` });
  assert.match(pub.body, /Am trimis echipa\./);
  assert.match(pub.body, /Becul a fost înlocuit\./);
  assert.doesNotMatch(pub.body, /Echipa 3, mâine/, 'internal notes stay internal');
  const staff = await app.inject({ method: 'GET', url: `/reports/${id}/manage`, headers: { cookie: ob.cookie } });
  assert.match(staff.body, /Echipa 3, mâine/);

  const home = await app.inject({ method: 'GET', url: '/' });
  assert.match(home.body, new RegExp(`Sesizarea #${id} a trecut în starea „rezolvată”`), 'the home feed shows the status in words');
  const api = await app.inject({ method: 'GET', url: `/api/v1/reports/${id}` });
  assert.equal(api.json().status, 'resolved');
  assert.deepEqual(api.json().history.map((h: { kind: string }) => h.kind), ['created', 'status', 'status']);

  const someoneElse = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await post(someoneElse, `/reports/${id}/feedback`, { fixed: 'no', rating: '1' })).statusCode, 403, 'only the reporter answers');
  assert.equal((await post(rb, `/reports/${id}/feedback`, { fixed: 'no', rating: '2', note: 'Tot nu merge.' })).statusCode, 303);
  const [after] = await ctx.database.query<{ status: string; rating: number }>('select status, rating from reports where id = $1', [id]);
  assert.deepEqual(after, { status: 'in_progress', rating: 2 }, '"not fixed" reopens the report');
});

test('the map API clusters when zoomed out and lists reports when zoomed in', async () => {
  const zoomedOut = await app.inject({ method: 'GET', url: '/api/v1/reports/map?bbox=23.45,46.70,23.75,46.85&zoom=11' });
  assert.equal(zoomedOut.statusCode, 200);
  const features = zoomedOut.json().features as { properties: { cluster: boolean; count?: number } }[];
  const total = features.reduce((s, f) => s + (f.properties.cluster ? f.properties.count! : 1), 0);
  const [open] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from reports where status <> 'unconfirmed' and hidden_at is null`);
  assert.equal(total, open!.n);
  const zoomedIn = await app.inject({ method: 'GET', url: '/api/v1/reports/map?bbox=23.58,46.76,23.60,46.78&zoom=17' });
  assert.ok(zoomedIn.json().features.every((f: { properties: { cluster: boolean } }) => !f.properties.cluster));
  const bad = await app.inject({ method: 'GET', url: '/api/v1/reports/map?bbox=23.7,46.7,23.5,46.8' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().errors[0].field, 'bbox');
});

test('a person’s reports are in their data export and survive erasure without a link to them', async () => {
  const u = await makeUser(ctx);
  const b = await browser(ctx, u.id);
  const res = await file(b, [
    { name: 'category', value: 'transit.stop' },
    { name: 'lat', value: '46.7700' },
    { name: 'lng', value: '23.6000' },
    { name: 'description', value: 'Copertina stației e spartă.' },
    { name: 'showName', value: 'on' },
  ]);
  const id = Number(String(res.headers.location).split('/').pop());
  const exp = await app.inject({ method: 'GET', url: '/account/export', headers: { cookie: b.cookie } });
  assert.equal(exp.statusCode, 200);
  assert.match(exp.body, /Copertina stației e spartă\./);
  const { eraseReportsData } = await import('./personal-data.ts');
  await ctx.database.transaction((tx) => eraseReportsData(ctx, u.id, tx));
  const [r] = await ctx.database.query<{ reporter_id: string | null; show_name: boolean }>('select reporter_id, show_name from reports where id = $1', [id]);
  assert.deepEqual(r, { reporter_id: null, show_name: false });
  assert.equal((await app.inject({ method: 'GET', url: `/reports/${id}` })).statusCode, 200, 'the report itself stays public');
});
