// Hysteresis: a container crossing 80 % opens exactly one work order in Salubritate's queue, no
// matter how it hovers around the threshold, and a new one only after it was emptied. PM10 over the
// limit raises one public alert event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../../core/testing/harness.ts';
import { seedDemo } from '../../../core/seed/demo.ts';
import { demoKey } from '../demo-city.ts';
import { crosses, type Rule } from './evaluate.ts';
import { createRule } from '../commands/rules.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);

async function send(key: string, id: string, attrs: Record<string, unknown>) {
  const res = await app.inject({
    method: 'PATCH',
    url: `/ngsi-ld/v1/entities/${id}/attrs`,
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    payload: JSON.stringify(Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, { type: 'Property', value: v }]))),
  });
  assert.equal(res.statusCode, 204, res.body);
}

async function workOrders(urn: string) {
  return ctx.database.query<{ id: number; status: string; department: string; category: string }>(
    `select r.id::int as id, r.status, d.slug as department, c.code as category from reports r
     join departments d on d.id = r.department_id join categories c on c.id = r.category_id where r.device_id = $1 order by r.id`,
    [urn],
  );
}

test('hysteresis decides when a rule triggers and re-arms', () => {
  const rule = { direction: 'above', threshold: 0.8, reset: 0.2 } as Rule;
  assert.equal(crosses(rule, false, 0.79), null);
  assert.equal(crosses(rule, false, 0.8), true);
  assert.equal(crosses(rule, true, 0.5), null);
  assert.equal(crosses(rule, true, 0.2), false);
  const low = { direction: 'below', threshold: 5, reset: 15 } as Rule;
  assert.equal(crosses(low, false, 4), true);
  assert.equal(crosses(low, true, 10), null);
  assert.equal(crosses(low, true, 16), false);
});

test('a container crossing 80 % opens exactly one work order in the Salubritate queue until emptied', async () => {
  const urn = 'urn:ngsi-ld:WasteContainer:cluj:demo-w-0';
  const key = demoKey('WasteContainer');
  for (const level of [0.5, 0.82, 0.9, 0.78, 0.85, 0.95]) await send(key, urn, { fillingLevel: level });
  const first = await workOrders(urn);
  assert.equal(first.length, 1, JSON.stringify(first));
  assert.deepEqual({ status: first[0]!.status, department: first[0]!.department, category: first[0]!.category }, { status: 'new', department: 'salubritate', category: 'waste.uncollected' });
  const [text] = await ctx.database.query<{ description: string }>('select description from reports where id = $1', [first[0]!.id]);
  assert.match(text!.description, /82 %/, "the value that crossed the threshold");

  await send(key, urn, { fillingLevel: 0.05 }); // emptied: the rule re-arms
  await send(key, urn, { fillingLevel: 0.81 });
  assert.equal((await workOrders(urn)).length, 2);
  const [state] = await ctx.database.query<{ report_id: number }>(
    `select s.report_id::int as report_id from citydata_rule_states s join citydata_entities e on e.id = s.entity_id where e.urn = $1`,
    [urn],
  );
  assert.equal(state!.report_id, (await workOrders(urn))[1]!.id);
});

test('PM10 above the limit raises one public alert and clears below the reset level', async () => {
  const urn = 'urn:ngsi-ld:AirQualityObserved:cluj:demo-aq-1';
  const key = demoKey('AirQualityObserved');
  const before = await ctx.database.query<{ n: number }>(`select count(*)::int as n from events where type = 'citydata.alert'`);
  for (const pm10 of [55, 60, 45, 52]) await send(key, urn, { pm10 });
  const after = await ctx.database.query<{ n: number; payload: { name: string; limit: number } }>(
    `select count(*) over ()::int as n, payload from events where type = 'citydata.alert' and public order by id desc`,
  );
  assert.equal(after[0]!.n - before[0]!.n, 1);
  assert.equal(after[0]!.payload.limit, 50);
  const open = await ctx.database.query(`select 1 from citydata_alerts a join citydata_entities e on e.id = a.entity_id where e.urn = $1 and a.cleared_at is null`, [urn]);
  assert.equal(open.length, 1);
  await send(key, urn, { pm10: 30 });
  const cleared = await ctx.database.query(`select 1 from events where type = 'citydata.alertCleared'`);
  assert.equal(cleared.length, 1);
});

test('a rule needs its reset on the other side of the threshold and a category for work orders', async () => {
  const bad = await createRule(ctx.database, { name: 'x', entityType: 'WasteContainer', attr: 'fillingLevel', direction: 'above', threshold: 0.8, reset: 0.9, action: 'work_order', categoryCode: null });
  assert.deepEqual(bad.kind === 'invalid' && bad.errors.map((e) => e.field), ['reset', 'category']);
});
