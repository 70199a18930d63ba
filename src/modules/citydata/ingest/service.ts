// MQTT ingestion. By default an embedded aedes broker listens on MQTT_PORT; with MQTT_URL the app
// subscribes to that broker instead. Either way a QoS 1 message is acknowledged only after its
// readings are committed: aedes sends PUBACK when authorizePublish calls back, which waits for the
// batch writer; with mqtt.js the PUBACK is held until the commit (external.ts).
import { createServer, type Server } from 'node:net';
import { hash, randomUUID } from 'node:crypto';
import { Aedes } from 'aedes';
import type { AppContext } from '../../../core/context.ts';
import { BatchWriter } from './writer.ts';
import { IngestStats } from './stats.ts';
import { DeviceDirectory, type Device } from './devices.ts';
import { parsePayload, parseTopic, type Topic } from './payload.ts';
import type { Observation } from './apply.ts';
import { receivedAt } from './clock.ts';
import { subscribeExternal } from './external.ts';

export interface IngestionOptions {
  /** Embedded broker port (0 = any free port). Ignored when `url` is set. */
  port?: number | undefined;
  host?: string | undefined;
  /** External broker to subscribe to. */
  url?: string | undefined;
}

export interface IngestionService {
  stats: IngestStats;
  directory: DeviceDirectory;
  /** Port of the embedded broker, when one is listening. */
  port: number | undefined;
  stop(): Promise<void>;
}

export const SUBSCRIPTIONS = ['dezvolt/+/+/attrs', '/ul/+/+/attrs'];

// sha1 of topic, newline, payload: the bytes a re-delivery repeats. Assembled in one scratch buffer
// (one-shot hash, no Hash object per message).
const scratch = Buffer.allocUnsafe(4096);
function messageDigest(topic: string, payload: Buffer): string {
  const size = Buffer.byteLength(topic) + 1 + payload.length;
  if (size > scratch.length) return hash('sha1', Buffer.concat([Buffer.from(`${topic}\n`), payload]), 'base64');
  const n = scratch.write(topic, 0, 'utf8');
  scratch[n] = 10;
  payload.copy(scratch, n + 1);
  return hash('sha1', scratch.subarray(0, size), 'base64');
}

/** One settle for an UltraLight message carrying several measures: after the last of them, with the first error. */
function settleAll(n: number, settle: Settle): Settle {
  let failed: Error | undefined;
  return (err) => {
    failed ??= err;
    if (--n === 0) settle(failed);
  };
}

/** The connection a message came on (an id unique across restarts) and its DUP flag. */
export interface Delivery {
  connection: string;
  dup: boolean;
}

/** Called once per message: with no argument when it is committed or deliberately dropped, with an error when it could not be stored. */
export type Settle = (err?: Error) => void;

export function createHandler(writer: BatchWriter, directory: DeviceDirectory, stats: IngestStats) {
  function accept(topic: string, t: Topic, device: Device | 'unknown_key' | 'unknown_device', payload: Buffer, qos: number, clientId: string, messageId: number | undefined, from: Delivery, settle: Settle): void {
    // The API key never reaches the log: only the device id and the topic format.
    if (typeof device === 'string') {
      stats.drop(device, `${t.format} device "${t.deviceId.slice(0, 64)}"`);
      return settle();
    }
    const groups = parsePayload(t.format, device.type, payload);
    if (!groups) {
      stats.drop('bad_payload', `${t.format} device "${t.deviceId.slice(0, 64)}"`);
      return settle();
    }
    let digest: string | undefined;
    const one = groups.length === 1 ? settle : settleAll(groups.length, settle);
    for (let i = 0; i < groups.length; i++) {
      const attrs = groups[i]!;
      let ownTime = true;
      for (const k in attrs) if (typeof attrs[k]!.observedAt !== 'string') ownTime = false;
      // Stamped on arrival, not at commit: the time a reading was received is what it means.
      if (!ownTime) {
        const at = receivedAt();
        for (const k in attrs) attrs[k]!.observedAt ??= at;
      }
      let redelivery: Observation['redelivery'];
      if (qos > 0 && messageId !== undefined && !ownTime) {
        digest ??= messageDigest(topic, payload);
        redelivery = { clientId: i === 0 ? clientId : `${clientId}#${i}`, messageId, digest, connection: from.connection, dup: from.dup };
      }
      writer.write({ entityId: device.entityId, type: device.type, attrs, redelivery }, one);
    }
  }

  function acceptSafely(topic: string, t: Topic, device: Device | 'unknown_key' | 'unknown_device', payload: Buffer, qos: number, clientId: string, messageId: number | undefined, from: Delivery, settle: Settle): void {
    try {
      accept(topic, t, device, payload, qos, clientId, messageId, from, settle);
    } catch (err) {
      settle(err as Error);
    }
  }

  /** Settles when the message is committed or deliberately dropped; with an error when it could not be stored. */
  return function handle(topic: string, payload: Buffer, qos: number, clientId: string, messageId: number | undefined, from: Delivery, settle: Settle): void {
    stats.received++;
    const t = parseTopic(topic);
    if (!t) {
      stats.drop('bad_topic', topic.slice(0, 80));
      return settle();
    }
    // A known device is answered from the cache synchronously: no promise, no extra tick per message.
    const cached = directory.cached(t.apiKey, t.deviceId);
    if (cached !== undefined) acceptSafely(topic, t, cached, payload, qos, clientId, messageId, from, settle);
    else
      directory.resolve(t.apiKey, t.deviceId).then(
        (device) => acceptSafely(topic, t, device, payload, qos, clientId, messageId, from, settle),
        (err: Error) => settle(err),
      );
  };
}

export async function startIngestion(ctx: AppContext, opts: IngestionOptions): Promise<IngestionService> {
  const stats = new IngestStats();
  const directory = new DeviceDirectory(ctx.database);
  const writer = new BatchWriter(ctx, stats);
  const handle = createHandler(writer, directory, stats);
  // Drops with no stored message to ride along are saved every few seconds.
  const counters = setInterval(() => {
    const drops = stats.takeUnsaved();
    if (drops.length === 0) return;
    void Promise.all(
      drops.map(([name, n]) => ctx.database.query('insert into citydata_counters (name, n) values ($1, $2) on conflict (name) do update set n = citydata_counters.n + excluded.n', [name, n])),
    ).catch(() => stats.restoreUnsaved(drops));
  }, 5_000);
  counters.unref();

  if (opts.url) {
    const client = subscribeExternal(opts.url, `dezvolt-ingest-${ctx.config.port}`, SUBSCRIPTIONS, handle);
    return {
      stats,
      directory,
      port: undefined,
      async stop() {
        clearInterval(counters);
        // Commits first, so the PUBACKs they hold leave before the connection closes.
        await writer.close();
        await client.endAsync();
      },
    };
  }

  const broker = await Aedes.createBroker({ maxClientsIdLength: 128 });
  // aedes keeps one client object per connection.
  const connections = new WeakMap<object, string>();
  broker.authorizePublish = (client, packet, callback) => {
    // Wills published on behalf of a vanished client carry no device identity worth storing.
    if (!client) return callback(new Error('no will messages'));
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    let connection = connections.get(client);
    if (!connection) connections.set(client, (connection = randomUUID()));
    handle(packet.topic, payload, packet.qos, client.id, packet.messageId, { connection, dup: packet.dup === true }, (err) => {
      if (!err) return callback(null);
      console.error(`[citydata] could not store a reading: ${err.message}`);
      // No PUBACK: the connection closes and the device sends the message again.
      callback(err);
    });
  };
  // An ingestion broker: nobody reads other devices' topics (they carry API keys).
  broker.authorizeSubscribe = (_client, _sub, callback) => callback(null, null);
  // So a device's message ends at its PUBACK. Passed on to broker.publish it would only be matched
  // against subscriptions that cannot exist (twice: offline queues, then live ones), and a retained one
  // kept in memory, key and all; that was a fifth of the broker's time per message. The broker's own
  // messages ($SYS, no client) still go through.
  const publish = broker.publish.bind(broker) as (packet: unknown, client: unknown, done?: (err?: Error) => void) => void;
  (broker as unknown as { publish: typeof publish }).publish = (packet, client, done) => {
    if (client && typeof client === 'object' && typeof done === 'function') return done();
    publish(packet, client, done);
  };
  broker.on('clientError', () => {});
  const server: Server = createServer(broker.handle as never);
  const port = await new Promise<number | undefined>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        console.warn(`[citydata] MQTT port ${opts.port} is in use; the embedded broker is off (set MQTT_PORT to a free port, or MQTT_URL to use that broker).`);
        resolve(undefined);
      } else reject(err);
    });
    server.listen(opts.port ?? 1883, opts.host ?? '0.0.0.0', () => resolve((server.address() as { port: number }).port));
  });
  return {
    stats,
    directory,
    port,
    async stop() {
      clearInterval(counters);
      await writer.close();
      await new Promise<void>((r) => broker.close(() => r()));
      await new Promise<void>((r) => (port === undefined ? r() : server.close(() => r())));
    },
  };
}
