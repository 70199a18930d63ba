// Nobody but an admin gets into the admin area: every page and every form, for every other role.
// The route list is checked against the route files, so a new admin route cannot skip this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testApp } from '../testing/harness.ts';
import { makeDepartment, makeUser, unique } from '../testing/factories.ts';
import { signedIn } from './test-client.ts';

const { app, ctx } = await testApp();
const admin = await makeUser(ctx, { role: 'admin' });
const target = await makeUser(ctx);
const dep = await makeDepartment(ctx);
const [cat] = await ctx.database.query<{ id: number }>(
  `insert into categories (code, name_ro, name_en, name_hu, department_id) values ($1, 'a', 'b', 'c', $2) returning id`,
  [unique('access_'), dep.id],
);
const [org] = await ctx.database.query<{ id: number }>(`insert into organizations (name, helix_type) values ($1, 'academia') returning id`, [unique('Org ')]);
const mailId = await ctx.mail.enqueue({ to: 'someone@example.test', subject: 'Secret', text: 'https://example.test/verify?token=abc' });

const GETS = [
  '/admin',
  '/admin/departments',
  `/admin/departments/${dep.id}`,
  `/admin/departments/${dep.id}/categories/${cat!.id}`,
  '/admin/users',
  `/admin/users/${target.id}`,
  '/admin/organizations',
  `/admin/organizations/${org!.id}`,
  '/admin/settings',
  '/admin/settings/modules',
  `/admin/outbox`,
  `/admin/outbox/${mailId}`,
  '/admin/audit',
  '/admin/announcements',
];
// Valid bodies: a refusal must come from the authorization, not from validation.
const POSTS: [string, Record<string, string>][] = [
  ['/admin/departments', { name: 'Intrus', slug: unique('intrus-') }],
  [`/admin/departments/${dep.id}`, { name: 'Intrus' }],
  [`/admin/departments/${dep.id}/districts`, {}],
  [`/admin/departments/${dep.id}/categories`, { code: unique('intrus_'), nameRo: 'a', nameEn: 'b', nameHu: 'c' }],
  [`/admin/departments/${dep.id}/categories/${cat!.id}`, { code: unique('intrus_'), nameRo: 'a', nameEn: 'b', nameHu: 'c' }],
  [`/admin/departments/${dep.id}/members`, { memberEmail: target.email }],
  [`/admin/departments/${dep.id}/members/remove`, { userId: target.id }],
  [`/admin/users/${target.id}/roles`, { role: 'admin', op: 'grant' }],
  [`/admin/users/${target.id}/departments`, { departmentId: String(dep.id), op: 'add' }],
  [`/admin/users/${target.id}/organizations`, { organizationId: String(org!.id), op: 'add' }],
  ['/admin/organizations', { name: unique('Intrus '), helixType: 'academia' }],
  [`/admin/organizations/${org!.id}/verification`, { verified: 'yes' }],
  [`/admin/organizations/${org!.id}/members`, { memberEmail: target.email }],
  [`/admin/organizations/${org!.id}/members/remove`, { userId: target.id }],
  ['/admin/settings', { name: 'Intrus', defaultLocale: 'ro', contactEmail: 'a@b.ro', centerLat: '1', centerLng: '1', zoom: '3' }],
  ['/admin/announcements', { text: 'Intrus' }],
  ['/admin/settings/modules', { 'search.cacheSeconds': '1' }],
];

function declaredRoutes(): string[] {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /routes\.tsx?$/.test(f));
  const out: string[] = [];
  for (const f of files) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/app\.(get|post)(?:<[^>]*>)?\(\s*'(\/admin[^']*)'/g)) out.push(`${m[1]!.toUpperCase()} ${m[2]}`);
  }
  return out.sort();
}

function pattern(url: string): string {
  return url
    .replace(/\/[0-9a-f]{8}-[0-9a-f-]{27}/, '/:id')
    .replace(/\/departments\/\d+\/categories\/\d+/, '/departments/:id/categories/:categoryId')
    .replace(/\/(departments|organizations|outbox)\/\d+/, '/$1/:id');
}

test('the lists below cover every admin route the route files declare', () => {
  const covered = [...GETS.map((u) => `GET ${pattern(u)}`), ...POSTS.map(([u]) => `POST ${pattern(u)}`)].sort();
  assert.deepEqual(covered, declaredRoutes());
});

const auditCount = async () => (await ctx.database.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n;

test('anonymous visitors are sent to log in and come back to the page they asked for', async () => {
  const anon = await signedIn(app, ctx);
  for (const url of GETS) {
    const res = await anon.get(url);
    assert.equal(res.statusCode, 303, url);
    assert.equal(res.headers.location, `/login?next=${encodeURIComponent(url)}`, url);
  }
  const before = await auditCount();
  for (const [url, fields] of POSTS) {
    const res = await anon.post(url, fields);
    assert.equal(res.statusCode, 303, url);
    assert.equal(res.headers.location, '/login?next=%2Fadmin', url);
  }
  assert.equal(await auditCount(), before);
});

for (const role of ['citizen', 'official', 'org_rep', 'moderator'] as const) {
  test(`role ${role}: the 403 page on every admin page and form, and nothing changes`, async () => {
    const person = await makeUser(ctx, role === 'citizen' ? {} : { role });
    const as = await signedIn(app, ctx, person.id);
    for (const url of GETS) {
      const res = await as.get(url);
      assert.equal(res.statusCode, 403, url);
      assert.match(res.body, /<h1 id="forbidden-heading">Acces interzis<\/h1>/, url);
      assert.doesNotMatch(res.body, /Secret|verify\?token/, url);
    }
    const before = await auditCount();
    for (const [url, fields] of POSTS) {
      const res = await as.post(url, fields);
      assert.equal(res.statusCode, 403, url);
    }
    assert.equal(await auditCount(), before);
    const [changes] = await ctx.database.query<{ n: number }>(
      `select (select count(*)::int from user_roles where user_id = $1) + (select count(*)::int from department_members where user_id = $1)
            + (select count(*)::int from organization_members where user_id = $1) + (select count(*)::int from departments where name = 'Intrus') as n`,
      [target.id],
    );
    assert.equal(changes!.n, 0);
  });
}

test('an admin opens every admin page', async () => {
  const as = await signedIn(app, ctx, admin.id);
  for (const url of GETS) {
    const res = await as.get(url);
    assert.equal(res.statusCode, 200, url);
    assert.equal((res.body.match(/<h1[ >]/g) ?? []).length, 1, `${url} has one h1`);
  }
});

test('the dashboard counts people, departments, mail and jobs', async () => {
  const as = await signedIn(app, ctx, admin.id);
  const res = await as.get('/admin');
  const [c] = await ctx.database.query<{ users: number; pending: number; queued: number }>(
    `select (select count(*)::int from users where erased_at is null) as users, (select count(*)::int from mail_outbox where status = 'pending') as pending,
            (select count(*)::int from jobs where status = 'queued') as queued`,
  );
  assert.match(res.body, new RegExp(`<dt>Persoane cu cont</dt><dd>${c!.users}</dd>`));
  assert.match(res.body, new RegExp(`<dt>E-mailuri în așteptare</dt><dd>${c!.pending}</dd>`));
  assert.match(res.body, new RegExp(`<dt>Sarcini în coadă</dt><dd>${c!.queued}</dd>`));
  for (const href of ['/admin/departments', '/admin/users', '/admin/organizations', '/admin/settings', '/admin/outbox', '/admin/audit', '/admin/announcements']) {
    assert.match(res.body, new RegExp(`href="${href}"`));
  }
});
