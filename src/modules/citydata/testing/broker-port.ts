// The embedded broker's port of a `dezvolt start` run with MQTT_PORT=0, read from its log line.
// Letting the server pick avoids a race between two "free" ports chosen before it starts.
import type { Running } from '../../../core/testing/dezvolt-process.ts';

export function brokerPort(server: Running): number {
  const m = /\[citydata\] MQTT broker listening on port (\d+)/.exec(server.output());
  if (!m) throw new Error(`the embedded MQTT broker did not start\n${server.output()}`);
  return Number(m[1]);
}
