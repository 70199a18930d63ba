// MQTT ingestion against the embedded broker on a free port, with a real mqtt.js client: JSON and
// UltraLight 2.0 payloads, the PUBACK only after the reading is stored, unknown devices dropped.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import mqtt from 'mqtt';
import { testApp } from '../../../core/testing/harness.ts';
import { clujPoint, makeGroup } from '../testing/fixtures.ts';
import { startIngestion } from './service.ts';
import { parsePayload } from './payload.ts';

const { app, ctx } = await testApp();
const ingestion = await startIngestion(ctx, { port: 0, host: '127.0.0.1' });
const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${ingestion.port}`, { clientId: 'mqtt-test' });
after(async () => {
  await client.endAsync();
  await ingestion.stop();
});

const group = await makeGroup(ctx, { type: 'WasteContainer' });
for (const device of ['bin-1', 'bin-2']) {
  const [lng, lat] = clujPoint();
  const res = await app.inject({
    method: 'POST',
    url: '/ngsi-ld/v1/entities?options=keyValues',
    headers: { 'content-type': 'application/json', 'x-api-key': group.apiKey },
    payload: JSON.stringify({ id: `urn:ngsi-ld:WasteContainer:cluj:${device}`, type: 'WasteContainer', name: device, fillingLevel: 0.1, location: { type: 'Point', coordinates: [lng, lat] } }),
  });
  assert.equal(res.statusCode, 201, res.body);
}

async function readings(urn: string, attr: string) {
  return ctx.database.query<{ num: number | null; val: unknown; at: string }>(
    `select r.num, r.val, r.observed_at::text as at from citydata_readings r join citydata_entities e on e.id = r.entity_id where e.urn = $1 and r.attr = $2 order by r.observed_at`,
    [urn, attr],
  );
}

test('a JSON message is stored (reading + latest state) before its PUBACK', async () => {
  await client.publishAsync(`dezvolt/${group.apiKey}/bin-1/attrs`, JSON.stringify({ fillingLevel: 0.42, temperature: 18.5, observedAt: '2026-03-01T08:00:00Z' }), { qos: 1 });
  // No waiting: the acknowledgement itself promises the commit.
  const rows = await readings('urn:ngsi-ld:WasteContainer:cluj:bin-1', 'fillingLevel');
  assert.ok(rows.some((r) => r.num === 0.42));
  const [e] = await ctx.database.query<{ attrs: Record<string, { value: unknown; observedAt: string; unitCode?: string }> }>(`select attrs from citydata_entities where urn = $1`, [
    'urn:ngsi-ld:WasteContainer:cluj:bin-1',
  ]);
  assert.equal(e!.attrs.fillingLevel!.value, 0.42);
  assert.equal(e!.attrs.fillingLevel!.unitCode, 'C62');
  assert.equal(e!.attrs.temperature!.observedAt, '2026-03-01T08:00:00.000Z');
  // An older message never rolls the latest state back.
  await client.publishAsync(`dezvolt/${group.apiKey}/bin-1/attrs`, JSON.stringify({ fillingLevel: 0.3, observedAt: '2026-02-01T08:00:00Z' }), { qos: 1 });
  const [still] = await ctx.database.query<{ v: number }>(`select (attrs->'fillingLevel'->>'value')::float8 as v from citydata_entities where urn = $1`, ['urn:ngsi-ld:WasteContainer:cluj:bin-1']);
  assert.equal(still!.v, 0.42);
  assert.equal((await readings('urn:ngsi-ld:WasteContainer:cluj:bin-1', 'fillingLevel')).length, 3);
});

test('UltraLight 2.0 measures, with short codes and timestamps', async () => {
  await client.publishAsync(`/ul/${group.apiKey}/bin-2/attrs`, 'f|0.55|t|12', { qos: 1 });
  await client.publishAsync(`/ul/${group.apiKey}/bin-2/attrs`, '2026-03-01T09:00:00Z|f|0.6#2026-03-01T10:00:00Z|f|0.65|s|ok', { qos: 1 });
  const fill = await readings('urn:ngsi-ld:WasteContainer:cluj:bin-2', 'fillingLevel');
  assert.ok(fill.some((r) => r.num === 0.55));
  assert.ok(fill.some((r) => r.num === 0.6 && r.at.startsWith('2026-03-01 09:00:00')));
  assert.ok(fill.some((r) => r.num === 0.65 && r.at.startsWith('2026-03-01 10:00:00')));
  const status = await readings('urn:ngsi-ld:WasteContainer:cluj:bin-2', 'status');
  assert.deepEqual(status.map((r) => r.val), ['ok']);
  assert.deepEqual(parsePayload('ul', 'WasteContainer', Buffer.from('f|0.5|x')), null);
});

test('a QoS 1 message repeated with the same id and bytes is stored once', async () => {
  const before = (await readings('urn:ngsi-ld:WasteContainer:cluj:bin-2', 'temperature')).length;
  const raw = await mqtt.connectAsync(`mqtt://127.0.0.1:${ingestion.port}`, { clientId: 'redelivery-test' });
  // The same packet twice, as a device does when the PUBACK was lost: mqtt.js keeps the id we give it.
  const packet = { topic: `/ul/${group.apiKey}/bin-2/attrs`, payload: Buffer.from('t|21'), qos: 1 as const, messageId: 4242, cmd: 'publish' as const, retain: false, dup: false };
  await new Promise<void>((resolve, reject) => (raw as unknown as { _sendPacket(p: unknown, cb: (e?: Error) => void): void })._sendPacket(packet, (e) => (e ? reject(e) : resolve())));
  await new Promise<void>((resolve, reject) => (raw as unknown as { _sendPacket(p: unknown, cb: (e?: Error) => void): void })._sendPacket({ ...packet, dup: true }, (e) => (e ? reject(e) : resolve())));
  await client.publishAsync(`/ul/${group.apiKey}/bin-2/attrs`, 't|22', { qos: 1 });
  await raw.endAsync();
  const temps = await readings('urn:ngsi-ld:WasteContainer:cluj:bin-2', 'temperature');
  assert.equal(temps.filter((r) => r.num === 21).length, 1);
  assert.equal(temps.length, before + 2);
});

test('the same bytes with a recycled id on the same connection, without DUP, are a new reading', async () => {
  const before = (await readings('urn:ngsi-ld:WasteContainer:cluj:bin-2', 'temperature')).filter((r) => r.num === 23).length;
  // A gateway reuses a message id once it has the PUBACK; a sensor repeats its value.
  const raw = await mqtt.connectAsync(`mqtt://127.0.0.1:${ingestion.port}`, { clientId: 'recycled-ids-test' });
  const internals = raw as unknown as { _sendPacket(p: unknown, cb: (e?: Error) => void): void };
  const packet = { topic: `/ul/${group.apiKey}/bin-2/attrs`, payload: Buffer.from('t|23'), qos: 1 as const, messageId: 4343, cmd: 'publish' as const, retain: false, dup: false };
  for (let i = 0; i < 2; i++) {
    const acked = new Promise<void>((resolve) => raw.on('packetreceive', (p) => p.cmd === 'puback' && p.messageId === 4343 && resolve()));
    await new Promise<void>((resolve, reject) => internals._sendPacket(packet, (e) => (e ? reject(e) : resolve())));
    await acked;
  }
  await raw.endAsync();
  const after = (await readings('urn:ngsi-ld:WasteContainer:cluj:bin-2', 'temperature')).filter((r) => r.num === 23).length;
  assert.equal(after - before, 2);
});

test('unknown keys, unknown devices and unreadable payloads are dropped and counted, never crash the broker', async () => {
  const before = ingestion.stats.received;
  await client.publishAsync(`dezvolt/not-a-key/bin-1/attrs`, JSON.stringify({ fillingLevel: 1 }), { qos: 1 });
  await client.publishAsync(`dezvolt/${group.apiKey}/no-such-bin/attrs`, JSON.stringify({ fillingLevel: 1 }), { qos: 1 });
  await client.publishAsync(`dezvolt/${group.apiKey}/bin-1/attrs`, '{not json', { qos: 1 });
  await client.publishAsync(`something/else`, 'x', { qos: 1 });
  await client.publishAsync(`dezvolt/${group.apiKey}/bin-1/attrs`, JSON.stringify({ fillingLevel: 0.5 }), { qos: 1 });
  assert.equal(ingestion.stats.received - before, 5);
  const [n] = await ctx.database.query<{ name: string; n: number }>(`select coalesce(sum(n), 0)::int as n from citydata_counters where name like 'dropped.%'`);
  assert.equal(n!.n, 4);
  // Nobody may read other devices' topics (they carry API keys): the broker grants no subscription.
  await assert.rejects(client.subscribeAsync(`dezvolt/#`, { qos: 1 }), /Subscribe error/);
});
