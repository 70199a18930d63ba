// Load generator for bench/citydata.bench.ts, in its own process: CLIENTS mqtt.js connections publish
// MESSAGES QoS 1 readings (WINDOW unacknowledged at most per connection) and print the elapsed time
// from the first publish to the last PUBACK as JSON.
import mqtt from 'mqtt';

const [url, apiKey, devicesArg, messagesArg, clientsArg, windowArg, prefix] = process.argv.slice(2);
const devices = Number(devicesArg);
const messages = Number(messagesArg);
const clients = Number(clientsArg);
const window = Number(windowArg);

const conns = await Promise.all(Array.from({ length: clients }, (_, i) => mqtt.connectAsync(url!, { clientId: `bench-${process.pid}-${i}`, reconnectPeriod: 0 })));
const started = performance.now();
let next = 0;
let acked = 0;
let failed = 0;
await Promise.all(
  conns.map(
    (c) =>
      new Promise<void>((resolve) => {
        let inflight = 0;
        const pump = () => {
          while (inflight < window && next < messages) {
            const n = next++;
            inflight++;
            c.publish(`dezvolt/${apiKey}/${prefix}${n % devices}/attrs`, `{"fillingLevel":${(n % 1000) / 1000}}`, { qos: 1 }, (err) => {
              inflight--;
              if (err) failed++;
              else acked++;
              if (next >= messages && inflight === 0) resolve();
              else pump();
            });
          }
          if (next >= messages && inflight === 0) resolve();
        };
        pump();
      }),
  ),
);
const elapsedMs = performance.now() - started;
await Promise.all(conns.map((c) => c.endAsync()));
process.stdout.write(`${JSON.stringify({ elapsedMs, acked, failed })}\n`);
