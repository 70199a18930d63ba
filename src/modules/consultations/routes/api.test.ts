// The consultations JSON API over HTTP: published consultations only, space/status filters with
// paging, one consultation with its strategy and open actions (organizations named, people not),
// aggregated results once closed, problem+json 404s and the OpenAPI description.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../../core/testing/harness.ts';
import { makeUser, unique } from '../../../core/testing/factories.ts';
import { makeSpace } from '../../meetings/testing/fixtures.ts';

const { app, ctx } = await testApp();

const get = (url: string) => app.inject({ method: 'GET', url });
type Page = { items: { id: number; title: string; status: string; projects: number }[]; total: number; page: number; pageSize: number };
type One = {
  title: string;
  status: string;
  ambitions: { code: string; objectives: { code: string; projects: { id: number; title: string; interests: number }[] }[] }[];
  actions: { title: string; organization: string | null; status: string }[];
  results: null | { projects: number; withInterest: number; interests: number; byHelix: { helix: string; interests: number }[] };
};

/** A consultation with one ambition, one objective and two projects. */
async function consultation(spaceId: number | null, title: string, status: 'draft' | 'open' | 'closed' = 'open') {
  const [c] = await ctx.database.query<{ id: number }>(`insert into consultations (space_id, title, purpose, status, starts_on, ends_on) values ($1, $2, 'Scop', $3, '2025-03-01', '2025-04-30') returning id`, [spaceId, title, status]);
  const [a] = await ctx.database.query<{ id: number }>(`insert into consultation_ambitions (consultation_id, position, code, title) values ($1, 1, 'A1', 'Oraș verde') returning id`, [c!.id]);
  const [o] = await ctx.database.query<{ id: number }>(`insert into consultation_objectives (ambition_id, position, code, title) values ($1, 1, 'A1.1', 'Mai mulți copaci') returning id`, [a!.id]);
  const projects: number[] = [];
  for (const [i, t] of ['Perdele verzi', 'Acoperișuri verzi'].entries()) {
    const [p] = await ctx.database.query<{ id: number }>('insert into consultation_projects (objective_id, position, title) values ($1, $2, $3) returning id', [o!.id, i + 1, t]);
    projects.push(p!.id);
  }
  return { id: c!.id, ambitionId: a!.id, projects };
}

test('the list shows published consultations of a space, never drafts; status filter and paging', async () => {
  const space = await makeSpace(ctx, 'Strategie');
  const closed = await consultation(space, 'Consultare încheiată', 'closed');
  const open = await consultation(space, 'Consultare deschisă');
  await consultation(space, 'Ciornă de consultare', 'draft');

  const res = await get(`/api/v1/consultations?space=${space}`);
  assert.equal(res.statusCode, 200);
  const page = res.json() as Page;
  assert.deepEqual(page.items.map((c) => [c.id, c.projects]), [[open.id, 2], [closed.id, 2]]);
  assert.equal(page.total, 2);
  assert.ok(!res.body.includes('Ciornă de consultare'));

  assert.deepEqual(((await get(`/api/v1/consultations?space=${space}&status=closed`)).json() as Page).items.map((c) => c.title), ['Consultare încheiată']);
  const second = (await get(`/api/v1/consultations?space=${space}&pageSize=1&page=2`)).json() as Page;
  assert.deepEqual({ ids: second.items.map((c) => c.id), total: second.total, page: second.page, pageSize: second.pageSize }, { ids: [closed.id], total: 2, page: 2, pageSize: 1 });
  assert.equal((await get(`/api/v1/consultations?status=draft`)).statusCode, 400);
});

test('one consultation: strategy with interest counts, actions named by organization only, results once closed', async () => {
  const c = await consultation(null, 'Strategia verde');
  const [orgRow] = await ctx.database.query<{ id: number }>(`insert into organizations (name, helix_type) values ($1, 'academia') returning id`, [unique('Universitatea ')]);
  const orgName = (await ctx.database.query<{ name: string }>('select name from organizations where id = $1', [orgRow!.id]))[0]!.name;
  const person = await makeUser(ctx, { name: 'Elena Cetățeană', email: 'elena.cetateana@example.test' });
  const scholar = await makeUser(ctx, { name: 'Dan Profesor', email: 'dan.profesor@example.test' });
  await ctx.database.query(`insert into consultation_interests (project_id, user_id, expertise, consent_contact, consented_at) values ($1, $2, 'Grădinar amator, tel. 0712345678', true, now())`, [c.projects[0], person.id]);
  await ctx.database.query(`insert into consultation_interests (project_id, user_id, organization_id, expertise) values ($1, $2, $3, 'Cercetare în ecologie urbană')`, [c.projects[0], scholar.id, orgRow!.id]);
  await ctx.database.query(`insert into consultation_actions (consultation_id, ambition_id, title, author_id) values ($1, $2, 'Grădini comunitare', $3)`, [c.id, c.ambitionId, person.id]);
  await ctx.database.query(`insert into consultation_actions (consultation_id, ambition_id, title, author_id, organization_id) values ($1, $2, 'Laborator de date verzi', $3, $4)`, [c.id, c.ambitionId, scholar.id, orgRow!.id]);

  const res = await get(`/api/v1/consultations/${c.id}`);
  assert.equal(res.statusCode, 200);
  const body = res.json() as One;
  assert.equal(body.title, 'Strategia verde');
  assert.deepEqual(body.ambitions[0]!.objectives[0]!.projects.map((p) => [p.title, p.interests]), [['Perdele verzi', 2], ['Acoperișuri verzi', 0]]);
  assert.deepEqual(body.actions.map((x) => [x.title, x.organization]), [['Grădini comunitare', null], ['Laborator de date verzi', orgName]]);
  assert.equal(body.results, null, 'no results while it is open');
  for (const secret of ['Elena', 'Dan Profesor', '@example.test', '0712345678', 'ecologie urbană', 'consent']) assert.ok(!res.body.includes(secret), secret);

  await ctx.database.query(`update consultations set status = 'closed' where id = $1`, [c.id]);
  const closed = (await get(`/api/v1/consultations/${c.id}`)).json() as One;
  assert.equal(closed.status, 'closed');
  assert.deepEqual({ projects: closed.results?.projects, withInterest: closed.results?.withInterest, interests: closed.results?.interests }, { projects: 2, withInterest: 1, interests: 2 });
  assert.deepEqual(closed.results?.byHelix.filter((h) => h.interests > 0).map((h) => [h.helix, h.interests]), [['academia', 1], ['individual', 1]]);
});

test('drafts, consultations of unpublished spaces and unknown ids are 404 problems', async () => {
  const draft = await consultation(null, 'Ciornă nepublicată', 'draft');
  const res = await get(`/api/v1/consultations/${draft.id}`);
  assert.equal(res.statusCode, 404);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  assert.equal((res.json() as { status: number }).status, 404);

  const hidden = await makeSpace(ctx, 'Spațiu nepublicat');
  await ctx.database.query('update spaces set published = false where id = $1', [hidden]);
  const inHidden = await consultation(hidden, 'Consultare ascunsă');
  assert.equal((await get(`/api/v1/consultations/${inHidden.id}`)).statusCode, 404);
  assert.equal((await get(`/api/v1/consultations?space=${hidden}`)).statusCode, 404);
  const all = await get('/api/v1/consultations?pageSize=100');
  for (const title of ['Consultare ascunsă', 'Ciornă nepublicată']) assert.ok(!all.body.includes(title), title);
  assert.equal((await get('/api/v1/consultations/2147483000')).statusCode, 404);
});

test('the endpoints are in the OpenAPI document with their response schemas', async () => {
  const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, { get?: { tags?: string[]; summary?: string; responses?: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }> } }> };
  for (const [path, field] of [['/api/v1/consultations', 'items'], ['/api/v1/consultations/{id}', 'ambitions']] as const) {
    const op = doc.paths[path]?.get;
    assert.ok(op, path);
    assert.deepEqual(op.tags, ['participation']);
    assert.ok(op.summary);
    assert.ok(op.responses?.['404'], `${path} documents 404`);
    assert.ok(op.responses?.['200']?.content?.['application/json']?.schema?.properties?.[field], `${path} documents its 200 body`);
  }
});
