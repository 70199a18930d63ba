// One batch of observations in one transaction: de-duplicate re-deliveries, append the readings,
// merge the latest state, evaluate the rules. Shared by MQTT ingestion and the NGSI-LD API.
//
// The common case is one statement: the redelivery guard, the readings, the latest state and the
// lookup of the rules that could fire are CTEs of a single round trip, because under load every
// round trip waits behind the MQTT traffic on the event loop. The readings and the state are written
// only if every keyed message turned out fresh; when one was a re-delivery (rare: a reconnect after a
// lost PUBACK), nothing but the guard was written, and a second statement writes the rest.
import type { AppContext } from '../../../core/context.ts';
import type { TxQuery } from '../../../core/db/database.ts';
import type { Attributes } from '../ngsi/entity-format.ts';
import { insertReadingsSql, mergeLatestSql, ReadingColumns } from '../store/readings.ts';
import { evaluateRules, RULES_FOR_PAIRS_SQL, type Rule, type Sample, type Transition } from '../rules/evaluate.ts';
import { receivedAt } from './clock.ts';
import { numberArray, textArray } from '../store/array-literals.ts';

export interface Observation {
  entityId: number;
  type: string;
  /** Normalized attributes, each with its observedAt. */
  attrs: Attributes;
  /** MQTT QoS 1 redelivery key, for messages that carry no timestamp of their own. */
  redelivery?: { clientId: string; messageId: number; digest: string; connection?: string; dup?: boolean } | undefined;
}

export interface ApplyResult {
  stored: number;
  duplicates: number;
  transitions: Transition[];
}

/**
 * a <= b for observedAt values. Two UTC ISO strings of one shape (the server's stamps, microseconds,
 * or toISOString's) compare as text; anything else through Date.parse, which for six-digit fractions
 * takes V8's slow path (it was a tenth of the ingestion's JavaScript time).
 */
function notAfter(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && a.length === b.length && a.charCodeAt(10) === 84 && b.charCodeAt(10) === 84 && a.endsWith('Z') && b.endsWith('Z')) {
    return a <= b;
  }
  return Date.parse(String(a)) <= Date.parse(String(b));
}

const keyOf = (r: { clientId: string; messageId: number }) => `${r.clientId}\u0000${r.messageId}`;

/** A redelivery may land in the same batch as its original (the connection dropped before the PUBACK): the first copy stays. */
function dropInBatchRepeats(obs: Observation[]): Observation[] {
  let keyed = false;
  for (const o of obs) if (o.redelivery) keyed = true;
  if (!keyed) return obs;
  const firstSeen = new Set<string>();
  return obs.filter((o) => {
    if (!o.redelivery) return true;
    const key = keyOf(o.redelivery);
    if (firstSeen.has(key)) return false;
    firstSeen.add(key);
    return true;
  });
}

interface Written {
  /** False when some keyed message was a re-delivery: then only the guard was written. */
  allFresh: boolean;
  /** The keys that were fresh, when not all were. */
  fresh: Set<string>;
  inserted: number;
  samples: Sample[];
  rules: Rule[] | undefined;
}

async function write(tx: TxQuery, obs: Observation[], mergeState: boolean, guard: boolean): Promise<Written> {
  const rows = new ReadingColumns();
  const latest = new Map<number, { type: string; attrs: Attributes }>();
  const clients: string[] = [];
  const ids: number[] = [];
  const digests: string[] = [];
  const connections: string[] = [];
  const dups: string[] = [];
  for (const o of obs) {
    if (guard && o.redelivery) {
      clients.push(o.redelivery.clientId);
      ids.push(o.redelivery.messageId);
      digests.push(o.redelivery.digest);
      connections.push(o.redelivery.connection ?? '');
      // Without a word on the DUP flag, a repeat is taken as a possible redelivery.
      dups.push(o.redelivery.dup === false ? 'false' : 'true');
    }
    let now: string | undefined;
    for (const k in o.attrs) {
      const a = o.attrs[k]!;
      if (typeof a.observedAt !== 'string') {
        now ??= receivedAt();
        a.observedAt ??= now;
      }
    }
    rows.add(o.entityId, o.attrs, now ?? '');
    let cur = latest.get(o.entityId);
    if (!cur) latest.set(o.entityId, (cur = { type: o.type, attrs: {} }));
    for (const k in o.attrs) {
      const a = o.attrs[k]!;
      const prev = cur.attrs[k];
      if (!prev || notAfter(prev.observedAt, a.observedAt)) cur.attrs[k] = a;
    }
  }
  const samples: Sample[] = [];
  const pairs = new Set<string>();
  const types: string[] = [];
  const attrs: string[] = [];
  for (const [entityId, v] of latest) {
    for (const attr in v.attrs) {
      const a = v.attrs[attr]!;
      if (a.type !== 'Property' || typeof a.value !== 'number') continue;
      samples.push({ entityId, type: v.type, attr, value: a.value, at: String(a.observedAt) });
      const pair = `${v.type}\u0000${attr}`;
      if (!pairs.has(pair)) {
        pairs.add(pair);
        types.push(v.type);
        attrs.push(attr);
      }
    }
  }

  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const ctes: string[] = [];
  let fresh = 'true';
  if (clients.length > 0) {
    // Later messages in the same batch may reuse an id only after its PUBACK, which has not left yet.
    // A known id is a new message when it comes on the connection that recorded it without the DUP
    // flag (clients re-send only after reconnecting, or flagged), when its bytes differ, or when the
    // record is older than any redelivery would be (migration 002).
    ctes.push(`seen as (
      insert into citydata_mqtt_seen (client_id, message_id, digest, connection, dup)
      select * from unnest(${p(textArray(clients))}::text[], ${p(numberArray(ids))}::int[], ${p(textArray(digests))}::text[],
                           ${p(textArray(connections))}::text[], ${p(textArray(dups))}::boolean[])
      on conflict (client_id, message_id) do update set digest = excluded.digest, at = now(), connection = excluded.connection, dup = excluded.dup
        where (not excluded.dup and excluded.connection <> '' and citydata_mqtt_seen.connection = excluded.connection)
           or citydata_mqtt_seen.digest <> excluded.digest or citydata_mqtt_seen.at < now() - interval '10 minutes'
      returning client_id, message_id)`);
    ctes.push(`ok as (select count(*) = ${p(clients.length)}::int as fresh from seen)`);
    fresh = '(select fresh from ok)';
  }
  if (rows.length > 0) ctes.push(`ins as (${insertReadingsSql(p, rows, fresh)})`);
  if (mergeState && latest.size > 0) ctes.push(`upd as (${mergeLatestSql(p, [...latest].map(([entityId, v]) => ({ entityId, attrs: v.attrs })), fresh)})`);
  if (types.length > 0) ctes.push(`rules as (${RULES_FOR_PAIRS_SQL(p(types), p(attrs))})`);
  if (ctes.length === 0) return { allFresh: true, fresh: new Set(), inserted: 0, samples, rules: undefined };
  const [r] = await tx.query<{ all_fresh: boolean; fresh: [string, number][] | null; inserted: number; rules: Rule[] | null }>(
    `with ${ctes.join(',\n')}
     select ${fresh} as all_fresh,
            ${clients.length > 0 ? `case when ${fresh} then null else (select json_agg(json_build_array(client_id, message_id)) from seen) end` : 'null'} as fresh,
            ${rows.length > 0 ? '(select count(*) from ins)::int' : '0'} as inserted,
            ${types.length > 0 ? `(select coalesce(json_agg(rules), '[]') from rules)` : 'null'} as rules`,
    params,
  );
  return {
    allFresh: r!.all_fresh,
    fresh: new Set((r!.fresh ?? []).map(([clientId, messageId]) => keyOf({ clientId, messageId }))),
    inserted: r!.inserted,
    samples,
    rules: r!.rules ?? undefined,
  };
}

export async function applyObservations(ctx: AppContext, tx: TxQuery, observations: Observation[], opts: { mergeState: boolean }): Promise<ApplyResult> {
  let kept = dropInBatchRepeats(observations);
  let w = await write(tx, kept, opts.mergeState, true);
  if (!w.allFresh) {
    kept = kept.filter((o) => !o.redelivery || w.fresh.has(keyOf(o.redelivery)));
    w = await write(tx, kept, opts.mergeState, false);
  }
  const transitions = await evaluateRules(ctx, tx, w.samples, w.rules);
  return { stored: w.inserted, duplicates: observations.length - kept.length, transitions };
}
