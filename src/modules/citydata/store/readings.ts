// The time series: one row per attribute value, written in bulk with unnest (one statement per batch).
// A reading that is already stored (same entity, attribute and observedAt) is skipped, so
// re-delivered messages with their own timestamp are stored once.
import type { TxQuery } from '../../../core/db/database.ts';
import type { Attributes } from '../ngsi/entity-format.ts';

export interface ReadingRow {
  entityId: number;
  attr: string;
  observedAt: string;
  num: number | null;
  val: string | null;
}

/** The attributes worth a time series: scalar properties and the location (vehicle tracks). */
export function readingRows(entityId: number, attrs: Attributes, now: string): ReadingRow[] {
  const rows: ReadingRow[] = [];
  for (const [attr, a] of Object.entries(attrs)) {
    const at = typeof a.observedAt === 'string' ? a.observedAt : now;
    if (a.type === 'Property') {
      const v = a.value;
      if (typeof v === 'number' && Number.isFinite(v)) rows.push({ entityId, attr, observedAt: at, num: v, val: null });
      else if (typeof v === 'string' || typeof v === 'boolean') rows.push({ entityId, attr, observedAt: at, num: null, val: JSON.stringify(v) });
    } else if (a.type === 'GeoProperty' && attr === 'location') {
      rows.push({ entityId, attr, observedAt: at, num: null, val: JSON.stringify(a.value) });
    }
  }
  return rows;
}

export async function insertReadings(tx: TxQuery, rows: ReadingRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx.query<{ n: number }>(
    `with ins as (
       insert into citydata_readings (entity_id, attr, observed_at, num, val)
       select * from unnest($1::int[], $2::text[], $3::timestamptz[], $4::float8[], $5::jsonb[])
       on conflict do nothing returning 1)
     select count(*)::int as n from ins`,
    [rows.map((r) => r.entityId), rows.map((r) => r.attr), rows.map((r) => r.observedAt), rows.map((r) => r.num), rows.map((r) => r.val)],
  );
  return inserted[0]?.n ?? 0;
}

/**
 * Merges observed attributes into the latest state. An attribute is only replaced by a value observed
 * at the same time or later, so late (re-delivered or buffered) messages never roll the state back.
 */
export async function mergeLatest(tx: TxQuery, patches: { entityId: number; attrs: Attributes }[]): Promise<void> {
  if (patches.length === 0) return;
  await tx.query(
    `update citydata_entities e set
       attrs = e.attrs || coalesce((select jsonb_object_agg(k, v) from jsonb_each(p.patch) as x(k, v)
                 where coalesce((e.attrs->k->>'observedAt')::timestamptz, '-infinity') <= (v->>'observedAt')::timestamptz), '{}'::jsonb),
       location = case when (p.patch->'location'->>'observedAt')::timestamptz >= coalesce((e.attrs->'location'->>'observedAt')::timestamptz, '-infinity')
                       then ST_SetSRID(ST_GeomFromGeoJSON(p.patch->'location'->'value'), 4326) else e.location end,
       modified_at = now(),
       last_seen_at = now()
     from unnest($1::int[], $2::jsonb[]) as p(id, patch)
     where e.id = p.id`,
    [patches.map((p) => p.entityId), patches.map((p) => JSON.stringify(p.attrs))],
  );
}
