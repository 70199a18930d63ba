// Bad input never produces a 5xx: each malformed request gets a specific 4xx problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../testing/harness.ts';
import { browser } from '../testing/factories.ts';

const { app, ctx } = await testApp();

const json = { 'content-type': 'application/json' };

test('malformed JSON is a 400 problem', async () => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', headers: json, payload: '{"email": ' });
  assert.equal(res.statusCode, 400);
  assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
  assert.equal(res.json().type, '/problems/malformed-json');
});

test('an empty JSON body is a 400', async () => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', headers: json, payload: '' });
  assert.equal(res.statusCode, 400);
});

test('a wrong content type is a 415', async () => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
  assert.equal(res.statusCode, 415);
  assert.equal(res.json().type, '/problems/unsupported-media-type');
});

test('an oversized body is a 413', async () => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', headers: json, payload: JSON.stringify({ email: 'a@b.ro', password: 'x'.repeat(2 * 1024 * 1024) }) });
  assert.equal(res.statusCode, 413);
});

test('unknown fields are rejected with the field named', async () => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', headers: json, payload: { email: 'a@b.ro', password: 'x', admin: true } });
  assert.equal(res.statusCode, 400);
  const body = res.json();
  assert.equal(body.type, '/problems/validation');
  assert.deepEqual(body.errors, [{ field: 'admin', reason: 'unknown field' }]);
});

test('missing and badly formatted fields are listed one by one', async () => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', headers: json, payload: { email: 'not-an-email' } });
  assert.equal(res.statusCode, 400);
  const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
  assert.deepEqual(fields, ['email', 'password']);
});

test('invalid UTF-8 in JSON is a 400, not a silently repaired string', async () => {
  const payload = Buffer.concat([Buffer.from('{"email":"a'), Buffer.from([0xc3, 0x28]), Buffer.from('@b.ro","password":"x"}')]);
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', headers: json, payload });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().type, '/problems/invalid-utf8');
});

test('invalid UTF-8 and bad percent-encoding in forms are 400s', async () => {
  const b = await browser(ctx);
  const raw = await app.inject({
    method: 'POST',
    url: '/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: b.cookie },
    payload: Buffer.concat([Buffer.from(`_csrf=${b.csrf}&email=`), Buffer.from([0xff, 0xfe])]),
  });
  assert.equal(raw.statusCode, 400);
  const pct = await app.inject({ method: 'POST', url: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: b.cookie }, payload: `_csrf=${b.csrf}&email=%E0%A4%A` });
  assert.equal(pct.statusCode, 400);
});

test('form posts without a valid CSRF token are refused', async () => {
  const b = await browser(ctx);
  const missing = await app.inject({ method: 'POST', url: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: b.cookie }, payload: 'email=a%40b.ro&password=x' });
  assert.equal(missing.statusCode, 403);
  const wrong = await app.inject({ method: 'POST', url: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: b.cookie }, payload: '_csrf=forged&email=a%40b.ro&password=x' });
  assert.equal(wrong.statusCode, 403);
  assert.equal(wrong.json().type, '/problems/csrf');
});

test('cookie-authenticated JSON calls need the CSRF header', async () => {
  const b = await browser(ctx);
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', headers: { ...json, cookie: `${b.cookie}; dz_session=whatever` }, payload: { email: 'a@b.ro', password: 'x' } });
  assert.equal(res.statusCode, 403);
});

test('unknown routes are 404 problems for APIs and pages for browsers', async () => {
  const api = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
  assert.equal(api.statusCode, 404);
  assert.equal(api.json().type, '/problems/not-found');
  const page = await app.inject({ method: 'GET', url: '/nothing-here', headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 404);
  assert.match(page.body, /<html lang="ro"/);
  assert.match(page.body, /Pagina nu există/);
});

test('the OpenAPI 3.1 document lists the JSON routes with their schemas', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(doc.paths['/api/v1/session'].post.requestBody);
  assert.ok(doc.paths['/health'].get);
  assert.equal(doc.paths['/login'], undefined, 'HTML form routes are not part of the API document');
  const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
  assert.equal(docs.statusCode, 200);
});

test('security headers are set on pages', async () => {
  const res = await app.inject({ method: 'GET', url: '/' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
});
