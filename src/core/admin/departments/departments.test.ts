// Departments through the admin forms: create, edit, districts, categories, officials, and the
// audit row each change writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../testing/harness.ts';
import { makeUser, unique } from '../../testing/factories.ts';
import { auditFor, signedIn } from '../test-client.ts';

const { app, ctx } = await testApp();
const admin = await makeUser(ctx, { role: 'admin' });
const as = await signedIn(app, ctx, admin.id);

async function createDepartment(name = unique('Dep ')): Promise<number> {
  const slug = unique('dep-');
  const res = await as.post('/admin/departments', { name, slug, email: '' });
  assert.equal(res.statusCode, 303, res.body);
  const id = Number(/^\/admin\/departments\/(\d+)$/.exec(res.headers.location as string)?.[1]);
  assert.ok(id > 0);
  return id;
}

async function makeDistrict(name: string): Promise<number> {
  const [a] = await ctx.database.query<{ id: number }>(
    `insert into areas (kind, slug, name, geom) values ('district', $1, $2, ST_GeomFromText('MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)))', 4326)) returning id`,
    [unique('district-'), name],
  );
  return a!.id;
}

test('an admin creates a department and the change is audited with them as actor', async () => {
  const slug = unique('spatii-');
  const res = await as.post('/admin/departments', { name: '  Spații verzi  ', slug, email: 'Verzi@Primarie.RO' });
  assert.equal(res.statusCode, 303, res.body);
  const [d] = await ctx.database.query<{ id: number; name: string; email: string }>('select id, name, email from departments where slug = $1', [slug]);
  assert.deepEqual({ name: d!.name, email: d!.email }, { name: 'Spații verzi', email: 'verzi@primarie.ro' });
  assert.equal(res.headers.location, `/admin/departments/${d!.id}`);
  const audit = await auditFor(ctx, 'department', d!.id);
  assert.deepEqual(
    audit.map((a) => [a.actor_id, a.action]),
    [[admin.id, 'department.create']],
  );
  const page = await as.get(`/admin/departments/${d!.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1 id="admin-heading">Spații verzi<\/h1>/);
  const list = await as.get('/admin/departments');
  assert.match(list.body, new RegExp(`href="/admin/departments/${d!.id}">Spații verzi</a>`));
});

test('a duplicate slug is a 409 form error on the slug field and writes nothing', async () => {
  const slug = unique('dup-');
  assert.equal((await as.post('/admin/departments', { name: 'Întâi', slug })).statusCode, 303);
  const before = await ctx.database.query('select id from audit_log');
  const res = await as.post('/admin/departments', { name: 'Al doilea', slug });
  assert.equal(res.statusCode, 409);
  assert.match(res.body, /Un alt departament folosește deja acest identificator/);
  assert.match(res.body, /id="f-slug"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-slug"/);
  assert.match(res.body, /value="Al doilea"/, 'the form keeps what was typed');
  assert.equal((await ctx.database.query('select id from audit_log')).length, before.length);
});

test('invalid fields are 400 with the field named, in the reader’s language', async () => {
  const res = await as.post('/admin/departments', { name: '', slug: 'Not A Slug', email: 'nope' });
  assert.equal(res.statusCode, 400);
  for (const field of ['name', 'slug', 'email']) assert.match(res.body, new RegExp(`href="#f-${field}"`), field);
  assert.match(res.body, /Folosește 2–60 de litere mici/);
  const unknown = await as.post('/admin/departments', { name: 'X', slug: 'x-y', extra: '1' });
  assert.equal(unknown.statusCode, 400);
});

test('name and email are edited; a bad email keeps the department unchanged', async () => {
  const id = await createDepartment('Vechi');
  assert.equal((await as.post(`/admin/departments/${id}`, { name: 'Nou', email: 'nou@example.test' })).statusCode, 303);
  const bad = await as.post(`/admin/departments/${id}`, { name: 'Altul', email: 'fără-arond' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#f-email"/);
  const [d] = await ctx.database.query<{ name: string; email: string }>('select name, email from departments where id = $1', [id]);
  assert.deepEqual({ ...d }, { name: 'Nou', email: 'nou@example.test' });
  const audit = await auditFor(ctx, 'department', id);
  assert.deepEqual(
    audit.map((a) => a.action),
    ['department.create', 'department.update'],
  );
  assert.deepEqual(audit[1]!.details, { before: { name: 'Vechi', email: null }, after: { name: 'Nou', email: 'nou@example.test' } });
});

test('the districts a department covers are set from checkboxes, including none', async () => {
  const id = await createDepartment();
  const a = await makeDistrict('Mănăștur (test)');
  const b = await makeDistrict('Gheorgheni (test)');
  const covered = async () =>
    (await ctx.database.query<{ area_id: number }>('select area_id from department_districts where department_id = $1 order by area_id', [id])).map((r) => r.area_id);

  const page = await as.get(`/admin/departments/${id}`);
  assert.match(page.body, new RegExp(`<input type="checkbox" id="district-${a}" name="district" value="${a}"`));
  assert.match(page.body, /<label for="district-\d+">Mănăștur \(test\)<\/label>/);

  assert.equal((await as.post(`/admin/departments/${id}/districts`, { district: [String(a), String(b)] })).statusCode, 303);
  assert.deepEqual(await covered(), [a, b].sort((x, y) => x - y));
  const checked = await as.get(`/admin/departments/${id}`);
  assert.match(checked.body, new RegExp(`id="district-${a}" name="district" value="${a}" checked`));

  assert.equal((await as.post(`/admin/departments/${id}/districts`, { district: String(b) })).statusCode, 303, 'a single checkbox arrives as one value');
  assert.deepEqual(await covered(), [b]);
  assert.equal((await as.post(`/admin/departments/${id}/districts`, {})).statusCode, 303);
  assert.deepEqual(await covered(), []);

  const unknown = await as.post(`/admin/departments/${id}/districts`, { district: '999999' });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /Alege doar cartiere din listă/);
  const audit = await auditFor(ctx, 'department', id);
  assert.deepEqual(
    audit.filter((r) => r.action === 'department.districts.set').map((r) => r.details.areaIds),
    [[a, b].sort((x, y) => x - y), [b], []],
  );
});

test('categories are added and edited; a duplicate or malformed code is a form error', async () => {
  const id = await createDepartment();
  const code = `${unique('roads')}.pothole`;
  const add = await as.post(`/admin/departments/${id}/categories`, { code, nameRo: 'Gropi', nameEn: 'Potholes', nameHu: 'Kátyúk', active: 'on' });
  assert.equal(add.statusCode, 303, add.body);
  const [c] = await ctx.database.query<{ id: number; active: boolean; department_id: number }>('select id, active, department_id from categories where code = $1', [code]);
  assert.deepEqual({ active: c!.active, department_id: c!.department_id }, { active: true, department_id: id });

  const dup = await as.post(`/admin/departments/${id}/categories`, { code, nameRo: 'A', nameEn: 'B', nameHu: 'C' });
  assert.equal(dup.statusCode, 409);
  assert.match(dup.body, /O altă categorie folosește deja acest cod/);

  const bad = await as.post(`/admin/departments/${id}/categories`, { code: 'Roads Pothole', nameRo: 'A', nameEn: '', nameHu: 'C' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#f-code"/);
  assert.match(bad.body, /href="#f-nameEn"/);

  const editForm = await as.get(`/admin/departments/${id}/categories/${c!.id}`);
  assert.equal(editForm.statusCode, 200);
  assert.match(editForm.body, new RegExp(`value="${code.replace('.', '\\.')}"`));
  // Unticking "active" sends no field at all.
  const edit = await as.post(`/admin/departments/${id}/categories/${c!.id}`, { code, nameRo: 'Gropi mari', nameEn: 'Big potholes', nameHu: 'Nagy kátyúk' });
  assert.equal(edit.statusCode, 303);
  const [after] = await ctx.database.query<{ name_ro: string; active: boolean }>('select name_ro, active from categories where id = $1', [c!.id]);
  assert.deepEqual({ ...after }, { name_ro: 'Gropi mari', active: false });
  const page = await as.get(`/admin/departments/${id}`);
  assert.match(page.body, /Gropi mari/);
  assert.match(page.body, /Inactivă/);

  const otherDep = await createDepartment();
  assert.equal((await as.get(`/admin/departments/${otherDep}/categories/${c!.id}`)).statusCode, 404, 'a category is edited under its own department');
  assert.deepEqual(
    (await auditFor(ctx, 'category', c!.id)).map((r) => r.action),
    ['category.create', 'category.update'],
  );
});

test('officials are added by email and removed; unknown and repeated emails are form errors', async () => {
  const id = await createDepartment();
  const official = await makeUser(ctx, { name: 'Ioana Funcționar' });
  const add = await as.post(`/admin/departments/${id}/members`, { memberEmail: official.email.toUpperCase() });
  assert.equal(add.statusCode, 303, add.body);
  const members = async () => (await ctx.database.query<{ user_id: string }>('select user_id from department_members where department_id = $1', [id])).map((r) => r.user_id);
  assert.deepEqual(await members(), [official.id]);
  assert.match((await as.get(`/admin/departments/${id}`)).body, /Ioana Funcționar/);

  const again = await as.post(`/admin/departments/${id}/members`, { memberEmail: official.email });
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /Persoana face deja parte de aici/);
  const nobody = await as.post(`/admin/departments/${id}/members`, { memberEmail: 'nobody@example.test' });
  assert.equal(nobody.statusCode, 400);
  assert.match(nobody.body, /Nu există niciun cont cu această adresă/);

  assert.equal((await as.post(`/admin/departments/${id}/members/remove`, { userId: official.id })).statusCode, 303);
  assert.deepEqual(await members(), []);
  assert.deepEqual(
    (await auditFor(ctx, 'department', id)).map((r) => [r.action, r.details.userId ?? null]),
    [
      ['department.create', null],
      ['department.member.add', official.id],
      ['department.member.remove', official.id],
    ],
  );
});

test('an unknown department is a 404 page', async () => {
  assert.equal((await as.get('/admin/departments/987654')).statusCode, 404);
  assert.equal((await as.post('/admin/departments/987654', { name: 'X' })).statusCode, 404);
});
