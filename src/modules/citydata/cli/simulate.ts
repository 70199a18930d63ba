// `dezvolt simulate --devices 5000 --rate 2000`: registers simulated devices for the demo city
// (NGSI-LD batch upsert with the demo groups' keys) and publishes realistic readings over MQTT QoS 1.
import mqtt from 'mqtt';
import { demoDevices, demoKey, type DemoDevice } from '../demo-city.ts';
import { ENTITY_TYPES } from '../model.ts';
import { Simulation } from '../simulation.ts';

const HELP = `Usage: dezvolt simulate [--devices N] [--rate R] [--duration S] [--url URL] [--mqtt URL]

Publishes realistic readings for the demo city over MQTT QoS 1.
  --devices N    simulated devices, spread over every Smart Data Models type (default 500)
  --rate R       readings per second (default 200)
  --duration S   stop after S seconds (default: until Ctrl+C)
  --url URL      the running Dezvolt, to register the devices (default http://localhost:$PORT or :3000)
  --mqtt URL     the MQTT broker (default mqtt://localhost:$MQTT_PORT or :1883)
`;

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

function positive(v: string | undefined, dflt: number, name: string): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`);
  return n;
}

/** Registers the devices through the NGSI-LD API, 1000 at a time, with each type's demo key. */
export async function registerDevices(url: string, devices: DemoDevice[]): Promise<void> {
  for (const type of ENTITY_TYPES) {
    const mine = devices.filter((d) => d.type === type);
    for (let i = 0; i < mine.length; i += 1000) {
      const body = mine.slice(i, i + 1000).map((d) => ({ id: d.urn, type: d.type, ...d.keyValues }));
      const res = await fetch(`${url}/ngsi-ld/v1/entityOperations/upsert?options=keyValues,update`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': demoKey(type) },
        body: JSON.stringify(body),
      });
      if (res.status === 401) throw new Error(`${url} does not know the demo key of ${type}: simulate runs against the demo city (seeded on first start).`);
      if (!res.ok) throw new Error(`registering ${type} devices failed: ${res.status} ${await res.text()}`);
    }
  }
}

export interface SimulationRun {
  stop(): Promise<{ sent: number; acked: number }>;
}

/** Registers `devices` simulated devices at `url` and publishes `rate` readings/s to `broker` until stopped. */
export async function runSimulation(opts: { url: string; broker: string; devices: number; rate: number; log?: (line: string) => void }): Promise<SimulationRun> {
  const log = opts.log ?? (() => {});
  const devices = demoDevices(Math.ceil(opts.devices / ENTITY_TYPES.length), 'sim').slice(0, opts.devices);
  log(`registering ${devices.length} devices at ${opts.url} …`);
  await registerDevices(opts.url, devices);
  const sim = new Simulation(devices, demoKey);
  const client = await mqtt.connectAsync(opts.broker, { clientId: `dezvolt-simulate-${process.pid}-${Date.now()}` });
  client.on('error', (err) => log(`MQTT: ${err.message}`));
  log(`publishing ${opts.rate} readings/s to ${opts.broker}`);
  let sent = 0;
  let acked = 0;
  let inflight = 0;
  const started = Date.now();
  const timer = setInterval(() => {
    // Catch up to the wanted rate, but never keep more than two seconds' worth unacknowledged.
    const due = Math.floor(((Date.now() - started) / 1000) * opts.rate) - sent;
    for (let i = 0; i < due && inflight < Math.max(100, opts.rate * 2); i++) {
      const m = sim.step();
      sent++;
      inflight++;
      client.publish(m.topic, m.payload, { qos: 1 }, (err) => {
        inflight--;
        if (!err) acked++;
      });
    }
  }, 50);
  const report = setInterval(() => {
    const s = (Date.now() - started) / 1000;
    log(`${s.toFixed(0)} s: ${sent} sent, ${acked} acknowledged (${(acked / s).toFixed(0)}/s)`);
  }, 5_000);
  return {
    async stop() {
      clearInterval(timer);
      clearInterval(report);
      await client.endAsync();
      return { sent, acked };
    },
  };
}

export async function simulateCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  const duration = arg(argv, 'duration') === undefined ? undefined : positive(arg(argv, 'duration'), 0, 'duration');
  const run = await runSimulation({
    devices: positive(arg(argv, 'devices'), 500, 'devices'),
    rate: positive(arg(argv, 'rate'), 200, 'rate'),
    url: (arg(argv, 'url') ?? `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, ''),
    broker: arg(argv, 'mqtt') ?? `mqtt://localhost:${process.env.MQTT_PORT || 1883}`,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
    if (duration) setTimeout(resolve, duration * 1000);
  });
  const { sent, acked } = await run.stop();
  process.stdout.write(`done: ${sent} sent, ${acked} acknowledged\n`);
  return 0;
}
