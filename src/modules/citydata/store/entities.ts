// Entity persistence for the NGSI-LD API: create, read, replace, partial update, delete and query.
// Every write also appends the written values to the time series and runs the rules, through the
// same applyObservations the MQTT path uses.
import type { AppContext } from '../../../core/context.ts';
import type { Database, TxQuery } from '../../../core/db/database.ts';
import { locationOf, type Attributes, type NgsiEntity, type StoredEntity } from '../ngsi/entity-format.ts';
import { applyObservations, type ApplyResult } from '../ingest/apply.ts';
import { Params, qToSql } from '../ngsi/q-query.ts';
import { geoToSql, type GeoQueryInput } from '../ngsi/geo-query.ts';
import { NgsiError } from '../ngsi/problem.ts';

export interface Owner {
  groupId: number | null;
  departmentId: number | null;
  public: boolean;
}

const COLUMNS = `e.id, e.urn, e.type, e.attrs, e.context,
  to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
  to_char(e.modified_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as modified_at, e.public`;

export type EntityRow = StoredEntity & { id: number; public: boolean };

function locationSql(attrs: Attributes): string | null {
  const g = locationOf(attrs);
  return g ? JSON.stringify(g) : null;
}

/** Readings and rules for what was just written (the latest state is already in place). */
async function observe(ctx: AppContext, tx: TxQuery, id: number, type: string, attrs: Attributes): Promise<ApplyResult> {
  return applyObservations(ctx, tx, [{ entityId: id, type, attrs: structuredClone(attrs) }], { mergeState: false });
}

export async function createEntity(ctx: AppContext, tx: TxQuery, e: NgsiEntity, owner: Owner): Promise<{ kind: 'created'; id: number; result: ApplyResult } | { kind: 'exists' }> {
  const [row] = await tx.query<{ id: number }>(
    `insert into citydata_entities (urn, type, attrs, context, location, group_id, department_id, public, device_id)
     values ($1, $2, $3, $4, ST_SetSRID(ST_GeomFromGeoJSON($5), 4326), $6, $7, $8, $9)
     on conflict (urn) do nothing returning id`,
    [e.id, e.type, JSON.stringify(e.attrs), e.context === undefined ? null : JSON.stringify(e.context), locationSql(e.attrs), owner.groupId, owner.departmentId, owner.public, owner.groupId ? deviceIdOf(e.id) : null],
  );
  if (!row) return { kind: 'exists' };
  return { kind: 'created', id: row.id, result: await observe(ctx, tx, row.id, e.type, e.attrs) };
}

/** The device id MQTT topics use for an entity created with a group key: the last segment of its URN. */
export function deviceIdOf(urn: string): string {
  return urn.split(':').pop()!.slice(0, 128);
}

export async function getEntity(db: Database | TxQuery, urn: string): Promise<EntityRow | undefined> {
  const [row] = await db.query<EntityRow>(`select ${COLUMNS} from citydata_entities e where e.urn = $1`, [urn]);
  return row;
}

/** Replace (upsert without options=update): all attributes become the given ones. */
export async function replaceEntity(ctx: AppContext, tx: TxQuery, id: number, e: NgsiEntity): Promise<ApplyResult> {
  await tx.query(
    `update citydata_entities set type = $2, attrs = $3, context = coalesce($4, context), location = ST_SetSRID(ST_GeomFromGeoJSON($5), 4326), modified_at = now() where id = $1`,
    [id, e.type, JSON.stringify(e.attrs), e.context === undefined ? null : JSON.stringify(e.context), locationSql(e.attrs)],
  );
  return observe(ctx, tx, id, e.type, e.attrs);
}

/** Append (batch update, upsert with options=update): adds or overwrites the given attributes. */
export async function appendAttrs(ctx: AppContext, tx: TxQuery, row: EntityRow, attrs: Attributes, overwrite: boolean): Promise<ApplyResult> {
  const next: Attributes = { ...row.attrs };
  const written: Attributes = {};
  for (const [k, a] of Object.entries(attrs)) {
    if (!overwrite && k in next) continue;
    next[k] = a;
    written[k] = a;
  }
  await tx.query(`update citydata_entities set attrs = $2, location = ST_SetSRID(ST_GeomFromGeoJSON($3), 4326), modified_at = now() where id = $1`, [
    row.id,
    JSON.stringify(next),
    locationSql(next),
  ]);
  return observe(ctx, tx, row.id, row.type, written);
}

/** PATCH …/attrs: only existing attributes are updated; the others are reported back. */
export async function updateAttrs(ctx: AppContext, tx: TxQuery, row: EntityRow, attrs: Attributes): Promise<{ updated: string[]; notUpdated: string[]; result: ApplyResult }> {
  const present: Attributes = {};
  const notUpdated: string[] = [];
  for (const [k, a] of Object.entries(attrs)) {
    if (k in row.attrs) present[k] = a;
    else notUpdated.push(k);
  }
  const result = await appendAttrs(ctx, tx, row, present, true);
  return { updated: Object.keys(present), notUpdated, result };
}

export async function deleteEntity(tx: TxQuery, urn: string): Promise<boolean> {
  const [row] = await tx.query<{ id: number }>('delete from citydata_entities where urn = $1 returning id', [urn]);
  if (!row) return false;
  await tx.query('delete from citydata_readings where entity_id = $1', [row.id]);
  await tx.query('delete from citydata_hourly where entity_id = $1', [row.id]);
  await tx.query('delete from citydata_daily where entity_id = $1', [row.id]);
  return true;
}

export interface EntityQuery extends GeoQueryInput {
  type?: string[] | undefined;
  id?: string[] | undefined;
  idPattern?: string | undefined;
  q?: string | undefined;
  attrs?: string[] | undefined;
  limit: number;
  offset: number;
  count: boolean;
  /** Only entities the city marks public. */
  publicOnly: boolean;
}

export function whereClause(query: Omit<EntityQuery, 'limit' | 'offset' | 'count'>, params: Params): string {
  const where: string[] = [];
  // A single type as plain equality, so the (type, id) index also gives the order.
  if (query.type?.length === 1) where.push(`e.type = ${params.add(query.type[0])}`);
  else if (query.type?.length) where.push(`e.type = any(${params.add(query.type)}::text[])`);
  if (query.id?.length) where.push(`e.urn = any(${params.add(query.id)}::text[])`);
  if (query.idPattern) {
    try {
      new RegExp(query.idPattern);
    } catch {
      throw new NgsiError('BadRequestData', 'idPattern is not a valid regular expression');
    }
    where.push(`e.urn ~ ${params.add(query.idPattern)}`);
  }
  if (query.attrs?.length) where.push(`e.attrs ?| ${params.add(query.attrs)}::text[]`);
  if (query.q) where.push(qToSql(query.q, params));
  const geo = geoToSql(query, params);
  if (geo) where.push(geo);
  if (query.publicOnly) where.push('e.public');
  return where.length ? `where ${where.join(' and ')}` : '';
}

export async function queryEntities(db: Database, query: EntityQuery): Promise<{ rows: EntityRow[]; total: number | undefined }> {
  const params = new Params();
  const where = whereClause(query, params);
  const rows = query.limit === 0 ? [] : await db.query<EntityRow>(`select ${COLUMNS} from citydata_entities e ${where} order by e.id limit ${query.limit} offset ${query.offset}`, params.values);
  let total: number | undefined;
  if (query.count) {
    const [c] = await db.query<{ n: number }>(`select count(*)::int as n from citydata_entities e ${where}`, params.values);
    total = c?.n ?? 0;
  }
  return { rows, total };
}
