// The surveys JSON API over HTTP: only published surveys of published spaces, filters and paging,
// questions without anyone's answers, aggregated results only once closed with public results,
// problem+json for what is not there, and the endpoints described in the OpenAPI document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../../core/testing/harness.ts';
import { makeUser } from '../../../core/testing/factories.ts';
import { makeSpace } from '../../meetings/testing/fixtures.ts';
import { choices, makeSurvey, type QuestionSpec } from '../testing/fixtures.ts';

const { app, ctx } = await testApp();

const get = (url: string) => app.inject({ method: 'GET', url });
type Item = { id: number; title: string; status: string; space: { id: number } | null };
type Page = { items: Item[]; total: number; page: number; pageSize: number };

async function surveyIn(spaceId: number | null, title: string, opts: { status?: 'draft' | 'open' | 'closed'; resultsPublic?: boolean; questions?: QuestionSpec[] } = {}) {
  const s = await makeSurvey(ctx, { status: opts.status ?? 'open', resultsPublic: opts.resultsPublic ?? false, questions: opts.questions ?? [{ kind: 'short_text', title: 'Ce părere aveți?' }] });
  await ctx.database.query('update surveys set space_id = $2, title = $3 where id = $1', [s.id, spaceId, title]);
  return s;
}

/** One person's response, stored the way the respond command stores it. */
async function answer(surveyId: number, answers: Record<number, unknown>, person: { name: string; email: string }) {
  const u = await makeUser(ctx, person);
  const [r] = await ctx.database.query<{ id: number }>('insert into survey_responses (survey_id, user_id, submitted_at) values ($1, $2, now()) returning id', [surveyId, u.id]);
  for (const [qid, v] of Object.entries(answers)) await ctx.database.query('insert into survey_answers (response_id, question_id, value) values ($1, $2, $3)', [r!.id, Number(qid), JSON.stringify(v)]);
}

test('the list shows the published surveys of a space, open first, never drafts; status filter and paging', async () => {
  const space = await makeSpace(ctx, 'Cartierul Zorilor');
  const closed = await surveyIn(space, 'Chestionar închis', { status: 'closed' });
  const open = await surveyIn(space, 'Chestionar deschis');
  await surveyIn(space, 'Ciornă secretă', { status: 'draft' });

  const res = await get(`/api/v1/surveys?space=${space}`);
  assert.equal(res.statusCode, 200);
  const page = res.json() as Page;
  assert.deepEqual(page.items.map((s) => s.id), [open.id, closed.id]);
  assert.equal(page.total, 2);
  assert.equal(page.items[0]!.space?.id, space);
  assert.ok(!res.body.includes('Ciornă secretă'));

  const onlyClosed = (await get(`/api/v1/surveys?space=${space}&status=closed`)).json() as Page;
  assert.deepEqual(onlyClosed.items.map((s) => s.title), ['Chestionar închis']);
  const second = (await get(`/api/v1/surveys?space=${space}&pageSize=1&page=2`)).json() as Page;
  assert.deepEqual({ ids: second.items.map((s) => s.id), total: second.total, page: second.page, pageSize: second.pageSize }, { ids: [closed.id], total: 2, page: 2, pageSize: 1 });

  assert.equal((await get(`/api/v1/surveys?space=${space}&status=draft`)).statusCode, 400);
  assert.equal((await get(`/api/v1/surveys?space=${space}&nope=1`)).statusCode, 400);
});

test('a space’s surveys component filters like its space; unpublished spaces and components are not found', async () => {
  const space = await makeSpace(ctx, 'Spațiu cu componentă');
  const s = await surveyIn(space, 'Prin componentă');
  const [c] = await ctx.database.query<{ id: number }>(`insert into space_components (space_id, module, title) values ($1, 'surveys', 'Chestionare') returning id`, [space]);
  assert.deepEqual(((await get(`/api/v1/surveys?component=${c!.id}`)).json() as Page).items.map((x) => x.id), [s.id]);

  await ctx.database.query('update space_components set published = false where id = $1', [c!.id]);
  assert.equal((await get(`/api/v1/surveys?component=${c!.id}`)).statusCode, 404);

  const hidden = await makeSpace(ctx, 'Spațiu nepublicat');
  await ctx.database.query('update spaces set published = false where id = $1', [hidden]);
  const inHidden = await surveyIn(hidden, 'Chestionar din spațiu nepublicat');
  const missing = await get(`/api/v1/surveys?space=${hidden}`);
  assert.equal(missing.statusCode, 404);
  assert.match(String(missing.headers['content-type']), /^application\/problem\+json/);
  const all = await get('/api/v1/surveys?pageSize=100');
  assert.ok(!all.body.includes('Chestionar din spațiu nepublicat'));
  assert.equal((await get(`/api/v1/surveys/${inHidden.id}`)).statusCode, 404);
});

test('one survey gives its questions in order; drafts and unknown ids are 404 problems', async () => {
  const s = await surveyIn(null, 'Transport în comun', {
    questions: [
      { kind: 'single_choice', title: 'Folosiți autobuzul?', required: true, choices: choices('Da', 'Nu') },
      { kind: 'scale', title: 'Cât de mulțumit sunteți?', page: 2, settings: { scaleMin: 1, scaleMax: 5, minLabel: 'deloc', maxLabel: 'foarte' } },
    ],
  });
  const res = await get(`/api/v1/surveys/${s.id}`);
  assert.equal(res.statusCode, 200);
  const body = res.json() as { title: string; questions: { id: number; kind: string; page: number; choices: { key: string; label: string }[]; settings: Record<string, unknown> }[]; results: unknown };
  assert.equal(body.title, 'Transport în comun');
  assert.deepEqual(body.questions.map((q) => [q.id, q.kind, q.page]), [[s.questionIds[0], 'single_choice', 1], [s.questionIds[1], 'scale', 2]]);
  assert.deepEqual(body.questions[0]!.choices, [{ key: 'c1', label: 'Da' }, { key: 'c2', label: 'Nu' }]);
  assert.deepEqual(body.questions[1]!.settings, { scaleMin: 1, scaleMax: 5, minLabel: 'deloc', maxLabel: 'foarte' });
  assert.equal(body.results, null);

  const draft = await surveyIn(null, 'Ciornă', { status: 'draft' });
  const notFound = await get(`/api/v1/surveys/${draft.id}`);
  assert.equal(notFound.statusCode, 404);
  assert.match(String(notFound.headers['content-type']), /^application\/problem\+json/);
  assert.equal((notFound.json() as { status: number }).status, 404);
  assert.equal((await get('/api/v1/surveys/2147483000')).statusCode, 404);
  assert.equal((await get('/api/v1/surveys/abc')).statusCode, 400);
});

test('a closed survey with public results gives aggregates only: no texts, points, names or emails', async () => {
  const questions: QuestionSpec[] = [
    { kind: 'single_choice', title: 'Parc sau parcare?', choices: choices('Parc', 'Parcare') },
    { kind: 'short_text', title: 'Unde locuiți?' },
    { kind: 'map_point', title: 'Arătați pe hartă' },
  ];
  const s = await surveyIn(null, 'Rezultate publice', { status: 'open', resultsPublic: true, questions });
  const [choice, text, point] = s.questionIds as [number, number, number];
  await answer(s.id, { [choice]: 'c1', [text]: 'Strada Secretă nr. 7', [point]: { lat: 46.77, lng: 23.59 } }, { name: 'Ioana Respondentă', email: 'ioana.respondenta@example.test' });
  await answer(s.id, { [choice]: 'c1' }, { name: 'Mihai Respondent', email: 'mihai.respondent@example.test' });
  await answer(s.id, { [choice]: 'c2' }, { name: 'Ana Respondentă', email: 'ana.respondenta@example.test' });

  assert.equal((((await get(`/api/v1/surveys/${s.id}`)).json()) as { results: unknown }).results, null, 'no results while it is open');

  await ctx.database.query(`update surveys set status = 'closed', closed_at = now() where id = $1`, [s.id]);
  const res = await get(`/api/v1/surveys/${s.id}`);
  const body = res.json() as { status: string; responses: number; closedAt: string; results: { questionId: number; kind: string; answered: number; bars?: { label: string; count: number }[] }[] };
  assert.equal(body.status, 'closed');
  assert.equal(body.responses, 3);
  assert.match(body.closedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.deepEqual(body.results.find((r) => r.questionId === choice)?.bars, [{ label: 'Parc', count: 2 }, { label: 'Parcare', count: 1 }]);
  assert.deepEqual(body.results.find((r) => r.questionId === text), { questionId: text, kind: 'count', answered: 1 });
  assert.deepEqual(body.results.find((r) => r.questionId === point), { questionId: point, kind: 'count', answered: 1 });
  for (const secret of ['Strada Secretă', '46.77', 'Ioana', 'Respondent', '@example.test']) assert.ok(!res.body.includes(secret), secret);

  await ctx.database.query('update surveys set results_public = false where id = $1', [s.id]);
  assert.equal(((await get(`/api/v1/surveys/${s.id}`)).json() as { results: unknown }).results, null, 'no results when they are not public');
});

test('the endpoints are in the OpenAPI document with their response schemas', async () => {
  const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, { get?: { tags?: string[]; summary?: string; responses?: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }> } }> };
  for (const path of ['/api/v1/surveys', '/api/v1/surveys/{id}']) {
    const op = doc.paths[path]?.get;
    assert.ok(op, path);
    assert.deepEqual(op.tags, ['participation']);
    assert.ok(op.summary);
    assert.ok(op.responses?.['404'], `${path} documents 404`);
    assert.ok(op.responses?.['200']?.content?.['application/json']?.schema?.properties?.[path.endsWith('}') ? 'questions' : 'items'], `${path} documents its 200 body`);
  }
});
