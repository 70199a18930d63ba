// Answering surveys over HTTP: per-kind validation messages, pages and conditional display without
// JavaScript, and one response per person under concurrency, signed in and anonymous.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { choices, formBody, hiddenValue, makeSurvey } from './testing/fixtures.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function post(b: { cookie: string; csrf: string }, id: number, fields: Record<string, string | string[]>) {
  return app.inject({ method: 'POST', url: `/surveys/${id}`, headers: { ...FORM, cookie: b.cookie }, payload: formBody({ _csrf: b.csrf, ...fields }) });
}
const responses = async (id: number) => (await ctx.database.query<{ n: number }>('select count(*)::int as n from survey_responses where survey_id = $1', [id]))[0]!.n;

test('every question kind refuses a bad answer with its own message and keeps what was typed', async () => {
  const { id, questionIds: [text, single, multi, scale, matrix, rank, num, date, point] } = await makeSurvey(ctx, {
    questions: [
      { kind: 'short_text', title: 'Numele cartierului', required: true, settings: { maxLength: 20 } },
      { kind: 'single_choice', title: 'Locuiți în oraș?', required: true, choices: choices('DA', 'NU') },
      { kind: 'multiple_choice', title: 'Domenii', choices: choices('mediu', 'social', 'digital'), settings: { maxChoices: 2 } },
      { kind: 'scale', title: 'Cât de implicat sunteți?', required: true, settings: { scaleMin: 1, scaleMax: 5 } },
      { kind: 'matrix_single', title: 'Cât de des folosiți', required: true, rows: [{ key: 'r1', label: 'Autobuzul' }, { key: 'r2', label: 'Bicicleta' }], choices: choices('Niciodată', 'Zilnic') },
      { kind: 'ranking', title: 'Ordonați prioritățile', choices: choices('Parcuri', 'Piste') },
      { kind: 'number', title: 'Vârsta', settings: { numberMin: 14, numberMax: 120, integer: true } },
      { kind: 'date', title: 'Data evenimentului', settings: { dateMin: '2023-07-01' } },
      { kind: 'map_point', title: 'Unde?' },
    ],
  });
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const page = await app.inject({ method: 'GET', url: `/surveys/${id}`, headers: { cookie: b.cookie } });
  assert.equal(page.statusCode, 200);
  for (const title of ['Numele cartierului', 'Cât de des folosiți', 'Ordonați prioritățile', 'Unde?']) assert.ok(page.body.includes(title), title);

  const bad = await post(b, id, {
    _page: '1',
    _shown: [text, single, multi, scale, matrix, rank, num, date, point].join(','),
    [`q${text}`]: 'un nume mult prea lung pentru câmp',
    [`q${single}`]: 'c9',
    [`q${multi}`]: ['c1', 'c2', 'c3'],
    [`q${scale}`]: '9',
    [`q${matrix}_r1`]: 'c1',
    [`q${rank}_c1`]: '1',
    [`q${rank}_c2`]: '1',
    [`q${num}`]: '7',
    [`q${date}`]: '2023-06-30',
    [`q${point}_lat`]: '46.5',
    [`q${point}_lng`]: '23.9',
  });
  assert.equal(bad.statusCode, 400);
  for (const message of [
    'Textul poate avea cel mult 20 de caractere.',
    'Alegeți una dintre variantele propuse.',
    'Alegeți cel mult 2 variante.',
    'Alegeți o valoare de pe scală.',
    'Răspundeți pe fiecare rând.',
    'Dați fiecăreia dintre cele 2 variante un loc diferit.',
    'Numărul trebuie să fie între 14 și 120.',
    'Data trebuie să fie între 2023-07-01 și …',
    'Locul ales este în afara orașului.',
  ]) {
    assert.ok(bad.body.includes(message), `missing "${message}"`);
  }
  assert.ok(bad.body.includes('value="7"'), 'what was typed comes back');
  assert.ok(bad.body.includes(`href="#f-q${text}"`), 'the error summary links to the question');
  assert.equal(await responses(id), 0);

  const good = await post(b, id, {
    _page: '1',
    _shown: [text, single, multi, scale, matrix, rank, num, date, point].join(','),
    [`q${text}`]: 'Mărăști',
    [`q${single}`]: 'c1',
    [`q${multi}`]: ['c1', 'c3'],
    [`q${scale}`]: '4',
    [`q${matrix}_r1`]: 'c1',
    [`q${matrix}_r2`]: 'c2',
    [`q${rank}_c1`]: '2',
    [`q${rank}_c2`]: '1',
    [`q${num}`]: '34',
    [`q${date}`]: '2023-07-20',
    [`q${point}_lat`]: '46,7712',
    [`q${point}_lng`]: '23,6236',
  });
  assert.equal(good.statusCode, 303, good.body.slice(0, 500));
  const stored = await ctx.database.query<{ question_id: number; value: unknown }>(
    'select question_id, value from survey_answers a join survey_responses r on r.id = a.response_id where r.survey_id = $1 order by question_id',
    [id],
  );
  assert.deepEqual(
    Object.fromEntries(stored.map((s) => [s.question_id, s.value])),
    { [text!]: 'Mărăști', [single!]: 'c1', [multi!]: ['c1', 'c3'], [scale!]: 4, [matrix!]: { r1: 'c1', r2: 'c2' }, [rank!]: ['c2', 'c1'], [num!]: 34, [date!]: '2023-07-20', [point!]: { lat: 46.7712, lng: 23.6236 } },
  );
});

test('pages and conditional display work without JavaScript, and hidden answers are dropped', async () => {
  const { id, questionIds: [member, why, domains, env] } = await makeSurvey(ctx, {
    questions: [
      { kind: 'single_choice', title: 'Faceți parte din comunitate?', required: true, choices: choices('DA', 'NU') },
      { kind: 'short_text', title: 'De ce nu?', required: true, condition: { questionId: 0, op: 'is', value: 'c2' } },
      { kind: 'multiple_choice', title: 'În ce domeniu v-ați implica?', page: 2, required: true, choices: choices('mediu', 'social') },
      { kind: 'long_text', title: 'Ce ați face pentru mediu?', page: 3, condition: { questionId: 0, op: 'is', value: 'c1' } },
    ],
  });
  // Conditions point at ids that exist only now.
  await ctx.database.query(`update survey_questions set condition = jsonb_set(condition, '{questionId}', to_jsonb($2::int)) where id = $1`, [why, member]);
  await ctx.database.query(`update survey_questions set condition = jsonb_set(condition, '{questionId}', to_jsonb($2::int)) where id = $1`, [env, domains]);
  const b = await browser(ctx, (await makeUser(ctx)).id);

  const first = await app.inject({ method: 'GET', url: `/surveys/${id}`, headers: { cookie: b.cookie } });
  assert.ok(first.body.includes('Pagina 1 din 3'));
  assert.ok(!first.body.includes('De ce nu?'), 'the conditional question starts hidden');

  const revealed = await post(b, id, { _page: '1', _shown: String(member), [`q${member}`]: 'c2' });
  assert.equal(revealed.statusCode, 200);
  assert.ok(revealed.body.includes('De ce nu?'), 'answering NU reveals the follow-up on the same page');
  assert.ok(revealed.body.includes('au apărut întrebări noi'));
  assert.ok(!revealed.body.includes('Această întrebare este obligatorie'), 'a question just revealed is not yet an error');

  const missing = await post(b, id, { _page: '1', _shown: `${member},${why}`, [`q${member}`]: 'c2' });
  assert.equal(missing.statusCode, 400);
  assert.ok(missing.body.includes('Această întrebare este obligatorie'));

  // Changing one's mind hides the follow-up again; its answer does not travel on.
  const page2 = await post(b, id, { _page: '1', _shown: `${member},${why}`, [`q${member}`]: 'c1', [`q${why}`]: 'nu locuiesc aici' });
  assert.equal(page2.statusCode, 200);
  assert.ok(page2.body.includes('Pagina 2 din 3'));
  assert.deepEqual(JSON.parse(hiddenValue(page2.body, '_state')), { [member!]: 'c1' });

  // Not choosing "mediu" skips page 3 entirely: the survey ends after page 2.
  assert.ok(page2.body.includes('Continuă') || page2.body.includes('Trimite'));
  const page3 = await post(b, id, { _page: '2', _shown: String(domains), _state: hiddenValue(page2.body, '_state'), [`q${domains}`]: 'c1' });
  assert.ok(page3.body.includes('Pagina 3 din 3') && page3.body.includes('Ce ați face pentru mediu?'));
  const done = await post(b, id, { _page: '3', _shown: String(env), _state: hiddenValue(page3.body, '_state'), [`q${env}`]: 'Plantez copaci.' });
  assert.equal(done.statusCode, 303);
  const [answers] = await ctx.database.query<{ n: number }>('select count(*)::int as n from survey_answers a join survey_responses r on r.id = a.response_id where r.survey_id = $1', [id]);
  assert.equal(answers!.n, 3);

  const again = await app.inject({ method: 'GET', url: `/surveys/${id}`, headers: { cookie: b.cookie } });
  assert.ok(again.body.includes('Ați răspuns deja'));
});

test('an altered hidden state is checked again at the end', async () => {
  const { id, questionIds: [a, b2] } = await makeSurvey(ctx, {
    questions: [
      { kind: 'single_choice', title: 'Prima', required: true, choices: choices('DA', 'NU') },
      { kind: 'short_text', title: 'A doua', page: 2 },
    ],
  });
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const res = await post(b, id, { _page: '2', _shown: String(b2), _state: JSON.stringify({ [a!]: 'c77' }), [`q${b2}`]: 'text' });
  assert.equal(res.statusCode, 400);
  assert.ok(res.body.includes('Pagina 1 din 2') && res.body.includes('Alegeți una dintre variantele propuse.'));
  assert.equal(await responses(id), 0);
});

test('one response per person: a second submission and two at once both leave one', async () => {
  const { id, questionIds: [qid] } = await makeSurvey(ctx, { questions: [{ kind: 'single_choice', title: 'Da sau nu?', required: true, choices: choices('DA', 'NU') }] });
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const fields = { _page: '1', _shown: String(qid), [`q${qid}`]: 'c1' };
  const results = await Promise.all([post(b, id, fields), post(b, id, fields), post(b, id, fields)]);
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [303, 409, 409]);
  assert.equal(await responses(id), 1);
  const [r] = await ctx.database.query<{ user_id: string | null }>('select user_id from survey_responses where survey_id = $1', [id]);
  assert.ok(r!.user_id, 'a signed-in survey links the response to the person');
  await assert.rejects(
    ctx.database.query('insert into survey_responses (survey_id, user_id) values ($1, $2)', [id, r!.user_id]),
    /unique|duplicate/i,
    'the database itself refuses a second response',
  );
});

test('anonymous surveys: answers carry nobody, yet each account and each browser answers once', async () => {
  const { id, questionIds: [qid] } = await makeSurvey(ctx, { mode: 'open', questions: [{ kind: 'scale', title: 'Nota', required: true, settings: { scaleMin: 1, scaleMax: 5 } }] });
  const fields = { _page: '1', _shown: String(qid), [`q${qid}`]: '5' };
  const visitor = await browser(ctx);
  const first = await post(visitor, id, fields);
  assert.equal(first.statusCode, 303);
  const cookie = String(first.headers['set-cookie']).match(/dz_survey=([^;]+)/)![1];
  const withToken = { cookie: `${visitor.cookie}; dz_survey=${cookie}`, csrf: visitor.csrf };
  assert.equal((await post(withToken, id, fields)).statusCode, 409, 'the same browser cannot answer twice');
  assert.equal((await post(await browser(ctx), id, fields)).statusCode, 303, 'another browser can');

  const person = await browser(ctx, (await makeUser(ctx)).id);
  const both = await Promise.all([post(person, id, fields), post(person, id, fields)]);
  assert.deepEqual(both.map((r) => r.statusCode).sort(), [303, 409]);
  assert.equal(await responses(id), 3);
  const [linked] = await ctx.database.query<{ n: number }>('select count(*)::int as n from survey_responses where survey_id = $1 and (user_id is not null or submitted_at is not null)', [id]);
  assert.equal(linked!.n, 0, 'no response names anyone or keeps its exact time');

  const signedOnly = await makeSurvey(ctx, { mode: 'anonymous_signed_in', questions: [{ kind: 'short_text', title: 'Ceva' }] });
  const anon = await app.inject({ method: 'GET', url: `/surveys/${signedOnly.id}` });
  assert.ok(anon.body.includes('Intrați în cont pentru a răspunde'));
  const refused = await post(await browser(ctx), signedOnly.id, { _page: '1', _shown: String(signedOnly.questionIds[0]) });
  assert.equal(refused.statusCode, 303);
  assert.match(String(refused.headers.location), /^\/login/);
});

test('drafts are invisible and closed surveys take no answers', async () => {
  const draft = await makeSurvey(ctx, { status: 'draft', questions: [{ kind: 'short_text', title: 'Ciornă' }] });
  assert.equal((await app.inject({ method: 'GET', url: `/surveys/${draft.id}` })).statusCode, 404);
  const closed = await makeSurvey(ctx, { status: 'closed', questions: [{ kind: 'short_text', title: 'Închis' }] });
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const res = await post(b, closed.id, { _page: '1', _shown: String(closed.questionIds[0]), [`q${closed.questionIds[0]}`]: 'x' });
  assert.equal(res.statusCode, 409);
  assert.equal(await responses(closed.id), 0);
});
