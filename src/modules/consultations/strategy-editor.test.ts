// The admin's strategy editor over HTTP: building a tree with forms, editing, reordering, deleting
// (refused while a node holds children, interest or comments), the audit rows, and who may do it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser, unique } from '../../core/testing/factories.ts';
import { auditFor, signedIn, type TestBrowser } from '../../core/admin/test-client.ts';

const { app, ctx } = await testApp();
const adminUser = await makeUser(ctx, { role: 'admin' });
const admin = await signedIn(app, ctx, adminUser.id);

async function consultation(status: 'draft' | 'open' | 'closed' = 'open'): Promise<number> {
  const [c] = await ctx.database.query<{ id: number }>('insert into consultations (title, status) values ($1, $2) returning id', [unique('Strategia '), status]);
  return c!.id;
}

const idFrom = (location: unknown) => Number(/#(?:ambition|objective|project)-(\d+)$/.exec(String(location))![1]);

async function add(b: TestBrowser, cid: number, kind: string, parent: number, fields: Record<string, string>) {
  const res = await b.post(`/admin/consultations/${cid}/strategy/new`, { kind, parent: String(parent), ...fields });
  assert.equal(res.statusCode, 303, res.body);
  return idFrom(res.headers.location);
}

const order = async (table: string, parentCol: string, parentId: number) =>
  (await ctx.database.query<{ title: string }>(`select title from ${table} where ${parentCol} = $1 order by position`, [parentId])).map((r) => r.title);

test('an admin builds the tree with forms: ambitions, objectives, projects, each audited', async () => {
  const cid = await consultation();
  const empty = await admin.get(`/admin/consultations/${cid}/strategy`);
  assert.equal(empty.statusCode, 200);
  assert.match(empty.body, /Strategia nu are încă nicio ambiție/);
  assert.match(empty.body, new RegExp(`href="/admin/consultations/${cid}/strategy/new\\?kind=ambition&amp;parent=${cid}"`));
  const form = await admin.get(`/admin/consultations/${cid}/strategy/new?kind=ambition&parent=${cid}`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="_csrf"/);
  assert.match(form.body, /name="code"/);
  assert.doesNotMatch(form.body, /id="f-description"/, 'ambitions have no description');
  const amb = await add(admin, cid, 'ambition', cid, { code: 'I', title: 'Oraș verde' });
  const obj = await add(admin, cid, 'objective', amb, { code: 'I.1', title: 'Mai mulți copaci' });
  const projectForm = await admin.get(`/admin/consultations/${cid}/strategy/new?kind=project&parent=${obj}`);
  assert.match(projectForm.body, /În: I\.1\. Mai mulți copaci/);
  assert.match(projectForm.body, /id="f-description"/);
  const proj = await add(admin, cid, 'project', obj, { title: 'Perdea verde pe centură', description: 'Plantări de-a lungul centurii.' });
  const tree = await admin.get(`/admin/consultations/${cid}/strategy`);
  assert.match(tree.body, /Ambiție I\. Oraș verde/);
  assert.match(tree.body, /Obiectiv I\.1\. Mai mulți copaci/);
  assert.match(tree.body, /Perdea verde pe centură/);
  const pub = await app.inject({ method: 'GET', url: `/consultations/${cid}` });
  assert.match(pub.body, /Perdea verde pe centură/, 'the public page shows the new project');
  assert.deepEqual((await auditFor(ctx, 'consultation_ambition', amb)).map((a) => [a.actor_id, a.action]), [[adminUser.id, 'consultation.ambition.create']]);
  assert.deepEqual((await auditFor(ctx, 'consultation_objective', obj)).map((a) => a.action), ['consultation.objective.create']);
  assert.deepEqual((await auditFor(ctx, 'consultation_project', proj)).map((a) => a.action), ['consultation.project.create']);
});

test('adding under a node of another consultation is not found; empty fields re-render with errors', async () => {
  const cid = await consultation();
  const other = await consultation();
  const amb = await add(admin, other, 'ambition', other, { code: 'A', title: 'Altă strategie' });
  assert.equal((await admin.post(`/admin/consultations/${cid}/strategy/new`, { kind: 'objective', parent: String(amb), code: 'A.1', title: 'x' })).statusCode, 404);
  const bad = await admin.post(`/admin/consultations/${cid}/strategy/new`, { kind: 'ambition', parent: String(cid), code: '', title: '  ' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Scrieți un cod scurt/);
  assert.match(bad.body, /Scrieți un titlu/);
  const tooLong = await admin.post(`/admin/consultations/${cid}/strategy/new`, { kind: 'ambition', parent: String(cid), code: 'ABCDEFGHIJKLMNOP', title: 'Bun' });
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /value="Bun"/, 'what was typed stays in the form');
  assert.equal((await ctx.database.query('select 1 from consultation_ambitions where consultation_id = $1', [cid])).length, 0);
});

test('an admin edits a node; the audit row keeps what changed', async () => {
  const cid = await consultation();
  const amb = await add(admin, cid, 'ambition', cid, { code: 'II', title: 'Mobilitate' });
  const obj = await add(admin, cid, 'objective', amb, { code: 'II.1', title: 'Biciclete' });
  const proj = await add(admin, cid, 'project', obj, { title: 'Piste noi', description: '' });
  const form = await admin.get(`/admin/consultations/strategy/project/${proj}/edit`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /value="Piste noi"|>Piste noi</);
  const res = await admin.post(`/admin/consultations/strategy/project/${proj}/edit`, { title: 'Piste de biciclete noi', description: 'Pe 20 km.' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/admin/consultations/${cid}/strategy#project-${proj}`);
  const [row] = await ctx.database.query<{ title: string; description: string }>('select title, description from consultation_projects where id = $1', [proj]);
  assert.deepEqual(row, { title: 'Piste de biciclete noi', description: 'Pe 20 km.' });
  assert.equal((await admin.post(`/admin/consultations/strategy/ambition/${amb}/edit`, { code: 'II', title: '' })).statusCode, 400);
  const audit = await auditFor(ctx, 'consultation_project', proj);
  assert.deepEqual(audit.at(-1), {
    actor_id: adminUser.id,
    action: 'consultation.project.update',
    details: { consultationId: cid, changes: { title: { from: 'Piste noi', to: 'Piste de biciclete noi' }, description: { from: '', to: 'Pe 20 km.' } } },
  });
  assert.equal((await admin.get(`/admin/consultations/strategy/project/99999999/edit`)).statusCode, 404);
});

test('move up and down reorders siblings; the ends stay put', async () => {
  const cid = await consultation();
  const [a, b, c] = [await add(admin, cid, 'ambition', cid, { code: 'A', title: 'Prima' }), await add(admin, cid, 'ambition', cid, { code: 'B', title: 'A doua' }), await add(admin, cid, 'ambition', cid, { code: 'C', title: 'A treia' })];
  assert.equal((await admin.post(`/admin/consultations/strategy/ambition/${c}/move`, { direction: 'up' })).statusCode, 303);
  assert.deepEqual(await order('consultation_ambitions', 'consultation_id', cid), ['Prima', 'A treia', 'A doua']);
  await admin.post(`/admin/consultations/strategy/ambition/${a}/move`, { direction: 'down' });
  assert.deepEqual(await order('consultation_ambitions', 'consultation_id', cid), ['A treia', 'Prima', 'A doua']);
  const edge = await admin.post(`/admin/consultations/strategy/ambition/${b}/move`, { direction: 'down' });
  assert.equal(edge.statusCode, 303);
  assert.deepEqual(await order('consultation_ambitions', 'consultation_id', cid), ['A treia', 'Prima', 'A doua']);
  assert.equal((await admin.post(`/admin/consultations/strategy/ambition/${b}/move`, { direction: 'sideways' })).statusCode, 400);
  // Projects may share a position (the table does not forbid it); moving still swaps neighbours.
  const amb = a;
  const obj = await add(admin, cid, 'objective', amb, { code: 'A.1', title: 'Obiectiv' });
  const p1 = await add(admin, cid, 'project', obj, { title: 'P1' });
  const p2 = await add(admin, cid, 'project', obj, { title: 'P2' });
  await ctx.database.query('update consultation_projects set position = 1 where id = any($1::int[])', [[p1, p2]]);
  await admin.post(`/admin/consultations/strategy/project/${p2}/move`, { direction: 'up' });
  assert.deepEqual(await order('consultation_projects', 'objective_id', obj), ['P2', 'P1']);
  assert.deepEqual((await auditFor(ctx, 'consultation_project', p2)).map((r) => r.action).at(-1), 'consultation.project.move');
  const page = await admin.get(`/admin/consultations/${cid}/strategy`);
  const controls = (kind: string, id: number) => new RegExp(`<li id="${kind}-${id}">.*?<div class="strategy-controls">(.*?)</div>`).exec(page.body)![1]!;
  assert.doesNotMatch(controls('ambition', c), /value="up"/, 'the first ambition offers no "move up"');
  assert.match(controls('ambition', c), /value="down"/);
  assert.doesNotMatch(controls('ambition', b), /value="down"/, 'the last ambition offers no "move down"');
  assert.match(controls('ambition', b), /value="up"/);
});

test('delete refuses a node with children, interest, open actions or comments, and deletes an empty one', async () => {
  const cid = await consultation();
  const amb = await add(admin, cid, 'ambition', cid, { code: 'III', title: 'Educație' });
  const obj = await add(admin, cid, 'objective', amb, { code: 'III.1', title: 'Școli digitale' });
  const proj = await add(admin, cid, 'project', obj, { title: 'Tablete pentru elevi' });
  const hasChildren = await admin.post(`/admin/consultations/strategy/ambition/${amb}/delete`);
  assert.equal(hasChildren.statusCode, 409);
  assert.match(hasChildren.body, /role="alert"/);
  assert.match(hasChildren.body, /„Educație” nu poate fi șters: are elemente subordonate/);
  const person = await makeUser(ctx);
  await ctx.database.query(`insert into consultation_interests (project_id, user_id, expertise) values ($1, $2, 'profesor')`, [proj, person.id]);
  const interested = await admin.post(`/admin/consultations/strategy/project/${proj}/delete`);
  assert.equal(interested.statusCode, 409);
  assert.match(interested.body, /unele persoane și-au exprimat interesul/);
  await ctx.database.query('delete from consultation_interests where project_id = $1', [proj]);
  assert.equal((await admin.post(`/admin/consultations/strategy/project/${proj}/delete`)).statusCode, 303);
  assert.equal((await ctx.database.query('select 1 from consultation_projects where id = $1', [proj])).length, 0);
  await ctx.database.query(`insert into comments (subject_type, subject_id, depth, author_id, body, body_public, body_hash) values ('consultation_objective', $1, 0, $2, 'Da', 'Da', 'h')`, [obj, person.id]);
  const commented = await admin.post(`/admin/consultations/strategy/objective/${obj}/delete`);
  assert.equal(commented.statusCode, 409);
  assert.match(commented.body, /obiectivul are comentarii/);
  await ctx.database.query(`delete from comments where subject_type = 'consultation_objective' and subject_id = $1`, [obj]);
  assert.equal((await admin.post(`/admin/consultations/strategy/objective/${obj}/delete`)).statusCode, 303);
  await ctx.database.query(`insert into consultation_actions (consultation_id, ambition_id, title) values ($1, $2, 'Cursuri de programare')`, [cid, amb]);
  const withActions = await admin.post(`/admin/consultations/strategy/ambition/${amb}/delete`);
  assert.equal(withActions.statusCode, 409);
  assert.match(withActions.body, /acțiuni deschise/);
  await ctx.database.query('delete from consultation_actions where ambition_id = $1', [amb]);
  const done = await admin.post(`/admin/consultations/strategy/ambition/${amb}/delete`);
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, `/admin/consultations/${cid}/strategy`);
  assert.deepEqual((await auditFor(ctx, 'consultation_ambition', amb)).map((r) => r.action), ['consultation.ambition.create', 'consultation.ambition.delete']);
  assert.deepEqual((await auditFor(ctx, 'consultation_project', proj)).map((r) => r.action), ['consultation.project.create', 'consultation.project.delete']);
});

test('only admins edit the strategy; forms need the CSRF token', async () => {
  const cid = await consultation('draft');
  const amb = await add(admin, cid, 'ambition', cid, { code: 'IV', title: 'Sănătate' });
  const anon = await app.inject({ method: 'GET', url: `/admin/consultations/${cid}/strategy` });
  assert.equal(anon.statusCode, 303);
  assert.match(String(anon.headers.location), /^\/login/);
  for (const role of [undefined, 'moderator', 'official'] as const) {
    const b = await signedIn(app, ctx, (await makeUser(ctx, role ? { role } : {})).id);
    assert.equal((await b.get(`/admin/consultations/${cid}/strategy`)).statusCode, 403, `${role ?? 'citizen'} sees no editor`);
    assert.equal((await b.post(`/admin/consultations/${cid}/strategy/new`, { kind: 'ambition', parent: String(cid), code: 'X', title: 'Intrus' })).statusCode, 403);
    assert.equal((await b.post(`/admin/consultations/strategy/ambition/${amb}/edit`, { code: 'X', title: 'Intrus' })).statusCode, 403);
    assert.equal((await b.post(`/admin/consultations/strategy/ambition/${amb}/delete`)).statusCode, 403);
  }
  const noToken = await app.inject({
    method: 'POST',
    url: `/admin/consultations/strategy/ambition/${amb}/delete`,
    headers: { cookie: (await browser(ctx, adminUser.id)).cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: '',
  });
  assert.equal(noToken.statusCode, 403);
  const [row] = await ctx.database.query<{ code: string; title: string }>('select code, title from consultation_ambitions where id = $1', [amb]);
  assert.deepEqual(row, { code: 'IV', title: 'Sănătate' });
});

test('the consultation admin page links to the editor', async () => {
  const cid = await consultation();
  const page = await admin.get(`/admin/consultations/${cid}`);
  assert.match(page.body, new RegExp(`href="/admin/consultations/${cid}/strategy">Editează strategia<`));
});
