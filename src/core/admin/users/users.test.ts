// People through the admin forms: search and paging, roles (never one's own admin role),
// department and organization memberships, each change audited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../testing/harness.ts';
import { makeDepartment, makeUser, unique } from '../../testing/factories.ts';
import { auditFor, signedIn } from '../test-client.ts';

const { app, ctx } = await testApp();
const admin = await makeUser(ctx, { role: 'admin', name: 'Ana Admin' });
const as = await signedIn(app, ctx, admin.id);

const roles = async (userId: string) => (await ctx.database.query<{ role: string }>('select role from user_roles where user_id = $1 order by role', [userId])).map((r) => r.role);
const rowsShown = (html: string) => (html.match(/<th scope="row"><a href="\/admin\/users\//g) ?? []).length;

test('people are found by part of their email or name, accents ignored, and paged by 25', async () => {
  const tag = unique('zq');
  for (let i = 0; i < 27; i++) await makeUser(ctx, { email: `${tag}-${i}@example.test` });
  await makeUser(ctx, { name: `Ștefan ${tag}` });

  const first = await as.get(`/admin/users?q=${tag}`);
  assert.equal(first.statusCode, 200);
  assert.equal(rowsShown(first.body), 25);
  assert.match(first.body, /Rezultate: 28/);
  assert.match(first.body, new RegExp(`href="/admin/users\\?q=${tag}&amp;page=2"`));
  const second = await as.get(`/admin/users?q=${tag}&page=2`);
  assert.equal(rowsShown(second.body), 3);

  const byName = await as.get(`/admin/users?q=${encodeURIComponent(`stefan ${tag}`)}`);
  assert.equal(rowsShown(byName.body), 1);
  assert.match(byName.body, /Ștefan/);
  const literal = await as.get('/admin/users?q=%25');
  assert.match(literal.body, /Rezultate: 0/, '% is matched literally, not as a wildcard');
});

test('the moderator role is granted and revoked, each time audited', async () => {
  const person = await makeUser(ctx);
  assert.equal((await as.post(`/admin/users/${person.id}/roles`, { role: 'moderator', op: 'grant' })).statusCode, 303);
  assert.deepEqual(await roles(person.id), ['moderator']);
  const page = await as.get(`/admin/users/${person.id}`);
  assert.match(page.body, /Retrage rolul de moderator/);
  assert.equal((await as.post(`/admin/users/${person.id}/roles`, { role: 'moderator', op: 'grant' })).statusCode, 303, 'granting twice is harmless');
  assert.equal((await as.post(`/admin/users/${person.id}/roles`, { role: 'moderator', op: 'revoke' })).statusCode, 303);
  assert.deepEqual(await roles(person.id), []);
  assert.deepEqual(
    (await auditFor(ctx, 'user', person.id)).map((r) => [r.actor_id, r.action, r.details.role]),
    [
      [admin.id, 'user.role.grant', 'moderator'],
      [admin.id, 'user.role.revoke', 'moderator'],
    ],
  );
});

test('an admin may make another admin and revoke it, but never revoke their own admin role', async () => {
  const other = await makeUser(ctx);
  assert.equal((await as.post(`/admin/users/${other.id}/roles`, { role: 'admin', op: 'grant' })).statusCode, 303);
  assert.deepEqual(await roles(other.id), ['admin']);

  const self = await as.post(`/admin/users/${admin.id}/roles`, { role: 'admin', op: 'revoke' });
  assert.equal(self.statusCode, 409);
  assert.match(self.body, /Nu îți poți retrage propriul rol de administrator/);
  assert.deepEqual(await roles(admin.id), ['admin']);
  assert.deepEqual(await auditFor(ctx, 'user', admin.id), []);

  const asOther = await signedIn(app, ctx, other.id);
  assert.equal((await asOther.post(`/admin/users/${other.id}/roles`, { role: 'admin', op: 'revoke' })).statusCode, 409);
  assert.equal((await as.post(`/admin/users/${other.id}/roles`, { role: 'admin', op: 'revoke' })).statusCode, 303);
  assert.deepEqual(await roles(other.id), []);
  assert.equal((await asOther.get('/admin')).statusCode, 403, 'the revoked admin is out at once');
});

test('a role outside moderator/admin is a 400 form error', async () => {
  const person = await makeUser(ctx);
  const res = await as.post(`/admin/users/${person.id}/roles`, { role: 'superuser', op: 'grant' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /href="#f-role"/);
  assert.deepEqual(await roles(person.id), []);
});

test('department and organization memberships are added and removed from the person’s page', async () => {
  const person = await makeUser(ctx);
  const dep = await makeDepartment(ctx, unique('Dep '));
  const [org] = await ctx.database.query<{ id: number }>(`insert into organizations (name, helix_type) values ($1, 'academia') returning id`, [unique('Universitatea ')]);

  const page = await as.get(`/admin/users/${person.id}`);
  assert.match(page.body, new RegExp(`<option value="${dep.id}"`));
  assert.match(page.body, /<label for="f-departmentId">/);

  assert.equal((await as.post(`/admin/users/${person.id}/departments`, { departmentId: String(dep.id), op: 'add' })).statusCode, 303);
  assert.equal((await as.post(`/admin/users/${person.id}/organizations`, { organizationId: String(org!.id), op: 'add' })).statusCode, 303);
  const [m] = await ctx.database.query<{ deps: number; orgs: number }>(
    `select (select count(*)::int from department_members where user_id = $1) as deps, (select count(*)::int from organization_members where user_id = $1) as orgs`,
    [person.id],
  );
  assert.deepEqual({ ...m }, { deps: 1, orgs: 1 });
  const dup = await as.post(`/admin/users/${person.id}/departments`, { departmentId: String(dep.id), op: 'add' });
  assert.equal(dup.statusCode, 409);
  const missing = await as.post(`/admin/users/${person.id}/departments`, { departmentId: '987654', op: 'add' });
  assert.equal(missing.statusCode, 400);

  assert.equal((await as.post(`/admin/users/${person.id}/departments`, { departmentId: String(dep.id), op: 'remove' })).statusCode, 303);
  assert.equal((await as.post(`/admin/users/${person.id}/organizations`, { organizationId: String(org!.id), op: 'remove' })).statusCode, 303);
  const [after] = await ctx.database.query<{ n: number }>(
    `select (select count(*)::int from department_members where user_id = $1) + (select count(*)::int from organization_members where user_id = $1) as n`,
    [person.id],
  );
  assert.equal(after!.n, 0);
  assert.deepEqual(
    (await auditFor(ctx, 'department', dep.id)).map((r) => r.action),
    ['department.member.add', 'department.member.remove'],
  );
  assert.deepEqual(
    (await auditFor(ctx, 'organization', org!.id)).map((r) => r.action),
    ['organization.member.add', 'organization.member.remove'],
  );
});

test('an unknown or malformed person id is not a 500', async () => {
  assert.equal((await as.get('/admin/users/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  assert.equal((await as.get('/admin/users/not-a-uuid')).statusCode, 400);
  assert.equal((await as.post('/admin/users/00000000-0000-4000-8000-000000000000/roles', { role: 'moderator', op: 'grant' })).statusCode, 404);
});
