// Register → verify through the outbox → log in → log out; lockout; password reset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { testApp } from '../testing/harness.ts';
import { browser, form, makeUser, unique } from '../testing/factories.ts';
import { LOCKOUT_FAILURES } from './commands.ts';

const { app, ctx } = await testApp();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function sessionCookie(res: LightMyRequestResponse): string | undefined {
  const c = res.cookies.find((c) => c.name === 'dz_session' && c.value);
  return c ? `dz_session=${c.value}` : undefined;
}

async function latestMailTo(email: string): Promise<{ subject: string; body_text: string }> {
  const [m] = await ctx.database.query<{ subject: string; body_text: string }>(
    'select subject, body_text from mail_outbox where to_address = $1 order by id desc limit 1',
    [email],
  );
  assert.ok(m, `no mail to ${email}`);
  return m;
}

test('a new person registers, confirms the address from the outbox mail and logs in again', async () => {
  const b = await browser(ctx);
  const email = `${unique('new')}@example.test`;
  const res = await app.inject({
    method: 'POST',
    url: '/register',
    headers: { ...FORM, cookie: b.cookie },
    payload: form({ _csrf: b.csrf, email: email.toUpperCase(), displayName: 'Maria Pop', password: 'o parolă lungă', acceptTerms: 'on' }),
  });
  assert.equal(res.statusCode, 303, res.body);
  assert.equal(res.headers.location, '/account');
  const session = sessionCookie(res);
  assert.ok(session, 'registration signs the person in');
  const cookie = res.cookies.find((c) => c.name === 'dz_session')!;
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');

  const [user] = await ctx.database.query<{ id: string; email: string; verified: boolean; hash: string }>(
    'select id, email, email_verified_at is not null as verified, password_hash as hash from users where email = $1',
    [email],
  );
  assert.ok(user && !user.verified);
  assert.match(user.hash, /^\$argon2id\$/);
  const consents = await ctx.database.query<{ kind: string; granted: boolean }>('select kind, granted from consents where user_id = $1 order by kind', [user.id]);
  assert.deepEqual(consents, [
    { kind: 'notifications', granted: false },
    { kind: 'terms', granted: true },
  ]);

  const mail = await latestMailTo(email);
  assert.match(mail.subject, /Confirmă adresa/);
  const link = mail.body_text.match(/http:\/\/dezvolt\.test(\/verify-email\?token=[\w-]+)/);
  assert.ok(link, mail.body_text);
  await ctx.jobs.runDue();
  const [{ status }] = (await ctx.database.query<{ status: string }>('select status from mail_outbox where to_address = $1', [email])) as [{ status: string }];
  assert.equal(status, 'held', 'without SMTP the mail waits in the admin outbox');

  const verify = await app.inject({ method: 'GET', url: link[1]! });
  assert.equal(verify.statusCode, 303);
  const again = await app.inject({ method: 'GET', url: link[1]! });
  assert.equal(again.statusCode, 400, 'a verification link works once');
  const [after] = await ctx.database.query<{ verified: boolean }>('select email_verified_at is not null as verified from users where id = $1', [user.id]);
  assert.equal(after!.verified, true);

  const logout = await app.inject({ method: 'POST', url: '/logout', headers: { ...FORM, cookie: `${b.cookie}; ${session}` }, payload: form({ _csrf: b.csrf }) });
  assert.equal(logout.statusCode, 303);
  const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session! } });
  assert.equal(me.statusCode, 401, 'the old session is gone after logout');

  const login = await app.inject({ method: 'POST', url: '/login', headers: { ...FORM, cookie: b.cookie }, payload: form({ _csrf: b.csrf, email, password: 'o parolă lungă', next: '/account' }) });
  assert.equal(login.statusCode, 303);
  assert.equal(login.headers.location, '/account');
  const me2 = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: sessionCookie(login)! } });
  assert.equal(me2.json().displayName, 'Maria Pop');
});

test('registration errors are specific, localized and keep what was typed', async () => {
  const b = await browser(ctx);
  const res = await app.inject({
    method: 'POST',
    url: '/register',
    headers: { ...FORM, cookie: `${b.cookie}; dz_lang=en` },
    payload: form({ _csrf: b.csrf, email: 'not-an-email', displayName: 'Ion', password: 'short' }),
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Enter a valid email address/);
  assert.match(res.body, /at least 10 characters/);
  assert.match(res.body, /You must accept the terms/);
  assert.match(res.body, /value="Ion"/);
  assert.doesNotMatch(res.body, /value="short"/, 'passwords are never echoed back');
});

test('an address can be registered only once', async () => {
  const existing = await makeUser(ctx);
  const b = await browser(ctx);
  const res = await app.inject({
    method: 'POST',
    url: '/register',
    headers: { ...FORM, cookie: b.cookie },
    payload: form({ _csrf: b.csrf, email: existing.email, displayName: 'Alt nume', password: 'altă parolă lungă', acceptTerms: 'on' }),
  });
  assert.equal(res.statusCode, 409);
  assert.match(res.body, /Există deja un cont/);
});

test(`login locks after ${LOCKOUT_FAILURES} failures, even with the right password`, async () => {
  const u = await makeUser(ctx);
  const b = await browser(ctx);
  for (let i = 0; i < LOCKOUT_FAILURES; i++) {
    const bad = await app.inject({ method: 'POST', url: '/login', headers: { ...FORM, cookie: b.cookie }, payload: form({ _csrf: b.csrf, email: u.email, password: 'wrong password' }) });
    assert.equal(bad.statusCode, 401);
  }
  const locked = await app.inject({ method: 'POST', url: '/login', headers: { ...FORM, cookie: b.cookie }, payload: form({ _csrf: b.csrf, email: u.email, password: u.password }) });
  assert.equal(locked.statusCode, 429);
  assert.match(locked.body, /Prea multe încercări/);
  const api = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: u.password } });
  assert.equal(api.statusCode, 429);
});

test('password reset through the emailed link replaces the password and ends old sessions', async () => {
  const u = await makeUser(ctx);
  const b = await browser(ctx, u.id);
  const unknown = await app.inject({ method: 'POST', url: '/forgot-password', headers: { ...FORM, cookie: b.cookie }, payload: form({ _csrf: b.csrf, email: 'nobody@example.test' }) });
  assert.equal(unknown.statusCode, 200, 'the answer does not reveal whether an account exists');
  const res = await app.inject({ method: 'POST', url: '/forgot-password', headers: { ...FORM, cookie: b.cookie }, payload: form({ _csrf: b.csrf, email: u.email }) });
  assert.equal(res.statusCode, 200);
  assert.equal(unknown.body.replace(/dz_csrf=[^;]+/g, ''), res.body.replace(/dz_csrf=[^;]+/g, ''));
  const mail = await latestMailTo(u.email);
  const token = mail.body_text.match(/reset-password\?token=([\w-]+)/)![1]!;
  const short = await app.inject({ method: 'POST', url: '/reset-password', headers: { ...FORM, cookie: b.cookie }, payload: form({ _csrf: b.csrf, token, password: 'scurtă' }) });
  assert.equal(short.statusCode, 400);
  const ok = await app.inject({ method: 'POST', url: '/reset-password', headers: { ...FORM, cookie: b.cookie }, payload: form({ _csrf: b.csrf, token, password: 'parola nouă și lungă' }) });
  assert.equal(ok.statusCode, 303);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: b.cookie } })).statusCode, 401);
  const reuse = await app.inject({ method: 'POST', url: '/reset-password', headers: { ...FORM, cookie: b.cookie }, payload: form({ _csrf: b.csrf, token, password: 'încă o parolă lungă' }) });
  assert.equal(reuse.statusCode, 400);
  const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: 'parola nouă și lungă' } });
  assert.equal(login.statusCode, 200);
});

test('open redirects are refused after login', async () => {
  const u = await makeUser(ctx);
  const b = await browser(ctx);
  const res = await app.inject({ method: 'POST', url: '/login', headers: { ...FORM, cookie: b.cookie }, payload: form({ _csrf: b.csrf, email: u.email, password: u.password, next: '//evil.example' }) });
  assert.equal(res.headers.location, '/');
});
