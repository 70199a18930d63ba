// City announcements: the admin form and POST /api/v1/announcements both publish a public event
// that reaches the home page and live subscribers, with an audit row in the same transaction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../testing/harness.ts';
import { browser, makeUser, unique } from '../../testing/factories.ts';
import type { DomainEvent } from '../../events/bus.ts';
import { auditFor, signedIn } from '../test-client.ts';

const { app, ctx } = await testApp();
const admin = await makeUser(ctx, { role: 'admin' });
const JSON_TYPE = { 'content-type': 'application/json' };

async function apiPost(userId: string | undefined, body: unknown) {
  const headers = userId ? { ...JSON_TYPE, ...(await browser(ctx, userId)).headers } : JSON_TYPE;
  return app.inject({ method: 'POST', url: '/api/v1/announcements', headers, payload: JSON.stringify(body) });
}

function nextEvent(type: string): Promise<DomainEvent> {
  return new Promise((resolve) => {
    const off = ctx.events.subscribe((ev) => {
      if (ev.type !== type) return;
      off();
      resolve(ev);
    });
  });
}

test('an admin publishes through the API: 201 with the event id, live delivery, home page and audit', async () => {
  const text = `Apa se oprește mâine pe strada ${unique('S')}`;
  const live = nextEvent('announcement.published');
  const res = await apiPost(admin.id, { text });
  assert.equal(res.statusCode, 201, res.body);
  const { id } = res.json() as { id: number };
  assert.ok(Number.isInteger(id));
  const ev = await live;
  assert.deepEqual({ id: ev.id, public: ev.public, payload: ev.payload }, { id, public: true, payload: { text } });

  const ro = await app.inject({ method: 'GET', url: '/', headers: { cookie: 'dz_lang=ro' } });
  assert.match(ro.body, new RegExp(`Anunț: ${text}`));
  const en = await app.inject({ method: 'GET', url: '/', headers: { cookie: 'dz_lang=en' } });
  assert.match(en.body, new RegExp(`Announcement: ${text}`));
  const hu = await app.inject({ method: 'GET', url: '/', headers: { cookie: 'dz_lang=hu' } });
  assert.match(hu.body, new RegExp(`Közlemény: ${text}`));

  const audit = await auditFor(ctx, 'event', id);
  assert.deepEqual(
    audit.map((a) => [a.actor_id, a.action, a.details.text]),
    [[admin.id, 'announcement.publish', text]],
  );
});

test('the API answers 401 to anonymous callers and 403 to signed-in non-admins, as problems', async () => {
  const anon = await apiPost(undefined, { text: 'Salut' });
  assert.equal(anon.statusCode, 401);
  assert.match(String(anon.headers['content-type']), /application\/problem\+json/);
  assert.equal(anon.json().status, 401);
  for (const role of ['citizen', 'moderator', 'official'] as const) {
    const person = await makeUser(ctx, role === 'citizen' ? {} : { role });
    const res = await apiPost(person.id, { text: 'Salut' });
    assert.equal(res.statusCode, 403, role);
    assert.equal(res.json().status, 403);
  }
  const [{ n }] = (await ctx.database.query<{ n: number }>(`select count(*)::int as n from events where payload->>'text' = 'Salut'`)) as [{ n: number }];
  assert.equal(n, 0);
});

test('the API rejects unknown fields, empty and overlong text with 400 problems naming the field', async () => {
  const unknown = await apiPost(admin.id, { text: 'Salut', pinned: true });
  assert.equal(unknown.statusCode, 400);
  assert.deepEqual(unknown.json().errors, [{ field: 'pinned', reason: 'unknown field' }]);
  for (const text of ['', '   ', 'x'.repeat(501)]) {
    const res = await apiPost(admin.id, { text });
    assert.equal(res.statusCode, 400, JSON.stringify(text));
    assert.equal(res.json().errors[0].field, 'text');
  }
  assert.equal((await apiPost(admin.id, { text: 'x'.repeat(500) })).statusCode, 201, '500 characters are allowed');
  const noCsrf = await app.inject({
    method: 'POST',
    url: '/api/v1/announcements',
    headers: { ...JSON_TYPE, cookie: (await browser(ctx, admin.id)).cookie },
    payload: JSON.stringify({ text: 'Fără token' }),
  });
  assert.equal(noCsrf.statusCode, 403, 'a cookie-authenticated call needs the CSRF header');
});

test('the admin form publishes, lists recent announcements and shows field errors', async () => {
  const as = await signedIn(app, ctx, admin.id);
  const text = `Concert în parc ${unique('c')}`;
  const res = await as.post('/admin/announcements', { text: `  ${text}  ` });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/admin/announcements');
  const [ev] = await ctx.database.query<{ payload: { text: string } }>(`select payload from events where type = 'announcement.published' order by id desc limit 1`);
  assert.equal(ev!.payload.text, text);
  const page = await as.get('/admin/announcements');
  assert.match(page.body, new RegExp(text));

  const empty = await as.post('/admin/announcements', { text: '  ' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /href="#f-text"/);
  assert.match(empty.body, /Scrie un anunț de cel mult 500 de caractere/);
});

test('the endpoint is documented in OpenAPI under the admin tag', async () => {
  const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, { post?: { tags?: string[]; responses?: Record<string, unknown> } }> };
  const op = spec.paths['/api/v1/announcements']?.post;
  assert.deepEqual(op?.tags, ['admin']);
  assert.deepEqual(Object.keys(op?.responses ?? {}).sort(), ['201', '400', '401', '403']);
});
