// Data export and account erasure, including what enabled modules add through their hooks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../testing/harness.ts';
import { browser, form, makeDepartment, makeUser, unique } from '../testing/factories.ts';
import { defineModule } from '../modules/manifest.ts';
import { login, registerUser } from '../auth/commands.ts';
import { createSession } from '../auth/sessions.ts';
import { sha256 } from '../auth/tokens.ts';

// A small module holding personal data of its own, to check that export and erasure reach modules.
const notebook = defineModule({
  name: 'notebook',
  title: 'account.title',
  migrations: [{ name: '001_notes', sql: 'create table notebook_notes (id serial primary key, author_id uuid references users(id), body text not null, private_phone text)' }],
  async personalData(ctx, userId) {
    return { notes: await ctx.database.query('select body, private_phone as "privatePhone" from notebook_notes where author_id = $1 order by id', [userId]) };
  },
  async eraseUser(_ctx, userId, tx) {
    await tx.query('update notebook_notes set private_phone = null where author_id = $1', [userId]);
  },
});

const { app, ctx } = await testApp({ modules: [notebook] });

type Browser = Awaited<ReturnType<typeof browser>>;

function post(b: Browser, url: string, fields: Record<string, string>) {
  return app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: b.cookie, accept: 'text/html' }, payload: form({ _csrf: b.csrf, ...fields }) });
}

async function richUser() {
  const dep = await makeDepartment(ctx, 'Drumuri test');
  const u = await makeUser(ctx, { role: 'moderator', departmentIds: [dep.id], name: 'Maria Export' });
  const [org] = await ctx.database.query<{ id: number }>(`insert into organizations (name, helix_type) values ($1, 'academia') returning id`, [unique('Universitatea ')]);
  await ctx.database.query('insert into organization_members (organization_id, user_id) values ($1, $2)', [org!.id, u.id]);
  await ctx.database.query(`insert into consents (user_id, kind, version, granted) values ($1, 'terms', 'v1', true), ($1, 'demographics', 'v1', true)`, [u.id]);
  await ctx.database.query(`insert into demographics (user_id, birth_year, gender) values ($1, 1975, 'other')`, [u.id]);
  const resetToken = unique('reset-secret-');
  await ctx.database.query(`insert into user_tokens (token_hash, user_id, purpose, expires_at) values ($1, $2, 'reset_password', now() + interval '1 hour')`, [sha256(resetToken), u.id]);
  await ctx.database.query(`insert into notebook_notes (author_id, body, private_phone) values ($1, 'Groapă pe strada Horea', '0722000000')`, [u.id]);
  return { ...u, departmentId: dep.id, organizationId: org!.id, resetToken };
}

test('the export is a dated JSON attachment with all personal data and no secrets', async () => {
  const u = await richUser();
  const b = await browser(ctx, u.id);
  const res = await app.inject({ method: 'GET', url: '/account/export', headers: { cookie: b.cookie } });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^application\/json/);
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(res.headers['content-disposition'], `attachment; filename="dezvolt-export-${today}.json"`);

  const data = res.json();
  assert.equal(data.profile.id, u.id);
  assert.equal(data.profile.email, u.email);
  assert.equal(data.profile.displayName, 'Maria Export');
  assert.deepEqual(data.roles.map((r: { role: string }) => r.role), ['moderator']);
  assert.deepEqual(data.departments.map((d: { id: number }) => d.id), [u.departmentId]);
  assert.deepEqual(data.organizations.map((o: { id: number }) => o.id), [u.organizationId]);
  assert.deepEqual(data.consents.map((c: { kind: string }) => c.kind).sort(), ['demographics', 'terms']);
  assert.deepEqual({ birthYear: data.demographics.birthYear, gender: data.demographics.gender }, { birthYear: 1975, gender: 'other' });
  assert.equal(data.activeSessions, 1);
  assert.deepEqual(data.modules, { notebook: { notes: [{ body: 'Groapă pe strada Horea', privatePhone: '0722000000' }] } });

  const [secrets] = await ctx.database.query<{ password_hash: string }>('select password_hash from users where id = $1', [u.id]);
  const sessionIds = await ctx.database.query<{ id: string }>('select id from sessions where user_id = $1', [u.id]);
  for (const secret of [secrets!.password_hash, sha256(u.resetToken), u.resetToken, ...sessionIds.map((s) => s.id), b.cookie.match(/dz_session=([^;]+)/)![1]!]) {
    assert.ok(!res.body.includes(secret), 'the export must not contain secrets');
  }
  assert.doesNotMatch(res.body, /password|token_hash|argon2/i);
});

test('erasure needs the password and an explicit confirmation', async () => {
  const u = await makeUser(ctx);
  const b = await browser(ctx, u.id);
  const page = await app.inject({ method: 'GET', url: '/account/erase', headers: { cookie: b.cookie } });
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('action="/account/erase"'));

  const wrong = await post(b, '/account/erase', { password: 'wrong password!', confirm: 'on' });
  assert.equal(wrong.statusCode, 400);
  assert.ok(wrong.body.includes('Parola actuală nu este corectă.'));
  const unconfirmed = await post(b, '/account/erase', { password: u.password });
  assert.equal(unconfirmed.statusCode, 400);
  assert.ok(unconfirmed.body.includes('Bifează confirmarea pentru a șterge contul.'));
  const [row] = await ctx.database.query<{ erased: boolean }>('select erased_at is not null as erased from users where id = $1', [u.id]);
  assert.equal(row!.erased, false);
});

test('erasure anonymises the account, logs out everywhere, blocks login and frees the email', async () => {
  const u = await richUser();
  const b = await browser(ctx, u.id);
  const elsewhere = await createSession(ctx.database, u.id);
  await ctx.database.query('insert into login_attempts (email, ok) values ($1, true)', [u.email]);
  await ctx.mail.enqueue({ to: u.email, subject: 'Salut', text: 'Corp' });

  const res = await post(b, '/account/erase', { password: u.password, confirm: 'on' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/');
  assert.match(String(res.headers['set-cookie']), /dz_session=;/);
  assert.match(String(res.headers['set-cookie']), /dz_notice=account\.notice\.erased/);

  const [row] = await ctx.database.query<{ email: string | null; password_hash: string | null; display_name: string; erased: boolean }>(
    'select email, password_hash, display_name, erased_at is not null as erased from users where id = $1',
    [u.id],
  );
  assert.deepEqual(row, { email: null, password_hash: null, display_name: 'Utilizator șters', erased: true });
  for (const table of ['sessions', 'user_tokens', 'demographics', 'department_members', 'organization_members', 'user_roles']) {
    const [c] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from ${table} where user_id = $1`, [u.id]);
    assert.equal(c!.n, 0, table);
  }
  const [traces] = await ctx.database.query<{ n: number }>(
    'select (select count(*) from login_attempts where email = $1) + (select count(*) from mail_outbox where to_address = $1) as n',
    [u.email],
  );
  assert.equal(Number(traces!.n), 0, 'nothing keyed by the address is left');
  const [note] = await ctx.database.query<{ body: string; private_phone: string | null; author_id: string }>('select body, private_phone, author_id from notebook_notes where author_id = $1', [u.id]);
  assert.deepEqual(note, { body: 'Groapă pe strada Horea', private_phone: null, author_id: u.id }, 'content stays, the module anonymised it');
  const [consents] = await ctx.database.query<{ n: number }>('select count(*)::int as n from consents where user_id = $1', [u.id]);
  assert.equal(consents!.n, 2, 'consent history is kept as proof');

  for (const cookie of [b.cookie, `dz_session=${elsewhere}`]) {
    const again = await app.inject({ method: 'GET', url: '/account', headers: { cookie } });
    assert.equal(again.statusCode, 303, 'no session survives');
  }
  assert.equal((await login(ctx, u.email, u.password)).kind, 'invalid');
  const reused = await registerUser(ctx, { email: u.email, password: 'another password', displayName: 'Someone New', notifications: false, locale: 'ro' });
  assert.equal(reused.kind, 'registered');
  assert.notEqual(reused.kind === 'registered' && reused.userId, u.id);
});

test('the only administrator cannot erase their account', async () => {
  await ctx.database.query(`delete from user_roles where role = 'admin'`);
  const admin = await makeUser(ctx, { role: 'admin' });
  const b = await browser(ctx, admin.id);
  const res = await post(b, '/account/erase', { password: admin.password, confirm: 'on' });
  assert.equal(res.statusCode, 409);
  assert.ok(res.body.includes('Ești singurul administrator.'));

  await makeUser(ctx, { role: 'admin' });
  const ok = await post(b, '/account/erase', { password: admin.password, confirm: 'on' });
  assert.equal(ok.statusCode, 303);
});
