// Attachments of proposals through HTTP: multipart forms on submission and edit, images re-encoded
// without EXIF, PDFs sniffed and size-limited, renamed programs refused with a field error, names
// sanitised, downloads with safe headers, and the limit of three per proposal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser } from '../../core/testing/factories.ts';
import { multipart, photoWithGps, type Part } from '../reports/testing/fixtures.ts';
import { makeProposalsComponent } from './testing/fixtures.ts';
import { MAX_IMAGE_BYTES, MAX_PDF_BYTES, sanitizeFileName } from './attachments.ts';

const { app, ctx } = await testApp();
type Browser = Awaited<ReturnType<typeof browser>>;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
// The start of a Windows executable ("MZ" header), given a photo's name and type.
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(2048, 0x41)]);
const TEXT: Part[] = [
  { name: 'title', value: 'Fântână de apă potabilă în Piața Muzeului' },
  { name: 'body', value: 'Vara nu există nicio sursă de apă potabilă în zonă.' },
  { name: 'intent', value: 'publish' },
];

async function send(b: Browser, url: string, parts: Part[]) {
  const { body, contentType } = multipart([{ name: '_csrf', value: b.csrf }, ...parts]);
  return app.inject({ method: 'POST', url, headers: { 'content-type': contentType, cookie: b.cookie }, payload: body });
}

const stored = (id: number) =>
  ctx.database.query<{ id: number; file_name: string; content_type: string; size: number; data: Buffer }>(
    'select id::int as id, file_name, content_type, size, data from proposal_attachments where proposal_id = $1 order by id',
    [id],
  );

test('a proposal is submitted with a photo and a PDF: EXIF is gone, both are listed and downloadable with safe headers', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const photo = await photoWithGps();
  assert.ok((await sharp(photo).metadata()).exif, 'the fixture really carries EXIF');
  const res = await send(b, `/proposals/c/${componentId}`, [
    ...TEXT,
    { name: 'attachments', value: photo, filename: 'C:\\Users\\maria\\fântâna <script>.jpg', contentType: 'image/jpeg' },
    { name: 'attachments', value: PDF, filename: 'schiță.pdf', contentType: 'application/pdf' },
  ]);
  assert.equal(res.statusCode, 303, res.body);
  const id = Number(String(res.headers.location).split('/').pop());
  const files = await stored(id);
  assert.deepEqual(
    files.map((f) => [f.file_name, f.content_type]),
    [
      ['fântâna script.jpg', 'image/jpeg'],
      ['schiță.pdf', 'application/pdf'],
    ],
  );
  assert.equal((await sharp(Buffer.from(files[0]!.data)).metadata()).exif, undefined, 'no EXIF (GPS, camera, owner) in what we store');

  const page = await app.inject({ method: 'GET', url: `/proposals/${id}` });
  assert.match(page.body, new RegExp(`<a href="/proposals/attachments/${files[0]!.id}">fântâna script.jpg</a>`));
  assert.match(page.body, /schiță\.pdf<\/a> <span class="muted">\(document PDF, 1 kB\)/);
  assert.match(page.body, /imagine, \d+(,\d)? kB/);
  assert.doesNotMatch(page.body, /<script>\.jpg/);

  const pdf = await app.inject({ method: 'GET', url: `/proposals/attachments/${files[1]!.id}` });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.headers['x-content-type-options'], 'nosniff');
  assert.match(String(pdf.headers['content-disposition']), /^attachment; filename="schita\.pdf"; filename\*=UTF-8''schi%C8%9B%C4%83\.pdf$/);
  assert.deepEqual(pdf.rawPayload, PDF);
  const img = await app.inject({ method: 'GET', url: `/proposals/attachments/${files[0]!.id}` });
  assert.equal(img.headers['content-type'], 'image/jpeg');
  assert.equal(img.headers['x-content-type-options'], 'nosniff');
  assert.equal((await sharp(img.rawPayload).metadata()).exif, undefined);

  const api = (await app.inject({ method: 'GET', url: `/api/v1/proposals/${id}` })).json() as { attachments: { fileName: string; contentType: string; size: number; url: string }[] };
  assert.deepEqual(api.attachments[1], { fileName: 'schiță.pdf', contentType: 'application/pdf', size: PDF.length, url: `/proposals/attachments/${files[1]!.id}` });

  await ctx.database.query('update proposals set hidden_at = now() where id = $1', [id]);
  assert.equal((await app.inject({ method: 'GET', url: `/proposals/attachments/${files[1]!.id}` })).statusCode, 404, 'a hidden proposal hides its files too');
  assert.equal((await app.inject({ method: 'GET', url: `/proposals/attachments/${files[1]!.id}`, headers: { cookie: b.cookie } })).statusCode, 200, 'its author still sees them');
});

test('a renamed program and a PDF over 5 MiB are refused with a field error; nothing is saved', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const exe = await send(b, `/proposals/c/${componentId}`, [...TEXT, { name: 'attachments', value: EXE, filename: 'poza.jpg', contentType: 'image/jpeg' }]);
  assert.equal(exe.statusCode, 400);
  assert.match(exe.body, /<p class="error" id="f-attachments-error">Fișierul „poza\.jpg” nu este o imagine JPEG, PNG sau WebP și nici un PDF\.<\/p>/);
  assert.match(exe.body, /value="Fântână de apă potabilă în Piața Muzeului"/, 'the rest of the form is kept');
  const big = Buffer.concat([PDF, Buffer.alloc(MAX_PDF_BYTES, 0x20)]);
  const tooBig = await send(b, `/proposals/c/${componentId}`, [...TEXT, { name: 'attachments', value: big, filename: 'mare.pdf', contentType: 'application/pdf' }]);
  assert.equal(tooBig.statusCode, 400);
  assert.match(tooBig.body, /Fișierul „mare\.pdf” este prea mare/);
  const hugeImage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(MAX_IMAGE_BYTES, 0)]);
  const cut = await send(b, `/proposals/c/${componentId}`, [{ name: 'attachments', value: hugeImage, filename: 'uriașă.jpg', contentType: 'image/jpeg' }, ...TEXT]);
  assert.equal(cut.statusCode, 400, 'an image past the limit is cut while reading and refused');
  assert.match(cut.body, /Fișierul „uriașă\.jpg” este prea mare/);
  assert.match(cut.body, /value="Fântână de apă potabilă în Piața Muzeului"/, 'fields after the cut file are still read');
  const four = await send(b, `/proposals/c/${componentId}`, [...TEXT, ...['1', '2', '3', '4'].map((i) => ({ name: 'attachments', value: PDF, filename: `${i}.pdf`, contentType: 'application/pdf' }))]);
  assert.equal(four.statusCode, 400);
  assert.match(four.body, /cel mult 3 fișiere atașate/);
  const [n] = await ctx.database.query<{ n: number }>('select count(*)::int as n from proposals where component_id = $1', [componentId]);
  assert.equal(n!.n, 0);
  const noToken = multipart([...TEXT]);
  assert.equal((await app.inject({ method: 'POST', url: `/proposals/c/${componentId}`, headers: { 'content-type': noToken.contentType, cookie: b.cookie }, payload: noToken.body })).statusCode, 403, 'multipart forms are CSRF-checked too');
});

test('on edit the author adds and removes attachments, at most three in all', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const created = await send(b, `/proposals/c/${componentId}`, [...TEXT, { name: 'attachments', value: PDF, filename: 'a.pdf', contentType: 'application/pdf' }]);
  const id = Number(String(created.headers.location).split('/').pop());
  const [first] = await stored(id);
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } }).png().toBuffer();
  const added = await send(b, `/proposals/${id}/edit`, [...TEXT, { name: 'attachments', value: png, filename: 'plan.png', contentType: 'image/png' }, { name: 'attachments', value: PDF, filename: 'b.pdf', contentType: 'application/pdf' }]);
  assert.equal(added.statusCode, 303, added.body);
  assert.deepEqual((await stored(id)).map((f) => f.file_name), ['a.pdf', 'plan.png', 'b.pdf']);
  const edit = await app.inject({ method: 'GET', url: `/proposals/${id}/edit`, headers: { cookie: b.cookie } });
  assert.match(edit.body, new RegExp(`name="remove" value="${first!.id}"`), 'the edit form offers to remove each file');

  const full = await send(b, `/proposals/${id}/edit`, [...TEXT, { name: 'attachments', value: PDF, filename: 'c.pdf', contentType: 'application/pdf' }]);
  assert.equal(full.statusCode, 400);
  assert.match(full.body, /cel mult 3 fișiere atașate/);
  const swapped = await send(b, `/proposals/${id}/edit`, [...TEXT, { name: 'remove', value: String(first!.id) }, { name: 'attachments', value: PDF, filename: 'c.pdf', contentType: 'application/pdf' }]);
  assert.equal(swapped.statusCode, 303, swapped.body);
  assert.deepEqual((await stored(id)).map((f) => f.file_name), ['plan.png', 'b.pdf', 'c.pdf']);
  const other = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await send(other, `/proposals/${id}/edit`, [...TEXT, { name: 'remove', value: String(first!.id + 1) }])).statusCode, 403);
  assert.equal((await stored(id)).length, 3);
});

test('file names are reduced to safe characters and get the extension of what the file is', () => {
  assert.equal(sanitizeFileName('../../etc/passwd', 'application/pdf'), 'passwd.pdf');
  assert.equal(sanitizeFileName('raport "final"\u0000\u202e.exe', 'application/pdf'), 'raport final.pdf');
  assert.equal(sanitizeFileName('...', 'image/png'), 'fisier.png');
  assert.equal(sanitizeFileName(`${'a'.repeat(300)}.jpg`, 'image/jpeg').length, 104);
});
