// MQTT ingestion. By default an embedded aedes broker listens on MQTT_PORT; with MQTT_URL the app
// subscribes to that broker instead. Either way a QoS 1 message is acknowledged only after its
// readings are committed: aedes sends PUBACK when authorizePublish calls back, and mqtt.js sends it
// when handleMessage calls back, so both callbacks wait for the batch writer.
import { createServer, type Server } from 'node:net';
import { createHash } from 'node:crypto';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import type { AppContext } from '../../../core/context.ts';
import { BatchWriter } from './writer.ts';
import { IngestStats } from './stats.ts';
import { DeviceDirectory } from './devices.ts';
import { parsePayload, parseTopic } from './payload.ts';
import { receivedAt } from './clock.ts';

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

export function createHandler(writer: BatchWriter, directory: DeviceDirectory, stats: IngestStats) {
  /** Resolves when the message is committed or deliberately dropped; rejects when it could not be stored. */
  return async function handle(topic: string, payload: Buffer, qos: number, clientId: string, messageId: number | undefined): Promise<void> {
    stats.received++;
    const t = parseTopic(topic);
    if (!t) return stats.drop('bad_topic', topic.slice(0, 80));
    const device = await directory.resolve(t.apiKey, t.deviceId);
    // The API key never reaches the log: only the device id and the topic format.
    if (typeof device === 'string') return stats.drop(device, `${t.format} device "${t.deviceId.slice(0, 64)}"`);
    const groups = parsePayload(t.format, device.type, payload);
    if (!groups) return stats.drop('bad_payload', `${t.format} device "${t.deviceId.slice(0, 64)}"`);
    const digest = createHash('sha1').update(topic).update('\n').update(payload).digest('base64');
    await Promise.all(
      groups.map((attrs, i) => {
        const ownTime = Object.values(attrs).every((a) => typeof a.observedAt === 'string');
        // Stamped on arrival, not at commit: the time a reading was received is what it means.
        if (!ownTime) {
          const at = receivedAt();
          for (const a of Object.values(attrs)) a.observedAt ??= at;
        }
        const redelivery = qos > 0 && messageId !== undefined && !ownTime ? { clientId: i === 0 ? clientId : `${clientId}#${i}`, messageId, digest } : undefined;
        return writer.write({ entityId: device.entityId, type: device.type, attrs, redelivery });
      }),
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
    const client = mqtt.connect(opts.url, { clientId: `dezvolt-ingest-${ctx.config.port}`, clean: false, reconnectPeriod: 2_000 });
    // mqtt.js acknowledges a QoS 1 message once this callback runs, one message at a time.
    client.handleMessage = (packet, done) => {
      handle(packet.topic, Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload), packet.qos, 'external', packet.messageId).then(
        () => done(),
        (err: Error) => done(err),
      );
    };
    client.on('connect', () => client.subscribe(SUBSCRIPTIONS, { qos: 1 }));
    client.on('error', (err) => console.error(`[citydata] MQTT ${opts.url}: ${err.message}`));
    return {
      stats,
      directory,
      port: undefined,
      async stop() {
        clearInterval(counters);
        await client.endAsync();
        await writer.close();
      },
    };
  }

  const broker = await Aedes.createBroker({ maxClientsIdLength: 128 });
  broker.authorizePublish = (client, packet, callback) => {
    // Wills published on behalf of a vanished client carry no device identity worth storing.
    if (!client) return callback(new Error('no will messages'));
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    handle(packet.topic, payload, packet.qos, client.id, packet.messageId).then(
      () => callback(null),
      (err: Error) => {
        console.error(`[citydata] could not store a reading: ${err.message}`);
        // No PUBACK: the connection closes and the device sends the message again.
        callback(err);
      },
    );
  };
  // An ingestion broker: nobody reads other devices' topics (they carry API keys).
  broker.authorizeSubscribe = (_client, _sub, callback) => callback(null, null);
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
