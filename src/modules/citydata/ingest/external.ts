// Subscribing to an external broker (MQTT_URL) with mqtt.js, with group commit.
//
// mqtt.js hands over one message at a time: it sends the PUBACK when handleMessage calls back, and
// reads the next message only after that. Waiting there for the commit made every message its own
// transaction. Instead handleMessage calls back at once, and the PUBACK itself is held where mqtt.js
// sends every packet (_sendPacket) until that message is committed; meanwhile the next messages join
// the batch. The broker's own window bounds the batch (Mosquitto: max_inflight_messages, 20 by default).
// A failed commit sends no PUBACK: the connection is dropped and the broker delivers again to the
// persistent session (clean: false).
import mqtt, { type IPublishPacket, type MqttClient, type Packet } from 'mqtt';
import { randomUUID } from 'node:crypto';
import type { Delivery, Settle } from './service.ts';

export type Handler = (topic: string, payload: Buffer, qos: number, clientId: string, messageId: number | undefined, from: Delivery, settle: Settle) => void;

type SendPacket = (packet: Packet, cb?: (err?: Error) => void, cbStorePut?: unknown, noStore?: boolean) => void;

export function subscribeExternal(url: string, clientId: string, subscriptions: string[], handle: Handler): MqttClient {
  const client = mqtt.connect(url, { clientId, clean: false, reconnectPeriod: 2_000 });
  const internals = client as unknown as { _sendPacket: SendPacket };
  // Without the hook a PUBACK would leave before the commit: refuse to run rather than lose that promise.
  if (typeof internals._sendPacket !== 'function') throw new Error('this mqtt.js has no _sendPacket: PUBACKs could not wait for the commit');
  const send = internals._sendPacket.bind(client);
  const held = new Map<number, Promise<void>>();
  internals._sendPacket = (packet, cb, cbStorePut, noStore) => {
    const commit = packet.cmd === 'puback' && packet.messageId !== undefined ? held.get(packet.messageId) : undefined;
    if (!commit) return send(packet, cb, cbStorePut, noStore);
    held.delete(packet.messageId!);
    commit.then(
      () => send(packet, undefined, cbStorePut, noStore),
      (err: Error) => {
        console.error(`[citydata] could not store a reading from ${url}: ${err.message}`);
        client.stream?.destroy();
      },
    );
    // mqtt.js moves on to the next message; this one's PUBACK waits above.
    cb?.();
  };
  // The broker re-sends unacknowledged messages when we reconnect: each connection gets its own id.
  let connection = randomUUID();
  client.on('connect', () => (connection = randomUUID()));
  client.handleMessage = (packet: IPublishPacket, done) => {
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    const from: Delivery = { connection, dup: packet.dup === true };
    if (packet.qos !== 1 || packet.messageId === undefined) {
      // QoS 0 has no acknowledgement to hold; QoS 2 keeps mqtt.js's own one-at-a-time flow.
      handle(packet.topic, payload, packet.qos, 'external', packet.messageId, from, (err) => done(err));
      return;
    }
    held.set(packet.messageId, new Promise<void>((resolve, reject) => handle(packet.topic, payload, packet.qos, 'external', packet.messageId, from, (err) => (err ? reject(err) : resolve()))));
    done();
  };
  client.on('connect', () => client.subscribe(subscriptions, { qos: 1 }));
  client.on('error', (err) => console.error(`[citydata] MQTT ${url}: ${err.message}`));
  return client;
}
