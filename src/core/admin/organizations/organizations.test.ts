// Organizations through the admin forms: create with a helix type, verify, representatives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../testing/harness.ts';
import { browser, makeUser, unique } from '../../testing/factories.ts';
import { auditFor, signedIn } from '../test-client.ts';

const { app, ctx } = await testApp();
const admin = await makeUser(ctx, { role: 'admin' });
const as = await signedIn(app, ctx, admin.id);

async function createOrg(name = unique('Asociația ')): Promise<number> {
  const res = await as.post('/admin/organizations', { name, helixType: 'civil_society' });
  assert.equal(res.statusCode, 303, res.body);
  return Number(/(\d+)$/.exec(res.headers.location as string)![1]);
}

test('the create form offers the four helix types with localized labels', async () => {
  const ro = await as.get('/admin/organizations');
  for (const label of ['Instituție publică', 'Companie privată', 'Mediul academic', 'Societatea civilă']) assert.match(ro.body, new RegExp(label));
  const en = await app.inject({ method: 'GET', url: '/admin/organizations', headers: { cookie: `${(await browser(ctx, admin.id)).cookie}; dz_lang=en` } });
  for (const label of ['Public institution', 'Private company', 'Academia', 'Civil society']) assert.match(en.body, new RegExp(label));
});

test('an organization is created, listed with its type, verified and unverified', async () => {
  const name = unique('Universitatea ');
  const res = await as.post('/admin/organizations', { name, helixType: 'academia' });
  assert.equal(res.statusCode, 303);
  const id = Number(/(\d+)$/.exec(res.headers.location as string)![1]);
  const list = await as.get('/admin/organizations');
  assert.match(list.body, new RegExp(`${name}</a></th><td>Mediul academic</td>`));

  assert.equal((await as.post(`/admin/organizations/${id}/verification`, { verified: 'yes' })).statusCode, 303);
  const [o] = await ctx.database.query<{ verified: boolean }>('select verified_at is not null as verified from organizations where id = $1', [id]);
  assert.equal(o!.verified, true);
  assert.match((await as.get(`/admin/organizations/${id}`)).body, /Retrage verificarea/);
  assert.equal((await as.post(`/admin/organizations/${id}/verification`, { verified: 'no' })).statusCode, 303);
  assert.deepEqual(
    (await auditFor(ctx, 'organization', id)).map((r) => [r.actor_id, r.action]),
    [
      [admin.id, 'organization.create'],
      [admin.id, 'organization.verify'],
      [admin.id, 'organization.unverify'],
    ],
  );
});

test('a duplicate name is 409 and an unknown helix type is 400, both on their field', async () => {
  const name = unique('Firma ');
  await createOrg(name);
  const dup = await as.post('/admin/organizations', { name, helixType: 'private_company' });
  assert.equal(dup.statusCode, 409);
  assert.match(dup.body, /Există deja o organizație cu acest nume/);
  const bad = await as.post('/admin/organizations', { name: unique('Alta '), helixType: 'government' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#f-helixType"/);
});

test('representatives are added by email and removed', async () => {
  const id = await createOrg();
  const rep = await makeUser(ctx, { name: 'Elena Reprezentant' });
  assert.equal((await as.post(`/admin/organizations/${id}/members`, { memberEmail: rep.email })).statusCode, 303);
  assert.match((await as.get(`/admin/organizations/${id}`)).body, /Elena Reprezentant/);
  assert.equal((await as.post(`/admin/organizations/${id}/members`, { memberEmail: rep.email })).statusCode, 409);
  assert.equal((await as.post(`/admin/organizations/${id}/members`, { memberEmail: 'nobody@example.test' })).statusCode, 400);
  assert.equal((await as.post(`/admin/organizations/${id}/members/remove`, { userId: rep.id })).statusCode, 303);
  const rows = await ctx.database.query('select 1 from organization_members where organization_id = $1', [id]);
  assert.equal(rows.length, 0);
  assert.equal((await as.post(`/admin/organizations/${id}/members/remove`, { userId: rep.id })).statusCode, 409);
});
