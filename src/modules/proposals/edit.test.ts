// Editing a proposal after submission: the form without JavaScript, the refusals (not the author,
// supported, answered, hidden, withdrawn, phase closed), the public version history with masked
// text, the search vector following the new text, and PATCH /api/v1/proposals/:id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, form, makeUser } from '../../core/testing/factories.ts';
import { makeProposalsComponent } from './testing/fixtures.ts';
import { proposalsModule } from './manifest.ts';

const { app, ctx } = await testApp();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
type Browser = Awaited<ReturnType<typeof browser>>;

async function post(b: Browser, url: string, fields: Record<string, string>) {
  return app.inject({ method: 'POST', url, headers: { ...FORM, cookie: b.cookie }, payload: form({ ...fields, _csrf: b.csrf }) });
}

async function submit(b: Browser, componentId: number, title = 'Bănci noi în parcul Feroviarilor', body = 'Parcul are prea puține bănci pentru bătrâni.'): Promise<number> {
  const res = await post(b, `/proposals/c/${componentId}`, { title, body, intent: 'publish' });
  assert.equal(res.statusCode, 303, res.body);
  return Number(String(res.headers.location).split('/').pop());
}

async function author(componentOpts: Parameters<typeof makeProposalsComponent>[1] = {}) {
  const { componentId, phaseId } = await makeProposalsComponent(ctx, componentOpts);
  const user = await makeUser(ctx);
  const b = await browser(ctx, user.id);
  return { componentId, phaseId, b, userId: user.id, id: await submit(b, componentId) };
}

const edit = (b: Browser, id: number, fields: Record<string, string>) => post(b, `/proposals/${id}/edit`, fields);
const versions = async (id: number) => (await ctx.database.query<{ version: number; title: string }>('select version, title from proposal_versions where proposal_id = $1 order by version', [id])).map((v) => `${v.version}:${v.title}`);

test('the author edits the proposal through the form; the page says when, the versions show the masked text, search follows', async () => {
  const { componentId, b, id, userId } = await author();
  const own = await app.inject({ method: 'GET', url: `/proposals/${id}`, headers: { cookie: b.cookie } });
  assert.match(own.body, new RegExp(`href="/proposals/${id}/edit"`), 'the author is offered the edit link');
  const formPage = await app.inject({ method: 'GET', url: `/proposals/${id}/edit`, headers: { cookie: b.cookie } });
  assert.equal(formPage.statusCode, 200);
  assert.match(formPage.body, /Bănci noi în parcul Feroviarilor/, 'the form starts from the current text');
  assert.match(formPage.body, /enctype="multipart\/form-data"/);

  const short = await edit(b, id, { title: 'Scurt', body: 'Parcul are prea puține bănci pentru bătrâni.' });
  assert.equal(short.statusCode, 400);
  assert.match(short.body, /Titlul trebuie să aibă între 10 și 150 de caractere/, 'the same validation as on submission');
  assert.deepEqual(await versions(id), [], 'a refused edit leaves no version');

  const res = await edit(b, id, { title: 'Bănci și umbrare în parcul Feroviarilor', body: 'Umbrare lângă locul de joacă. Sunați-mă la 0722 123 456 pentru detalii.', category: '', district: '', address: 'Parcul Feroviarilor', lat: '', lng: '' });
  assert.equal(res.statusCode, 303, res.body);
  assert.equal(res.headers.location, `/proposals/${id}`);
  assert.deepEqual(await versions(id), ['1:Bănci noi în parcul Feroviarilor', '2:Bănci și umbrare în parcul Feroviarilor'], 'version 1 is the text as submitted');

  const pub = await app.inject({ method: 'GET', url: `/proposals/${id}` });
  assert.match(pub.body, /Bănci și umbrare în parcul Feroviarilor/);
  assert.match(pub.body, /Modificată pe/);
  assert.match(pub.body, new RegExp(`href="/proposals/${id}/versions"`));
  assert.doesNotMatch(pub.body, /0722 123 456/, 'the new text is masked for the public');
  assert.doesNotMatch(pub.body, /href="\/proposals\/\d+\/edit"/, 'nobody else is offered the edit link');
  assert.match((await app.inject({ method: 'GET', url: `/proposals/${id}`, headers: { cookie: b.cookie } })).body, /0722 123 456/, 'the author sees what they wrote');

  const history = await app.inject({ method: 'GET', url: `/proposals/${id}/versions` });
  assert.equal(history.statusCode, 200);
  assert.match(history.body, /Versiunea 2/);
  assert.match(history.body, /Versiunea 1.*textul depus inițial/s);
  assert.match(history.body, /Parcul are prea puține bănci/, 'the original text is kept');
  assert.doesNotMatch(history.body, /0722 123 456/, 'versions show the masked text only');

  const found = (await app.inject({ method: 'GET', url: `/api/v1/proposals?component=${componentId}&q=umbrare` })).json() as { total: number };
  assert.equal(found.total, 1, 'the search vector follows the new text');
  const old = (await app.inject({ method: 'GET', url: `/api/v1/proposals?component=${componentId}&q=batrani` })).json() as { total: number };
  assert.equal(old.total, 0, 'words only in the old text no longer match');

  const exported = (await proposalsModule.personalData!(ctx, userId)) as { versions: { version: number; body: string }[] };
  assert.deepEqual(exported.versions.map((v) => v.version), [1, 2], 'the author’s data export carries the versions they wrote');
  assert.match(exported.versions[1]!.body, /0722 123 456/);
});

test('only the author, without supports, while open and the phase takes proposals, can edit', async () => {
  const { b, id } = await author();
  const other = await browser(ctx, (await makeUser(ctx)).id);
  const text = { title: 'Un titlu schimbat de altcineva', body: 'Un text schimbat de altcineva decât autorul.' };
  assert.equal((await app.inject({ method: 'GET', url: `/proposals/${id}/edit`, headers: { cookie: other.cookie } })).statusCode, 403);
  assert.equal((await edit(other, id, text)).statusCode, 403);
  const anon = await app.inject({ method: 'GET', url: `/proposals/${id}/edit` });
  assert.equal(anon.statusCode, 303);
  assert.match(String(anon.headers.location), /^\/login\?next=/);
  const noToken = await app.inject({ method: 'POST', url: `/proposals/${id}/edit`, headers: { ...FORM, cookie: b.cookie }, payload: form(text) });
  assert.equal(noToken.statusCode, 403, 'CSRF is checked');

  const supported = await app.inject({ method: 'POST', url: `/api/v1/proposals/${id}/support`, headers: other.headers });
  assert.equal(supported.statusCode, 200);
  const refused = await edit(b, id, text);
  assert.equal(refused.statusCode, 303);
  assert.equal(refused.headers.location, `/proposals/${id}`);
  assert.equal((await app.inject({ method: 'GET', url: `/proposals/${id}/edit`, headers: { cookie: b.cookie } })).statusCode, 303);
  assert.doesNotMatch((await app.inject({ method: 'GET', url: `/proposals/${id}`, headers: { cookie: b.cookie } })).body, /href="\/proposals\/\d+\/edit"/);
  const [p] = await ctx.database.query<{ title: string }>('select title from proposals where id = $1', [id]);
  assert.equal(p!.title, 'Bănci noi în parcul Feroviarilor', 'a supported proposal keeps its text');

  for (const change of [`state = 'evaluating', answered_at = now()`, `hidden_at = now()`, `state = 'withdrawn'`]) {
    const x = await author();
    await ctx.database.query(`update proposals set ${change} where id = $1`, [x.id]);
    assert.equal((await edit(x.b, x.id, text)).statusCode, 303, change);
    assert.deepEqual(await versions(x.id), [], change);
  }
  const closed = await author();
  await ctx.database.query(`update space_phases set settings = settings || '{"proposalsOpen": false}' where id = $1`, [closed.phaseId]);
  assert.equal((await edit(closed.b, closed.id, text)).statusCode, 303, 'the phase no longer takes proposals');
  assert.deepEqual(await versions(closed.id), []);
});

test('PATCH /api/v1/proposals/:id: schema, 403 for others, 409 problem once supported', async () => {
  const { b, id } = await author();
  const patch = (headers: Record<string, string>, payload: unknown) => app.inject({ method: 'PATCH', url: `/api/v1/proposals/${id}`, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  assert.equal((await patch({}, { title: 'Un titlu destul de lung' })).statusCode, 401);
  const extra = await patch(b.headers, { title: 'Un titlu destul de lung', state: 'accepted' });
  assert.equal(extra.statusCode, 400);
  assert.match(String(extra.headers['content-type']), /application\/problem\+json/);
  assert.equal((await patch(b.headers, {})).statusCode, 400, 'an empty change is refused');

  const ok = await patch(b.headers, { title: 'Bănci, umbrare și fântână în parc', location: { lat: 46.7705, lng: 23.5901 } });
  assert.equal(ok.statusCode, 200, ok.body);
  const json = ok.json() as { title: string; body: string; location: { lat: number } | null; editedAt: string | null; district: string | null };
  assert.equal(json.title, 'Bănci, umbrare și fântână în parc');
  assert.equal(json.body, 'Parcul are prea puține bănci pentru bătrâni.', 'fields not sent stay as they were');
  assert.equal(json.location?.lat, 46.7705);
  assert.ok(json.editedAt);
  assert.deepEqual(await versions(id), ['1:Bănci noi în parcul Feroviarilor', '2:Bănci, umbrare și fântână în parc']);

  const other = await browser(ctx, (await makeUser(ctx)).id);
  const forbidden = await patch(other.headers, { title: 'Un titlu schimbat de altcineva' });
  assert.equal(forbidden.statusCode, 403);
  assert.equal((forbidden.json() as { type: string }).type.endsWith('not-author'), true);
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/proposals/${id}/support`, headers: other.headers })).statusCode, 200);
  const conflict = await patch(b.headers, { title: 'Un titlu după susținere' });
  assert.equal(conflict.statusCode, 409);
  assert.match(String(conflict.headers['content-type']), /application\/problem\+json/);
  assert.equal((conflict.json() as { type: string }).type.endsWith('has-supports'), true);
  assert.equal((await patch({ cookie: b.cookie }, { title: 'Un titlu fără token CSRF' })).statusCode, 403, 'a cookie-authenticated call needs the CSRF token');
});

test('PATCH is documented in the OpenAPI description with its closed schema', async () => {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, { patch?: { requestBody?: { content?: Record<string, { schema?: { additionalProperties?: boolean; properties?: Record<string, unknown> } }> }; responses?: Record<string, unknown> } }>;
  };
  const op = doc.paths['/api/v1/proposals/{id}']?.patch;
  assert.ok(op, 'the operation is listed');
  const schema = Object.values(op.requestBody?.content ?? {})[0]?.schema;
  assert.equal(schema?.additionalProperties, false);
  assert.deepEqual(Object.keys(schema?.properties ?? {}).sort(), ['address', 'body', 'category', 'district', 'location', 'title']);
  assert.ok(op.responses?.['403'] && op.responses['409'], 'documents 403 and 409');
});
