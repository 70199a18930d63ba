// The admin builder over HTTP, then results and the CSV export of what people answered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { formBody } from './testing/fixtures.ts';
import { getQuestions } from './queries.ts';
import { EXERCISE_SHEET } from './seed.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const admin = await browser(ctx, (await makeUser(ctx, { role: 'admin' })).id);

async function adminPost(url: string, fields: Record<string, string | string[]>, who = admin) {
  return app.inject({ method: 'POST', url, headers: { ...FORM, cookie: who.cookie }, payload: formBody({ _csrf: who.csrf, ...fields }) });
}

test('an admin builds a survey with every question kind, a condition and validation of settings', async () => {
  const created = await adminPost('/admin/surveys', { title: 'Mobilitate în cartier', description: 'Cum vă deplasați?', mode: 'anonymous_signed_in', resultsPublic: 'on', spaceId: '' });
  assert.equal(created.statusCode, 303, created.body.slice(0, 300));
  const id = Number(String(created.headers.location).split('/').pop());

  const add = (fields: Record<string, string>) => adminPost(`/admin/surveys/${id}/questions`, { page: '1', ...fields });
  const tooFew = await add({ kind: 'single_choice', title: 'O singură variantă?', choices: 'doar una' });
  assert.equal(tooFew.statusCode, 400);
  assert.ok(tooFew.body.includes('Scrieți între 2 și 30 de variante'));
  const badScale = await add({ kind: 'scale', title: 'Scala', scaleMin: '1', scaleMax: '15' });
  assert.equal(badScale.statusCode, 400);
  assert.ok(badScale.body.includes('Scala începe de la 0 sau 1'));
  const badMax = await add({ kind: 'multiple_choice', title: 'Maxim', choices: 'a\nb', maxChoices: '3' });
  assert.equal(badMax.statusCode, 400);

  const kinds: Record<string, string>[] = [
    { kind: 'single_choice', title: 'Aveți bicicletă?', choices: 'DA\nNU', required: 'on' },
    { kind: 'short_text', title: 'Ce model?', maxLength: '80' },
    { kind: 'long_text', title: 'Povestiți un drum', page: '2' },
    { kind: 'multiple_choice', title: 'Ce folosiți?', choices: 'autobuz\ntren\nmașină', maxChoices: '2', page: '2' },
    { kind: 'scale', title: 'Cât de sigur vă simțiți?', scaleMin: '1', scaleMax: '5', minLabel: 'deloc', maxLabel: 'foarte', page: '2' },
    { kind: 'matrix_single', title: 'Frecvența', rows: 'Autobuz\nBicicletă', choices: 'rar\ndes', page: '2' },
    { kind: 'matrix_multiple', title: 'Momentele zilei', rows: 'Luni\nVineri', choices: 'dimineața\nseara', page: '2' },
    { kind: 'ranking', title: 'Priorități', choices: 'piste\ntrotuare\nparcări', page: '2' },
    { kind: 'number', title: 'Kilometri pe zi', numberMin: '0', numberMax: '300', page: '2' },
    { kind: 'date', title: 'Ultimul drum', page: '2' },
    { kind: 'map_point', title: 'Cea mai periculoasă intersecție', page: '2' },
  ];
  for (const fields of kinds) {
    const res = await add(fields);
    assert.equal(res.statusCode, 303, `${fields.kind}: ${res.body.slice(0, 400)}`);
  }
  let questions = await getQuestions(ctx.database, id);
  assert.equal(questions.length, 11);
  const bike = questions.find((q) => q.title === 'Aveți bicicletă?')!;
  const model = questions.find((q) => q.title === 'Ce model?')!;

  // A condition must point at an earlier question's real answer.
  const wrongCond = await adminPost(`/admin/surveys/${id}/questions/${model.id}`, { kind: 'short_text', title: 'Ce model?', page: '1', condition: `${bike.id}:c9`, conditionOp: 'is' });
  assert.equal(wrongCond.statusCode, 400);
  assert.ok(wrongCond.body.includes('Alegeți un răspuns al unei întrebări aflate înaintea acesteia'));
  const cond = await adminPost(`/admin/surveys/${id}/questions/${model.id}`, { kind: 'short_text', title: 'Ce model?', page: '1', condition: `${bike.id}:c1`, conditionOp: 'is' });
  assert.equal(cond.statusCode, 303);
  const editPage = await app.inject({ method: 'GET', url: `/admin/surveys/${id}/questions/${model.id}`, headers: { cookie: admin.cookie } });
  assert.ok(editPage.body.includes('Aveți bicicletă? → DA'));

  // Moving the dependent question above its source is refused; other moves work.
  const up = await adminPost(`/admin/surveys/${id}/questions/${model.id}/move`, { direction: 'up' });
  assert.equal(up.statusCode, 303);
  questions = await getQuestions(ctx.database, id);
  assert.ok(questions.find((q) => q.id === model.id)!.position > questions.find((q) => q.id === bike.id)!.position);

  const page = await app.inject({ method: 'GET', url: `/admin/surveys/${id}`, headers: { cookie: admin.cookie } });
  assert.ok(page.body.includes('Pagina 2') && page.body.includes('apare în funcție de „Aveți bicicletă?”'));

  assert.equal((await adminPost(`/admin/surveys/${id}/status`, { to: 'open' })).statusCode, 303);
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  const form = await app.inject({ method: 'GET', url: `/surveys/${id}`, headers: { cookie: citizen.cookie } });
  assert.ok(form.body.includes('Aveți bicicletă?') && !form.body.includes('Ce model?'));

  // Deleting the source frees its dependent question.
  assert.equal((await adminPost(`/admin/surveys/${id}/questions/${bike.id}/delete`, {})).statusCode, 303);
  assert.equal((await getQuestions(ctx.database, id)).find((q) => q.id === model.id)!.condition, null);
});

test('only admins reach the builder', async () => {
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await app.inject({ method: 'GET', url: '/admin/surveys', headers: { cookie: citizen.cookie } })).statusCode, 403);
  assert.equal((await adminPost('/admin/surveys', { title: 'x', mode: 'open' }, citizen)).statusCode, 403);
  const anon = await app.inject({ method: 'GET', url: '/admin/surveys' });
  assert.equal(anon.statusCode, 303);
  assert.ok(String(anon.headers.location).startsWith('/login'));
});

test('results show counts and charts; the CSV has one line per response and is admin-only', async () => {
  const [sheet] = await ctx.database.query<{ id: number }>('select id from surveys where title = $1', [EXERCISE_SHEET.title]);
  const id = sheet!.id;
  const questions = await getQuestions(ctx.database, id);
  assert.deepEqual(questions.map((q) => q.title), EXERCISE_SHEET.questions.map((q) => q.title), 'the demo has the exercise sheet as printed');
  const [q1, q2, q3, , q5] = questions;
  const answer = async (member: string, measure: string, text: string, domain: string) => {
    const b = await browser(ctx);
    const p1 = await adminPost(`/surveys/${id}`, { _page: '1', _shown: questions.slice(0, 4).map((q) => q.id).join(','), [`q${q1!.id}`]: member, [`q${q2!.id}`]: measure, [`q${q3!.id}`]: text }, b);
    assert.equal(p1.statusCode, 200);
    const state = /name="_state" value="([^"]*)"/.exec(p1.body)![1]!.replace(/&quot;/g, '"');
    const p2 = await adminPost(`/surveys/${id}`, { _page: '2', _shown: questions.slice(4).map((q) => q.id).join(','), _state: state, [`q${q5!.id}`]: domain }, b);
    assert.equal(p2.statusCode, 303);
  };
  await answer('c1', 'c3', 'Voluntariat la o asociație de cartier', 'Protecția mediului');
  await answer('c1', 'c2', '=cmd|calc', 'Egalitate de șanse, nediscriminare');
  await answer('c2', 'c3', '', '');

  const results = await app.inject({ method: 'GET', url: `/surveys/${id}/results` });
  assert.equal(results.statusCode, 200, 'the demo results are public');
  assert.ok(results.body.includes('3 răspunsuri'));
  assert.ok(results.body.includes('<caption>Câte persoane au ales fiecare variantă</caption>'));
  assert.match(results.body, /<th scope="row">DA<\/th><td class="num">2<\/td><td class="num">67[\s\u00a0]%<\/td>/);
  assert.match(results.body, /<th scope="row">În mică măsură<\/th><td class="num">2<\/td>/);
  assert.ok(!results.body.includes('Voluntariat la o asociație'), 'free text is not public');
  const adminView = await app.inject({ method: 'GET', url: `/surveys/${id}/results`, headers: { cookie: admin.cookie } });
  assert.ok(adminView.body.includes('Voluntariat la o asociație de cartier'));

  const csv = await app.inject({ method: 'GET', url: `/surveys/${id}/results.csv`, headers: { cookie: admin.cookie } });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  const lines = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  assert.equal(lines.length, 4);
  assert.ok(lines[0]!.startsWith('Răspuns nr.,Data,Faceți parte din comunitatea locală'));
  assert.ok(!lines[0]!.includes('Persoana'), 'an anonymous survey names nobody');
  assert.ok(lines.some((l) => l.includes(',DA,În mică măsură,Voluntariat la o asociație de cartier,,Protecția mediului,')));
  assert.ok(lines.some((l) => l.includes(`,'=cmd|calc,`)), 'a formula is defused');
  assert.ok(lines.some((l) => l.includes('"Egalitate de șanse, nediscriminare"')));

  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await app.inject({ method: 'GET', url: `/surveys/${id}/results.csv`, headers: { cookie: citizen.cookie } })).statusCode, 403);
  assert.equal((await app.inject({ method: 'GET', url: `/surveys/${id}/results.csv` })).statusCode, 303);
});

test('survey results stay private until the admin publishes them', async () => {
  const created = await adminPost('/admin/surveys', { title: 'Rezultate private', mode: 'signed_in' });
  const id = Number(String(created.headers.location).split('/').pop());
  await adminPost(`/admin/surveys/${id}/questions`, { kind: 'short_text', title: 'Ceva', page: '1' });
  await adminPost(`/admin/surveys/${id}/status`, { to: 'open' });
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await app.inject({ method: 'GET', url: `/surveys/${id}/results`, headers: { cookie: citizen.cookie } })).statusCode, 403);
  assert.equal((await app.inject({ method: 'GET', url: `/surveys/${id}/results`, headers: { cookie: admin.cookie } })).statusCode, 200);
});
