// A survey of an unpublished (draft) space does not exist for the public: its page, answering it,
// its results and the lists all behave as if it were not there, until the space is published.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser } from '../../core/testing/factories.ts';
import { makeSpace } from '../meetings/testing/fixtures.ts';
import { formBody, makeSurvey } from './testing/fixtures.ts';

const { app, ctx } = await testApp();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const TITLE = 'Chestionar dintr-un spațiu ascuns';
const space = await makeSpace(ctx, 'Spațiu încă nepublicat', false);
// Open to everyone with public results: only the space keeps it hidden.
const { id, questionIds } = await makeSurvey(ctx, { mode: 'open', resultsPublic: true, questions: [{ kind: 'short_text', title: 'Ce părere aveți?' }] });
await ctx.database.query('update surveys set space_id = $2, title = $3 where id = $1', [id, space, TITLE]);
const q = questionIds[0]!;

const anonymous = await browser(ctx);
const citizen = await browser(ctx, (await makeUser(ctx)).id);
const admin = await browser(ctx, (await makeUser(ctx, { role: 'admin' })).id);

const get = (url: string, who?: { cookie: string }) => app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
const answer = (who: { cookie: string; csrf: string }) =>
  app.inject({ method: 'POST', url: `/surveys/${id}`, headers: { ...FORM, cookie: who.cookie }, payload: formBody({ _csrf: who.csrf, _page: '1', _shown: String(q), [`q${q}`]: 'Da' }) });
const responses = async () => (await ctx.database.query<{ n: number }>('select count(*)::int as n from survey_responses where survey_id = $1', [id]))[0]!.n;

test('a survey of an unpublished space is 404 on its page, answering, results and API for the public', async () => {
  for (const who of [anonymous, citizen]) {
    for (const url of [`/surveys/${id}`, `/surveys/${id}/results`, `/surveys/${id}/results.csv`, `/api/v1/surveys/${id}`]) {
      const res = await get(url, who);
      assert.equal(res.statusCode, 404, url);
      assert.ok(!res.body.includes(TITLE), `${url} reveals nothing`);
    }
    assert.equal((await answer(who)).statusCode, 404);
  }
  assert.equal(await responses(), 0);
});

test('lists leave it out', async () => {
  for (const url of ['/surveys', '/api/v1/surveys']) {
    for (const who of [undefined, citizen]) assert.ok(!(await get(url, who)).body.includes(TITLE), url);
  }
});

test('an admin sees it; once the space is published everyone does', async () => {
  const page = await get(`/surveys/${id}`, admin);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(TITLE));
  assert.equal((await get(`/surveys/${id}/results`, admin)).statusCode, 200);
  assert.ok((await get('/admin/surveys', admin)).body.includes(TITLE), 'the admin list keeps it');

  await ctx.database.query('update spaces set published = true where id = $1', [space]);
  for (const url of [`/surveys/${id}`, `/surveys/${id}/results`, `/api/v1/surveys/${id}`]) assert.equal((await get(url, citizen)).statusCode, 200, url);
  for (const url of ['/surveys', '/api/v1/surveys']) assert.ok((await get(url)).body.includes(TITLE), url);
  assert.equal((await answer(citizen)).statusCode, 303);
  assert.equal(await responses(), 1);
});
