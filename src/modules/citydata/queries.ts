// Read models of the city data pages: per-type summary, latest values, one entity's history,
// alerts, and the admin command view's figures.
import type { AppContext } from '../../core/context.ts';
import { SMART_DATA_TYPES, unitFor } from './model.ts';
import type { Attributes } from './ngsi/entity-format.ts';

export interface LiveItem {
  urn: string;
  type: string;
  name: string;
  /** The type's primary attribute value (fill level, status, pm10 …). */
  value: unknown;
  unit: string | null;
  updatedAt: string;
  lng: number | null;
  lat: number | null;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

export function liveItem(r: { urn: string; type: string; attrs: Attributes; updated_at: string; lng: number | null; lat: number | null }): LiveItem {
  const primary = SMART_DATA_TYPES[r.type]?.primary ?? '';
  const a = r.attrs[primary];
  const name = r.attrs.name?.value;
  return {
    urn: r.urn,
    type: r.type,
    name: typeof name === 'string' ? name : r.urn,
    value: a ? (a.value ?? a.object ?? null) : null,
    unit: typeof a?.unitCode === 'string' ? a.unitCode : (unitFor(r.type, primary) ?? null),
    updatedAt: r.updated_at,
    lng: r.lng,
    lat: r.lat,
  };
}

const LIVE_COLUMNS = `e.urn, e.type, e.attrs, to_char(e.modified_at at time zone 'UTC', ${ISO}) as updated_at,
  ST_X(ST_PointOnSurface(e.location)) as lng, ST_Y(ST_PointOnSurface(e.location)) as lat`;

export async function latestItems(ctx: AppContext, opts: { type?: string | undefined; publicOnly: boolean; limit: number }): Promise<{ items: LiveItem[]; total: number }> {
  const where = [opts.publicOnly ? 'e.public' : 'true', opts.type ? 'e.type = $1' : 'true'].join(' and ');
  const params = opts.type ? [opts.type] : [];
  const rows = await ctx.database.query<Parameters<typeof liveItem>[0]>(`select ${LIVE_COLUMNS} from citydata_entities e where ${where} order by e.type, e.id limit ${opts.limit}`, params);
  const [c] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from citydata_entities e where ${where}`, params);
  return { items: rows.map(liveItem), total: c?.n ?? 0 };
}

/** Entities changed since `since` (the live stream polls this). */
export async function changedSince(ctx: AppContext, since: string): Promise<{ items: (LiveItem & { public: boolean })[]; until: string }> {
  const rows = await ctx.database.query<Parameters<typeof liveItem>[0] & { at: string; public: boolean }>(
    `select ${LIVE_COLUMNS}, e.public, e.modified_at::text as at from citydata_entities e
     where e.modified_at > $1::timestamptz order by e.modified_at limit 5000`,
    [since],
  );
  return { items: rows.map((r) => ({ ...liveItem(r), public: r.public })), until: rows.at(-1)?.at ?? since };
}

export interface TypeSummary {
  type: string;
  total: number;
  /** Parking: free spots; waste: full containers; air: highest pm10; lights: lit. */
  figure: number;
  /** Car parks: their total capacity. */
  capacity: number;
}

export async function typeSummaries(ctx: AppContext, publicOnly: boolean): Promise<TypeSummary[]> {
  return ctx.database.query<TypeSummary>(
    `select type, count(*)::int as total, coalesce(case type
        when 'ParkingSpot' then count(*) filter (where attrs->'status'->>'value' = 'free')
        when 'OffStreetParking' then sum((attrs->'availableSpotNumber'->>'value')::float8)
        when 'WasteContainer' then count(*) filter (where (attrs->'fillingLevel'->>'value')::float8 >= 0.8)
        when 'AirQualityObserved' then max((attrs->'pm10'->>'value')::float8)
        when 'Streetlight' then count(*) filter (where attrs->'powerState'->>'value' = 'on')
        else count(*) end, 0)::float8 as figure,
        coalesce(sum((attrs->'totalSpotNumber'->>'value')::float8), 0)::float8 as capacity
     from citydata_entities where jsonb_typeof(attrs) = 'object' ${publicOnly ? 'and public' : ''} group by type order by type`,
  );
}

export interface EntityDetail {
  id: number;
  urn: string;
  type: string;
  public: boolean;
  attrs: Attributes;
  lng: number | null;
  lat: number | null;
}

export async function entityDetail(ctx: AppContext, urn: string): Promise<EntityDetail | undefined> {
  const [row] = await ctx.database.query<EntityDetail>(
    `select id, urn, type, public, attrs, ST_X(ST_PointOnSurface(location)) as lng, ST_Y(ST_PointOnSurface(location)) as lat from citydata_entities where urn = $1`,
    [urn],
  );
  return row;
}

export interface HourlyPoint {
  bucket: string;
  n: number;
  avg: number;
  min: number;
  max: number;
}

/** Hourly figures of the last 24 hours, computed from the readings (fresh, unlike the rolled-up table). */
export async function lastDay(ctx: AppContext, entityId: number, attr: string): Promise<HourlyPoint[]> {
  return ctx.database.query<HourlyPoint>(
    `select to_char(date_trunc('hour', observed_at) at time zone 'UTC', ${ISO}) as bucket, count(*)::int as n, avg(num) as avg, min(num) as min, max(num) as max
     from citydata_readings where entity_id = $1 and attr = $2 and num is not null and observed_at > now() - interval '24 hours'
     group by 1 order by 1`,
    [entityId, attr],
  );
}

export interface AlertRow {
  id: number;
  kind: 'rule' | 'stale';
  ruleName: string | null;
  action: string | null;
  urn: string;
  name: string;
  value: number | null;
  raisedAt: string;
  reportId: number | null;
}

export async function openAlerts(ctx: AppContext, publicOnly: boolean): Promise<AlertRow[]> {
  return ctx.database.query<AlertRow>(
    `select a.id::int as id, a.kind, r.name as "ruleName", r.action, e.urn, coalesce(e.attrs->'name'->>'value', e.urn) as name, a.value,
            to_char(a.raised_at at time zone 'UTC', ${ISO}) as "raisedAt", s.report_id::int as "reportId"
     from citydata_alerts a join citydata_entities e on e.id = a.entity_id left join citydata_rules r on r.id = a.rule_id
     left join citydata_rule_states s on s.rule_id = a.rule_id and s.entity_id = a.entity_id and s.triggered
     where a.cleared_at is null ${publicOnly ? 'and a.public and e.public' : ''} order by a.raised_at desc limit 200`,
  );
}

export interface AdminOverview {
  entities: number;
  readings24h: number;
  dropped: number;
  groups: { id: number; name: string; entityType: string; keyHint: string; department: string | null; public: boolean; devices: number; revoked: boolean }[];
  rules: { id: number; name: string; entityType: string; attr: string; direction: 'above' | 'below'; threshold: number; reset: number; action: string; category: string | null; active: boolean }[];
  departments: { id: number; name: string }[];
  categories: { code: string; name: string }[];
}

export async function adminOverview(ctx: AppContext): Promise<AdminOverview> {
  const [counts] = await ctx.database.query<{ entities: number; readings: number; dropped: number }>(
    `select (select count(*)::int from citydata_entities) as entities,
            (select count(*)::int from citydata_readings where observed_at > now() - interval '24 hours') as readings,
            (select coalesce(sum(n), 0)::int from citydata_counters where name like 'dropped.%') as dropped`,
  );
  return {
    entities: counts?.entities ?? 0,
    readings24h: counts?.readings ?? 0,
    dropped: counts?.dropped ?? 0,
    groups: await ctx.database.query(
      `select g.id, g.name, g.entity_type as "entityType", g.key_hint as "keyHint", d.name as department, g.public,
              (select count(*)::int from citydata_entities e where e.group_id = g.id) as devices, g.revoked_at is not null as revoked
       from citydata_groups g left join departments d on d.id = g.department_id order by g.id`,
    ),
    rules: await ctx.database.query(
      `select id, name, entity_type as "entityType", attr, direction, threshold, reset, action, category_code as category, active from citydata_rules order by id`,
    ),
    departments: await ctx.database.query('select id, name from departments order by name'),
    categories: await ctx.database.query(`select code, name_ro as name from categories where active order by code`),
  };
}
