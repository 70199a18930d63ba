// Open data: the latest state and the hourly aggregates of the last 24 hours as GeoJSON and CSV,
// and the device registry as NGSI-LD (normalized or key-values) for export and re-import.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { renderEntity, type StoredEntity } from '../ngsi/entity-format.ts';
import { entityFeature } from '../presenters.ts';
import { seesPrivate, typeQuery } from './public.tsx';

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

async function latest(ctx: AppContext, type: string | undefined, publicOnly: boolean): Promise<StoredEntity[]> {
  return ctx.database.query<StoredEntity>(
    `select urn, type, attrs, context, to_char(created_at at time zone 'UTC', ${ISO}) as created_at, to_char(modified_at at time zone 'UTC', ${ISO}) as modified_at
     from citydata_entities where ($1::text is null or type = $1) ${publicOnly ? 'and public' : ''} order by type, id limit 100000`,
    [type ?? null],
  );
}

async function hourly(ctx: AppContext, type: string | undefined, publicOnly: boolean) {
  return ctx.database.query<{ urn: string; type: string; attr: string; hour: string; n: number; avg: number; min: number; max: number; geometry: unknown }>(
    `select e.urn, e.type, r.attr, to_char(date_trunc('hour', r.observed_at) at time zone 'UTC', ${ISO}) as hour, count(*)::int as n,
            avg(r.num) as avg, min(r.num) as min, max(r.num) as max, ST_AsGeoJSON(e.location)::jsonb as geometry
     from citydata_readings r join citydata_entities e on e.id = r.entity_id
     where r.observed_at > now() - interval '24 hours' and r.num is not null and ($1::text is null or e.type = $1) ${publicOnly ? 'and e.public' : ''}
     group by e.id, e.urn, e.type, r.attr, 4 order by e.urn, r.attr, 4 limit 500000`,
    [type ?? null],
  );
}

export function registerDownloadRoutes(app: FastifyInstance, ctx: AppContext): void {
  const opts = { schema: { tags: ['city data', 'open data'], querystring: typeQuery } };
  app.get<{ Querystring: { type?: string } }>('/citydata/latest.geojson', { ...opts, schema: { ...opts.schema, summary: 'Latest state of every public sensor (GeoJSON)' } }, async (req, reply) => {
    const rows = await latest(ctx, req.query.type || undefined, !seesPrivate(req));
    return reply.type('application/geo+json').send(JSON.stringify({ type: 'FeatureCollection', features: rows.map((r) => entityFeature(r, { keyValues: true, sysAttrs: true })) }));
  });
  app.get<{ Querystring: { type?: string } }>('/citydata/latest.csv', { ...opts, schema: { ...opts.schema, summary: 'Latest state of every public sensor (CSV, one row per attribute)' } }, async (req, reply) => {
    const rows = await latest(ctx, req.query.type || undefined, !seesPrivate(req));
    const out: unknown[][] = [];
    for (const r of rows) {
      const loc = r.attrs.location?.value as { coordinates?: unknown[] } | undefined;
      const point = Array.isArray(loc?.coordinates) && typeof loc.coordinates[0] === 'number' ? loc.coordinates : [null, null];
      for (const [attr, a] of Object.entries(r.attrs)) {
        if (attr === 'location' || a.type !== 'Property') continue;
        out.push([r.urn, r.type, attr, a.value, a.unitCode ?? '', a.observedAt ?? r.modified_at, point[0], point[1]]);
      }
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="citydata-latest.csv"')
      .send(toCsv(['id', 'type', 'attribute', 'value', 'unitCode', 'observedAt', 'longitude', 'latitude'], out));
  });
  app.get<{ Querystring: { type?: string } }>('/citydata/hourly.csv', { ...opts, schema: { ...opts.schema, summary: 'Hourly aggregates of the last 24 hours (CSV)' } }, async (req, reply) => {
    const rows = await hourly(ctx, req.query.type || undefined, !seesPrivate(req));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="citydata-hourly.csv"')
      .send(toCsv(['id', 'type', 'attribute', 'hour', 'count', 'avg', 'min', 'max'], rows.map((r) => [r.urn, r.type, r.attr, r.hour, r.n, r.avg, r.min, r.max])));
  });
  app.get<{ Querystring: { type?: string } }>('/citydata/hourly.geojson', { ...opts, schema: { ...opts.schema, summary: 'Hourly aggregates of the last 24 hours (GeoJSON, one feature per sensor and attribute)' } }, async (req, reply) => {
    const rows = await hourly(ctx, req.query.type || undefined, !seesPrivate(req));
    const features = new Map<string, { type: 'Feature'; geometry: unknown; properties: { id: string; type: string; attribute: string; hours: unknown[] } }>();
    for (const r of rows) {
      const k = `${r.urn}\u0000${r.attr}`;
      const f = features.get(k) ?? { type: 'Feature' as const, geometry: r.geometry, properties: { id: r.urn, type: r.type, attribute: r.attr, hours: [] } };
      f.properties.hours.push({ hour: r.hour, count: r.n, avg: r.avg, min: r.min, max: r.max });
      features.set(k, f);
    }
    return reply.type('application/geo+json').send(JSON.stringify({ type: 'FeatureCollection', features: [...features.values()] }));
  });
  app.get<{ Querystring: { options?: string } }>(
    '/citydata/devices.ngsi-ld.json',
    { schema: { tags: ['city data'], summary: 'The device registry as NGSI-LD entities (normalized, or options=keyValues)', querystring: { type: 'object', properties: { options: { type: 'string', enum: ['', 'keyValues', 'normalized'] } } } } },
    async (req, reply) => {
      const rows = await latest(ctx, undefined, !seesPrivate(req));
      const keyValues = req.query.options === 'keyValues';
      return reply
        .type('application/ld+json')
        .header('content-disposition', 'attachment; filename="citydata-devices.jsonld"')
        .send(JSON.stringify(rows.map((r) => renderEntity(r, { keyValues, sysAttrs: false, withContext: 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld' }))));
    },
  );
}
