// The batch statement of ingestion: the redelivery guard, the readings, the latest state and the rule
// lookup in one round trip, and the second pass when some message of the batch was a re-delivery.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../../core/testing/harness.ts';
import { clujPoint, makeGroup } from '../testing/fixtures.ts';
import { applyObservations, type Observation } from './apply.ts';
import { numberArray, textArray } from '../store/array-literals.ts';

const { ctx } = await testApp();
const group = await makeGroup(ctx, { type: 'WasteContainer' });

async function entity(name: string): Promise<number> {
  const [lng, lat] = clujPoint();
  const [row] = await ctx.database.query<{ id: number }>(
    `insert into citydata_entities (urn, type, device_id, group_id, attrs, location)
     values ($1, 'WasteContainer', $2, $3, '{}'::jsonb, ST_SetSRID(ST_MakePoint($4, $5), 4326)) returning id`,
    [`urn:ngsi-ld:WasteContainer:apply:${name}`, name, group.id, lng, lat],
  );
  return row!.id;
}

const obs = (entityId: number, value: number, observedAt: string, key?: [string, number, string]): Observation => ({
  entityId,
  type: 'WasteContainer',
  attrs: { fillingLevel: { type: 'Property', value, observedAt } },
  redelivery: key ? { clientId: key[0], messageId: key[1], digest: key[2] } : undefined,
});

const apply = (batch: Observation[]) => ctx.database.transaction((tx) => applyObservations(ctx, tx, batch, { mergeState: true }));

async function state(id: number) {
  const [row] = await ctx.database.query<{ attrs: Record<string, { value: unknown; observedAt: string }>; lng: number }>(
    `select attrs, ST_X(location) as lng from citydata_entities where id = $1`,
    [id],
  );
  return row!;
}

const count = async (id: number) => (await ctx.database.query<{ n: number }>('select count(*)::int as n from citydata_readings where entity_id = $1', [id]))[0]!.n;

test('a batch with one re-delivered message stores the others, and the re-delivery touches neither readings nor state', async () => {
  const a = await entity('a');
  const b = await entity('b');
  const first = await apply([obs(a, 0.2, '2026-05-01T08:00:00.000001Z', ['dev', 1, 'd1'])]);
  assert.deepEqual([first.stored, first.duplicates], [1, 0]);
  // The re-delivery of message 1 carries a later arrival stamp: were it stored, it would win the state.
  const second = await apply([
    obs(a, 0.9, '2026-05-01T09:00:00.000001Z', ['dev', 1, 'd1']),
    obs(a, 0.5, '2026-05-01T08:30:00.000001Z', ['dev', 2, 'd2']),
    obs(b, 0.7, '2026-05-01T08:30:00.000002Z', ['dev', 3, 'd3']),
    obs(b, 0.8, '2026-05-01T08:40:00Z'),
  ]);
  assert.deepEqual([second.stored, second.duplicates], [3, 1]);
  assert.equal(await count(a), 2);
  assert.equal(await count(b), 2);
  assert.equal((await state(a)).attrs.fillingLevel!.value, 0.5);
  assert.equal((await state(b)).attrs.fillingLevel!.value, 0.8);
  // The same id with other bytes is a new message (the device reused the id after its PUBACK).
  const reused = await apply([obs(a, 0.6, '2026-05-01T10:00:00.000001Z', ['dev', 1, 'other'])]);
  assert.deepEqual([reused.stored, reused.duplicates], [1, 0]);
  assert.equal((await state(a)).attrs.fillingLevel!.value, 0.6);
});

test('the latest state keeps the newest value per attribute, for one-attribute and several-attribute patches alike', async () => {
  const c = await entity('c');
  await apply([
    { entityId: c, type: 'WasteContainer', attrs: { fillingLevel: { type: 'Property', value: 0.4, observedAt: '2026-05-02T10:00:00Z' }, temperature: { type: 'Property', value: 20, observedAt: '2026-05-02T10:00:00Z' } } },
  ]);
  // Older, one attribute: ignored. Several attributes, one older and one newer: only the newer lands.
  await apply([obs(c, 0.1, '2026-05-02T09:00:00Z')]);
  assert.equal((await state(c)).attrs.fillingLevel!.value, 0.4);
  await apply([
    { entityId: c, type: 'WasteContainer', attrs: { fillingLevel: { type: 'Property', value: 0.3, observedAt: '2026-05-02T09:30:00Z' }, temperature: { type: 'Property', value: 22, observedAt: '2026-05-02T11:00:00Z' } } },
  ]);
  let s = await state(c);
  assert.deepEqual([s.attrs.fillingLevel!.value, s.attrs.temperature!.value], [0.4, 22]);
  // A moving device: a newer location alone moves it, an older one does not.
  const lng0 = s.lng;
  await apply([{ entityId: c, type: 'WasteContainer', attrs: { location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [23.61, 46.78] }, observedAt: '2026-05-02T12:00:00Z' } } }]);
  s = await state(c);
  assert.notEqual(s.lng, lng0);
  assert.equal(s.lng, 23.61);
  await apply([{ entityId: c, type: 'WasteContainer', attrs: { location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [23.55, 46.78] }, observedAt: '2026-05-02T11:59:00Z' } } }]);
  assert.equal((await state(c)).lng, 23.61);
  assert.equal((await state(c)).attrs.location!.observedAt, '2026-05-02T12:00:00Z');
});

test('array literals carry any text and number through PostgreSQL unchanged', async () => {
  const texts = ['plain', '', 'NULL', 'null', 'with "quotes"', 'back\\slash', 'back\\n', '{braces},commas', '  spaced  ', 'ăîșțâ ő', '\\"', null];
  const [t] = await ctx.database.query<{ a: (string | null)[] }>('select $1::text[] as a', [textArray(texts)]);
  assert.deepEqual(t!.a, texts);
  // JSON would escape these in ways PostgreSQL reads differently.
  const odd = [...texts, 'line\nbreak\ttab', 'bell\u0007', 'emoji 🚮'];
  const [o] = await ctx.database.query<{ a: (string | null)[] }>('select $1::text[] as a', [textArray(odd)]);
  assert.deepEqual(o!.a, odd);
  const nums = [0, -1, 1.5, 1e-7, 123456789012, null, 0.1 + 0.2];
  const [n] = await ctx.database.query<{ a: (number | null)[] }>('select $1::float8[] as a', [numberArray(nums)]);
  assert.deepEqual(n!.a, nums);
  const [e] = await ctx.database.query<{ a: string[] }>('select $1::text[] as a', [textArray([])]);
  assert.deepEqual(e!.a, []);
});
