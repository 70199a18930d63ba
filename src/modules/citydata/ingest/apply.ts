// One batch of observations in one transaction: de-duplicate re-deliveries, append the readings,
// merge the latest state, evaluate the rules. Shared by MQTT ingestion and the NGSI-LD API.
import type { AppContext } from '../../../core/context.ts';
import type { TxQuery } from '../../../core/db/database.ts';
import type { Attributes } from '../ngsi/entity-format.ts';
import { insertReadings, mergeLatest, readingRows, type ReadingRow } from '../store/readings.ts';
import { evaluateRules, type Sample, type Transition } from '../rules/evaluate.ts';
import { receivedAt } from './clock.ts';

export interface Observation {
  entityId: number;
  type: string;
  /** Normalized attributes, each with its observedAt. */
  attrs: Attributes;
  /** MQTT QoS 1 redelivery key, for messages that carry no timestamp of their own. */
  redelivery?: { clientId: string; messageId: number; digest: string } | undefined;
}

export interface ApplyResult {
  stored: number;
  duplicates: number;
  transitions: Transition[];
}

/** Messages whose (client, message id, digest) was committed recently are re-deliveries: skipped. */
async function dropRedeliveries(tx: TxQuery, obs: Observation[]): Promise<{ kept: Observation[]; duplicates: number }> {
  if (!obs.some((o) => o.redelivery)) return { kept: obs, duplicates: 0 };
  // A redelivery may land in the same batch as its original (the connection dropped before the PUBACK).
  const firstSeen = new Set<string>();
  const inBatch = obs.filter((o) => {
    if (!o.redelivery) return true;
    const key = `${o.redelivery.clientId}\u0000${o.redelivery.messageId}`;
    if (firstSeen.has(key)) return false;
    firstSeen.add(key);
    return true;
  });
  const keyed = inBatch.filter((o) => o.redelivery);
  // Later messages in the same batch may reuse an id only after its PUBACK, which has not left yet.
  const fresh = await tx.query<{ client_id: string; message_id: number }>(
    `insert into citydata_mqtt_seen (client_id, message_id, digest)
     select * from unnest($1::text[], $2::int[], $3::text[])
     on conflict (client_id, message_id) do update set digest = excluded.digest, at = now()
       where citydata_mqtt_seen.digest <> excluded.digest or citydata_mqtt_seen.at < now() - interval '10 minutes'
     returning client_id, message_id`,
    [keyed.map((o) => o.redelivery!.clientId), keyed.map((o) => o.redelivery!.messageId), keyed.map((o) => o.redelivery!.digest)],
  );
  const ok = new Set(fresh.map((r) => `${r.client_id}\u0000${r.message_id}`));
  const kept = inBatch.filter((o) => !o.redelivery || ok.has(`${o.redelivery.clientId}\u0000${o.redelivery.messageId}`));
  return { kept, duplicates: obs.length - kept.length };
}

export async function applyObservations(ctx: AppContext, tx: TxQuery, observations: Observation[], opts: { mergeState: boolean }): Promise<ApplyResult> {
  const { kept, duplicates } = await dropRedeliveries(tx, observations);
  const rows: ReadingRow[] = [];
  const latest = new Map<number, { type: string; attrs: Attributes }>();
  for (const o of kept) {
    const now = receivedAt();
    for (const a of Object.values(o.attrs)) if (a.observedAt === undefined) a.observedAt = now;
    rows.push(...readingRows(o.entityId, o.attrs, now));
    const cur = latest.get(o.entityId) ?? { type: o.type, attrs: {} };
    for (const [k, a] of Object.entries(o.attrs)) {
      const prev = cur.attrs[k];
      if (!prev || Date.parse(String(prev.observedAt)) <= Date.parse(String(a.observedAt))) cur.attrs[k] = a;
    }
    latest.set(o.entityId, cur);
  }
  const stored = await insertReadings(tx, rows);
  if (opts.mergeState) await mergeLatest(tx, [...latest].map(([entityId, v]) => ({ entityId, attrs: v.attrs })));
  const samples: Sample[] = [];
  for (const [entityId, v] of latest) {
    for (const [attr, a] of Object.entries(v.attrs)) {
      if (a.type === 'Property' && typeof a.value === 'number') samples.push({ entityId, type: v.type, attr, value: a.value, at: String(a.observedAt) });
    }
  }
  const transitions = await evaluateRules(ctx, tx, samples);
  return { stored, duplicates, transitions };
}
