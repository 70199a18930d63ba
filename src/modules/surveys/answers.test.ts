// Reading and checking answers for every question kind, and conditional display.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnswer, readAnswer, type FormBody } from './answers.ts';
import { keepVisible, nextPage, visibleQuestionIds } from './conditions.ts';
import { keyedChoices, type Question } from './questions.ts';

let nextId = 1;
function q(kind: Question['kind'], extra: Partial<Question> = {}): Question {
  return { id: nextId++, page: 1, position: nextId, kind, title: kind, help: '', required: false, choices: [], rows: [], settings: {}, condition: null, ...extra };
}
const choices = (...labels: string[]) => labels.map((label, i) => ({ key: `c${i + 1}`, label }));
const rows = (...labels: string[]) => labels.map((label, i) => ({ key: `r${i + 1}`, label }));
/** Reads the form and checks the value, as one submission does. */
function answer(question: Question, body: FormBody): { value?: unknown; error?: string } {
  const read = readAnswer(question, body);
  if (read.error) return { error: read.error.key };
  const error = checkAnswer(question, read.value);
  if (error) return { error: error.key };
  return read.value === undefined ? {} : { value: read.value };
}

test('short and long text: trimmed, required, length-limited', () => {
  const short = q('short_text', { required: true, settings: { maxLength: 10 } });
  assert.deepEqual(answer(short, { [`q${short.id}`]: '  Mărăști  ' }), { value: 'Mărăști' });
  assert.equal(answer(short, { [`q${short.id}`]: '   ' }).error, 'surveys.err.required');
  assert.equal(answer(short, { [`q${short.id}`]: 'prea lung pentru zece' }).error, 'surveys.err.tooLong');
  const long = q('long_text');
  assert.deepEqual(answer(long, { [`q${long.id}`]: 'rând 1\r\nrând 2' }), { value: 'rând 1\nrând 2' });
  assert.deepEqual(answer(long, {}), {}, 'optional and empty is fine');
});

test('single choice accepts only its own keys', () => {
  const s = q('single_choice', { required: true, choices: choices('DA', 'NU') });
  assert.deepEqual(answer(s, { [`q${s.id}`]: 'c2' }), { value: 'c2' });
  assert.equal(answer(s, { [`q${s.id}`]: 'c9' }).error, 'surveys.err.choice');
  assert.equal(answer(s, {}).error, 'surveys.err.required');
});

test('multiple choice: known keys, no repeats, at most maxChoices', () => {
  const m = q('multiple_choice', { choices: choices('a', 'b', 'c', 'd'), settings: { maxChoices: 2 } });
  assert.deepEqual(answer(m, { [`q${m.id}`]: ['c1', 'c3'] }), { value: ['c1', 'c3'] });
  assert.deepEqual(answer(m, { [`q${m.id}`]: 'c4' }), { value: ['c4'] }, 'one checkbox arrives as a string');
  assert.equal(answer(m, { [`q${m.id}`]: ['c1', 'c2', 'c3'] }).error, 'surveys.err.maxChoices');
  assert.equal(answer(m, { [`q${m.id}`]: ['c1', 'c1'] }).error, 'surveys.err.choice');
  assert.equal(answer(m, { [`q${m.id}`]: ['c1', 'x'] }).error, 'surveys.err.choice');
});

test('scale accepts the points between its ends only', () => {
  const s = q('scale', { required: true, settings: { scaleMin: 1, scaleMax: 5 } });
  assert.deepEqual(answer(s, { [`q${s.id}`]: '4' }), { value: 4 });
  assert.equal(answer(s, { [`q${s.id}`]: '6' }).error, 'surveys.err.scale');
  assert.equal(answer(s, { [`q${s.id}`]: '2.5' }).error, 'surveys.err.scale');
  assert.equal(answer(s, { [`q${s.id}`]: 'mult' }).error, 'surveys.err.scale');
});

test('matrix single: one known column per known row; required means every row', () => {
  const m = q('matrix_single', { required: true, rows: rows('Mediu', 'Transport'), choices: choices('Deloc', 'Mult') });
  assert.deepEqual(answer(m, { [`q${m.id}_r1`]: 'c1', [`q${m.id}_r2`]: 'c2' }), { value: { r1: 'c1', r2: 'c2' } });
  assert.equal(answer(m, { [`q${m.id}_r1`]: 'c1' }).error, 'surveys.err.matrixRows');
  assert.equal(answer(m, { [`q${m.id}_r1`]: 'c1', [`q${m.id}_r2`]: 'c7' }).error, 'surveys.err.choice');
  assert.equal(checkAnswer(m, { r1: 'c1', r2: 'c1', r9: 'c1' })?.key, 'surveys.err.choice', 'an unknown row is refused');
});

test('matrix multiple: several known columns per row', () => {
  const m = q('matrix_multiple', { rows: rows('Luni', 'Marți'), choices: choices('Dimineața', 'Seara') });
  assert.deepEqual(answer(m, { [`q${m.id}_r1`]: ['c1', 'c2'] }), { value: { r1: ['c1', 'c2'] } });
  assert.equal(checkAnswer(m, { r1: 'c1' } as never)?.key, 'surveys.err.choice', 'a single value where a list belongs is refused');
  assert.equal(answer(m, { [`q${m.id}_r2`]: ['c1', 'zz'] }).error, 'surveys.err.choice');
});

test('ranking: every option gets a different place; the value is the order', () => {
  const r = q('ranking', { choices: choices('Parcuri', 'Piste', 'Parcări') });
  assert.deepEqual(answer(r, { [`q${r.id}_c1`]: '2', [`q${r.id}_c2`]: '1', [`q${r.id}_c3`]: '3' }), { value: ['c2', 'c1', 'c3'] });
  assert.equal(answer(r, { [`q${r.id}_c1`]: '1', [`q${r.id}_c2`]: '1', [`q${r.id}_c3`]: '3' }).error, 'surveys.err.ranking');
  assert.equal(answer(r, { [`q${r.id}_c1`]: '1' }).error, 'surveys.err.ranking', 'a partial ranking is refused');
  assert.deepEqual(answer(r, {}), {}, 'optional ranking left alone');
  assert.equal(checkAnswer(r, ['c1', 'c2', 'c2'])?.key, 'surveys.err.ranking');
});

test('number: decimal comma, integer and range settings', () => {
  const n = q('number', { settings: { numberMin: 0, numberMax: 120, integer: true } });
  assert.deepEqual(answer(n, { [`q${n.id}`]: '42' }), { value: 42 });
  assert.equal(answer(n, { [`q${n.id}`]: '4,5' }).error, 'surveys.err.integer');
  assert.equal(answer(n, { [`q${n.id}`]: '121' }).error, 'surveys.err.numberRange');
  assert.equal(answer(n, { [`q${n.id}`]: 'patruzeci' }).error, 'surveys.err.number');
  const d = q('number');
  assert.deepEqual(answer(d, { [`q${d.id}`]: '4,5' }), { value: 4.5 });
});

test('date: a real calendar day inside the range', () => {
  const d = q('date', { settings: { dateMin: '2023-07-01', dateMax: '2023-07-31' } });
  assert.deepEqual(answer(d, { [`q${d.id}`]: '2023-07-20' }), { value: '2023-07-20' });
  assert.equal(answer(d, { [`q${d.id}`]: '2023-02-30' }).error, 'surveys.err.date');
  assert.equal(answer(d, { [`q${d.id}`]: '20.07.2023' }).error, 'surveys.err.date');
  assert.equal(answer(d, { [`q${d.id}`]: '2023-08-01' }).error, 'surveys.err.dateRange');
});

test('point on the map: both coordinates, as numbers, on Earth', () => {
  const p = q('map_point', { required: true });
  assert.deepEqual(answer(p, { [`q${p.id}_lat`]: '46,7712', [`q${p.id}_lng`]: '23.6236' }), { value: { lat: 46.7712, lng: 23.6236 } });
  assert.equal(answer(p, { [`q${p.id}_lat`]: '46.77' }).error, 'surveys.err.point');
  assert.equal(answer(p, { [`q${p.id}_lat`]: '146', [`q${p.id}_lng`]: '23' }).error, 'surveys.err.point');
  assert.equal(answer(p, {}).error, 'surveys.err.required');
});

test('conditional display follows chains and drops answers to hidden questions', () => {
  const member = q('single_choice', { choices: choices('DA', 'NU') });
  const why = q('long_text', { condition: { questionId: member.id, op: 'is', value: 'c2' } });
  const domains = q('multiple_choice', { page: 2, choices: choices('mediu', 'social') });
  const env = q('short_text', { page: 2, condition: { questionId: domains.id, op: 'is', value: 'c1' } });
  const notSocial = q('short_text', { page: 3, condition: { questionId: domains.id, op: 'is_not', value: 'c2' } });
  const chained = q('short_text', { page: 3, condition: { questionId: why.id, op: 'is', value: 'x' } });
  const all = [member, why, domains, env, notSocial, chained];
  assert.deepEqual([...visibleQuestionIds(all, {})], [member.id, domains.id]);
  assert.deepEqual([...visibleQuestionIds(all, { [member.id]: 'c2', [domains.id]: ['c1'] })], [member.id, why.id, domains.id, env.id, notSocial.id]);
  assert.ok(!visibleQuestionIds(all, { [domains.id]: ['c1', 'c2'] }).has(notSocial.id));
  assert.equal(nextPage(all, { [domains.id]: ['c2'] }, 2), null, 'page 3 has nothing to show');
  assert.equal(nextPage(all, { [domains.id]: ['c1'] }, 2), 3);
  assert.deepEqual(keepVisible(all, { [member.id]: 'c1', [why.id]: 'ascuns' }), { [member.id]: 'c1' });
});

test('editing choices keeps the keys of labels that stayed', () => {
  const before = [
    { key: 'c1', label: 'DA' },
    { key: 'c2', label: 'NU' },
  ];
  assert.deepEqual(keyedChoices(['NU', 'Poate', 'DA', ''], before, 'c'), [
    { key: 'c2', label: 'NU' },
    { key: 'c3', label: 'Poate' },
    { key: 'c1', label: 'DA' },
  ]);
});
