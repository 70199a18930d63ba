// `dezvolt simulate` against a real `dezvolt start` of the demo city: it registers its devices
// through NGSI-LD and their readings arrive over MQTT; and the simulation's containers fill and empty.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brokerPort } from '../testing/broker-port.ts';
import { dezvolt, startDezvolt, stopAll } from '../../../core/testing/dezvolt-process.ts';
import { Simulation } from '../simulation.ts';
import { demoDevices, demoKey } from '../demo-city.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'dz-citydata-sim-'));
after(async () => {
  await stopAll();
  rmSync(dataDir, { recursive: true, force: true });
});

test('containers fill up and get emptied; vehicles move', () => {
  const devices = demoDevices(1, 'unit').filter((d) => d.type === 'WasteContainer' || d.type === 'Vehicle');
  const sim = new Simulation(devices, demoKey);
  const levels: number[] = [];
  const positions = new Set<string>();
  for (let i = 0; i < 600; i++) {
    const m = sim.step(new Date('2026-03-02T08:00:00Z'));
    const body = JSON.parse(m.payload) as { fillingLevel?: number; location?: { coordinates: number[] } };
    if (body.fillingLevel !== undefined) levels.push(body.fillingLevel);
    if (body.location) positions.add(body.location.coordinates.join(','));
  }
  assert.ok(levels.some((l) => l >= 0.8), 'a container gets full');
  assert.ok(levels.some((l, i) => i > 0 && l < levels[i - 1]! - 0.5), 'and is emptied');
  assert.ok(positions.size > 100, 'the vehicle drives');
});

test('dezvolt simulate registers devices and publishes over MQTT QoS 1', { timeout: 240_000 }, async () => {
  const server = await startDezvolt({ DEZVOLT_DATA_DIR: dataDir, MQTT_PORT: '0', DEZVOLT_RATE_LIMIT: '0' });
  const mqttPort = brokerPort(server);
  const run = await dezvolt(['simulate', '--devices', '70', '--rate', '200', '--duration', '3', '--url', server.base, '--mqtt', `mqtt://127.0.0.1:${mqttPort}`], {});
  assert.equal(run.code, 0, run.stderr + run.stdout);
  const done = /done: (\d+) sent, (\d+) acknowledged/.exec(run.stdout);
  assert.ok(done && Number(done[2]) >= 300, run.stdout);
  const count = await fetch(`${server.base}/ngsi-ld/v1/entities?idPattern=${encodeURIComponent(':sim-')}&count=true&limit=0`);
  assert.equal(count.headers.get('ngsild-results-count'), '70');
  const history = await fetch(`${server.base}/ngsi-ld/v1/temporal/entities/urn:ngsi-ld:WasteContainer:cluj:sim-w-0?attrs=fillingLevel`);
  const body = (await history.json()) as { fillingLevel: unknown[] };
  assert.ok(body.fillingLevel.length >= 2, 'readings arrived over MQTT after the registered value');
});
