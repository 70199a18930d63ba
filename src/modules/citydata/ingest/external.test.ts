// The external-broker path (MQTT_URL): a plain aedes broker on a free port stands in for Mosquitto.
// The ingestion's mqtt.js client must group-commit (many messages per transaction) and still send each
// PUBACK only after its reading is committed.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { testApp } from '../../../core/testing/harness.ts';
import { clujPoint, makeGroup } from '../testing/fixtures.ts';
import { startIngestion } from './service.ts';

const { ctx } = await testApp();
const broker = await Aedes.createBroker();
const server = createServer(broker.handle as never);
const port = await new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));
after(async () => {
  await new Promise<void>((r) => broker.close(() => r()));
  await new Promise<void>((r) => server.close(() => r()));
});

const group = await makeGroup(ctx, { type: 'WasteContainer' });
const DEVICES = 5;
for (let i = 0; i < DEVICES; i++) {
  const [lng, lat] = clujPoint();
  await ctx.database.query(
    `insert into citydata_entities (urn, type, device_id, group_id, attrs, location)
     values ($1, 'WasteContainer', $2, $3, '{}'::jsonb, ST_SetSRID(ST_MakePoint($4, $5), 4326))`,
    [`urn:ngsi-ld:WasteContainer:external:x${i}`, `x${i}`, group.id, lng, lat],
  );
}

test('messages from an external broker are committed in batches, each acknowledged only after its commit', async () => {
  const subscribed = new Promise<void>((r) => broker.once('subscribe', () => r()));
  const ingestion = await startIngestion(ctx, { url: `mqtt://127.0.0.1:${port}` });
  await subscribed;
  // The broker hears the ingestion client's PUBACKs in order: the n-th must find n messages committed.
  let acks = 0;
  const early: number[] = [];
  broker.on('ack', (_packet, client) => {
    if (!client?.id.startsWith('dezvolt-ingest-')) return;
    acks++;
    if (ingestion.stats.committed + ingestion.stats.duplicates < acks) early.push(acks);
  });
  const MESSAGES = 400;
  const publisher = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { clientId: 'external-test-publisher' });
  await Promise.all(
    Array.from({ length: MESSAGES }, (_, n) => publisher.publishAsync(`dezvolt/${group.apiKey}/x${n % DEVICES}/attrs`, JSON.stringify({ fillingLevel: n / MESSAGES }), { qos: 1 })),
  );
  await publisher.endAsync();
  const deadline = Date.now() + 20_000;
  while (acks < MESSAGES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await ingestion.stop();
  assert.equal(acks, MESSAGES, 'every message acknowledged to the broker');
  assert.deepEqual(early, [], 'PUBACKs sent before the commit');
  const [n] = await ctx.database.query<{ n: number }>(
    `select count(*)::int as n from citydata_readings r join citydata_entities e on e.id = r.entity_id where e.urn like 'urn:ngsi-ld:WasteContainer:external:%'`,
  );
  assert.equal(n!.n, MESSAGES);
  assert.equal(ingestion.stats.committed, MESSAGES);
  // One message per transaction was the old behaviour of this path.
  assert.ok(ingestion.stats.batches <= MESSAGES / 5, `${ingestion.stats.batches} transactions for ${MESSAGES} messages`);
});
