// A consultation of an unpublished (draft) space does not exist for the public: its strategy, project,
// objective and dashboard pages, its forms and the lists behave as if it were not there, until the
// space is published.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser } from '../../core/testing/factories.ts';
import { makeSpace } from '../meetings/testing/fixtures.ts';

const { app, ctx } = await testApp();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const TITLE = 'Consultare dintr-un spațiu ascuns';
const space = await makeSpace(ctx, 'Spațiu încă nepublicat', false);
const [c] = await ctx.database.query<{ id: number }>(`insert into consultations (title, status, space_id) values ($1, 'open', $2) returning id`, [TITLE, space]);
const [a] = await ctx.database.query<{ id: number }>(`insert into consultation_ambitions (consultation_id, position, code, title) values ($1, 1, 'I', 'Ambiție ascunsă') returning id`, [c!.id]);
const [o] = await ctx.database.query<{ id: number }>(`insert into consultation_objectives (ambition_id, position, code, title) values ($1, 1, 'I.1', 'Obiectiv ascuns') returning id`, [a!.id]);
const [p] = await ctx.database.query<{ id: number }>(`insert into consultation_projects (objective_id, position, title) values ($1, 1, 'Proiect ascuns') returning id`, [o!.id]);
const id = c!.id;

const anonymous = await browser(ctx);
const citizen = await browser(ctx, (await makeUser(ctx)).id);
const admin = await browser(ctx, (await makeUser(ctx, { role: 'admin' })).id);

const get = (url: string, who?: { cookie: string }) => app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
const post = (url: string, who: { cookie: string; csrf: string }, fields: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, headers: { ...FORM, cookie: who.cookie }, payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString() });
const count = async (table: string, column: string, value: number) => (await ctx.database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${column} = $1`, [value]))[0]!.n;
const pages = [`/consultations/${id}`, `/consultations/${id}/dashboard`, `/consultations/projects/${p!.id}`, `/consultations/objectives/${o!.id}`, `/api/v1/consultations/${id}`];

test('a consultation of an unpublished space is 404 on every page and form for the public', async () => {
  for (const who of [anonymous, citizen]) {
    for (const url of pages) {
      const res = await get(url, who);
      assert.equal(res.statusCode, 404, url);
      assert.ok(!res.body.includes(TITLE) && !res.body.includes('Proiect ascuns'), `${url} reveals nothing`);
    }
    assert.equal((await post(`/consultations/projects/${p!.id}/interest`, who, { expertise: 'Ceva.' })).statusCode, 404, 'interest');
    assert.equal((await post(`/consultations/projects/${p!.id}/interest/withdraw`, who)).statusCode, 404, 'withdraw');
    assert.equal((await post(`/consultations/${id}/actions`, who, { ambitionId: String(a!.id), title: 'Ceva nou', description: 'Descriere.' })).statusCode, 404, 'actions');
  }
  assert.equal(await count('consultation_interests', 'project_id', p!.id), 0);
  assert.equal(await count('consultation_actions', 'consultation_id', id), 0);
});

test('lists leave it out', async () => {
  for (const url of ['/consultations', '/api/v1/consultations']) {
    for (const who of [undefined, citizen]) assert.ok(!(await get(url, who)).body.includes(TITLE), url);
  }
});

test('an admin sees it; once the space is published everyone does and may take part', async () => {
  // The JSON API is public-only for everyone, admins included; the pages are what admins preview.
  for (const url of pages.filter((u) => !u.startsWith('/api/'))) assert.equal((await get(url, admin)).statusCode, 200, url);
  assert.ok((await get('/admin/consultations', admin)).body.includes(TITLE), 'the admin list keeps it');

  await ctx.database.query('update spaces set published = true where id = $1', [space]);
  for (const url of pages) assert.equal((await get(url, citizen)).statusCode, 200, url);
  for (const url of ['/consultations', '/api/v1/consultations']) assert.ok((await get(url)).body.includes(TITLE), url);
  assert.equal((await post(`/consultations/projects/${p!.id}/interest`, citizen, { expertise: 'Ceva.' })).statusCode, 303);
  assert.equal(await count('consultation_interests', 'project_id', p!.id), 1);
});
