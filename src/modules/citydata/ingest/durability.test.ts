// The durability promise: a QoS 1 reading is acknowledged only once it is committed. A storm
// of QoS 1 messages is published to a real `dezvolt start`, the server is killed with SIGKILL
// half-way, restarted on the same data dir and MQTT port, and every acknowledged reading must be
// stored exactly once (no loss, no duplicate from the client's re-sends). On the embedded PGlite, and
// on PostgreSQL too when DATABASE_URL_TEST names a server (in a database of its own, dropped after).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import pg from 'pg';
import { startDezvolt, stopAll, type Running } from '../../../core/testing/dezvolt-process.ts';
import { brokerPort } from '../testing/broker-port.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'dz-citydata-kill-'));
const pgUrl = process.env.DATABASE_URL_TEST;
const pgDb = `dz_citydata_kill_${process.pid}`;
async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
let databaseUrl = '';
if (pgUrl) {
  await admin(`create database ${pgDb}`);
  const u = new URL(pgUrl);
  u.pathname = `/${pgDb}`;
  databaseUrl = u.toString();
}
after(async () => {
  await stopAll();
  rmSync(dataDir, { recursive: true, force: true });
  if (pgUrl) await admin(`drop database if exists ${pgDb} with (force)`);
});
// DATABASE_URL empty: the data dir's PGlite.
const db: Record<string, string> = databaseUrl ? { DATABASE_URL: databaseUrl } : {};

const DEVICES = 4;
const MESSAGES = 3000;

test('every acknowledged QoS 1 reading survives SIGKILL and is stored exactly once', { timeout: 300_000 }, async () => {
  const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'src/modules/citydata/testing/prepare-data-dir.ts'], {
    cwd: ROOT,
    env: { ...process.env, DEZVOLT_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DEZVOLT_SEED_DEMO: '0', DEVICES: String(DEVICES) },
    encoding: 'utf8',
  });
  assert.equal(prepared.status, 0, prepared.stderr);
  const { apiKey } = JSON.parse(prepared.stdout.trim().split('\n').pop()!) as { apiKey: string };
  let server: Running = await startDezvolt({ ...db, DEZVOLT_DATA_DIR: dataDir, MQTT_PORT: '0', DEZVOLT_SEED_DEMO: '0', DEZVOLT_RATE_LIMIT: '0' });
  // The restart must listen where the client reconnects: the port the first run picked.
  const mqttPort = brokerPort(server);
  const env = { ...db, DEZVOLT_DATA_DIR: dataDir, MQTT_PORT: String(mqttPort), DEZVOLT_SEED_DEMO: '0', DEZVOLT_RATE_LIMIT: '0' };

  const client = mqtt.connect(`mqtt://127.0.0.1:${mqttPort}`, { clientId: 'durability-storm', reconnectPeriod: 300, connectTimeout: 5_000 });
  client.on('error', () => {});
  await new Promise((r) => client.once('connect', r));
  const acked = new Set<number>();
  let settled = 0;
  let killed = false;
  const allSettled = new Promise<void>((resolve) => {
    for (let seq = 0; seq < MESSAGES; seq++) {
      const device = seq % DEVICES;
      // Half the devices stamp their readings; the other half rely on the server's arrival time.
      const body = device % 2 === 0 ? { seq, observedAt: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString() } : { seq };
      client.publish(`dezvolt/${apiKey}/bin-${device}/attrs`, JSON.stringify(body), { qos: 1 }, (err) => {
        if (!err) acked.add(seq);
        if (++settled === MESSAGES) resolve();
        if (!killed && acked.size >= MESSAGES / 3) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      });
    }
  });
  await server.exited;
  assert.ok(killed, 'the server was killed mid-storm');
  const ackedBeforeKill = acked.size;
  assert.ok(ackedBeforeKill < MESSAGES, `the kill came before the storm ended (${ackedBeforeKill} acknowledged)`);

  // The data-dir lock of the killed process goes stale after 15 s; until then `start` exits with 75.
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      server = await startDezvolt(env);
      break;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 2_000));
    }
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([allSettled, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`only ${settled} of ${MESSAGES} settled`)), 150_000)))]);
  clearTimeout(timer);
  await client.endAsync();
  assert.equal(acked.size, MESSAGES, 'the client re-sent and got every message acknowledged after the restart');

  const counts = new Map<number, number>();
  for (let d = 0; d < DEVICES; d++) {
    const res = await fetch(`${server.base}/ngsi-ld/v1/temporal/entities/urn:ngsi-ld:WasteContainer:durability:bin-${d}?attrs=seq&options=temporalValues`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { seq?: { values: [number, string][] } };
    for (const [seq] of body.seq?.values ?? []) counts.set(seq, (counts.get(seq) ?? 0) + 1);
  }
  const missing = [...acked].filter((s) => !counts.has(s));
  const doubled = [...counts].filter(([, n]) => n > 1).map(([s]) => s);
  assert.deepEqual(missing, [], 'acknowledged readings lost');
  assert.deepEqual(doubled, [], 'readings stored twice');
  assert.equal(counts.size, MESSAGES);
});
