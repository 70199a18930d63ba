// NGSI-LD temporal retrieval (clauses 5.7.3–5.7.4) from the time series: timerel before/after/between
// with timeAt/endTimeAt, lastN, attrs, and the temporalValues simplified form.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { list, options, requireReader, responseContext, sendJson } from './http.ts';
import { NgsiError } from './problem.ts';
import { getEntity, queryEntities, type EntityRow } from '../store/entities.ts';
import { entitiesQuerystring, MAX_LIMIT, type EntitiesQuerystring } from './entity-routes.ts';
import { isUri } from './entity-format.ts';

interface TemporalQuery {
  timerel?: string;
  timeAt?: string;
  endTimeAt?: string;
  lastN?: number;
  attrs?: string;
  options?: string;
}

const temporalProps = {
  timerel: { type: 'string', enum: ['before', 'after', 'between'] },
  timeAt: { type: 'string', maxLength: 40 },
  endTimeAt: { type: 'string', maxLength: 40 },
  lastN: { type: 'integer', minimum: 1, maximum: 10000 },
} as const;

const MAX_INSTANCES = 50_000;

function timeFilter(q: TemporalQuery, add: (v: unknown) => string): string {
  if (!q.timerel) {
    if (q.timeAt || q.endTimeAt) throw new NgsiError('BadRequestData', 'timeAt needs timerel');
    return '';
  }
  const at = q.timeAt ? Date.parse(q.timeAt) : NaN;
  if (Number.isNaN(at)) throw new NgsiError('BadRequestData', 'timerel needs timeAt as a date-time');
  const from = add(new Date(at).toISOString());
  if (q.timerel === 'before') return `and observed_at < ${from}::timestamptz`;
  if (q.timerel === 'after') return `and observed_at > ${from}::timestamptz`;
  const end = q.endTimeAt ? Date.parse(q.endTimeAt) : NaN;
  if (Number.isNaN(end)) throw new NgsiError('BadRequestData', 'timerel=between needs endTimeAt as a date-time');
  return `and observed_at >= ${from}::timestamptz and observed_at < ${add(new Date(end).toISOString())}::timestamptz`;
}

async function temporalEntities(ctx: AppContext, rows: EntityRow[], q: TemporalQuery, withContext: unknown): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const params: unknown[] = [rows.map((r) => r.id)];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const attrs = list(q.attrs);
  const attrFilter = attrs ? `and attr = any(${add(attrs)}::text[])` : '';
  const time = timeFilter(q, add);
  const lastN = q.lastN ? `where rn <= ${add(q.lastN)}` : '';
  const instances = await ctx.database.query<{ entity_id: number; attr: string; at: string; num: number | null; val: unknown }>(
    `select entity_id, attr, at, num, val from (
       select entity_id, attr, to_char(observed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, observed_at, num, val,
              row_number() over (partition by entity_id, attr order by observed_at desc) as rn
       from citydata_readings where entity_id = any($1::int[]) ${attrFilter} ${time}) x
     ${lastN} order by entity_id, attr, observed_at limit ${MAX_INSTANCES + 1}`,
    params,
  );
  if (instances.length > MAX_INSTANCES) throw new NgsiError('TooManyResults', `more than ${MAX_INSTANCES} instances match; narrow the time range or use lastN`);
  const simplified = options(q.options).has('temporalValues');
  const byEntity = new Map<number, Record<string, unknown>>();
  for (const r of rows) {
    byEntity.set(r.id, { id: r.urn, type: r.type, ...(withContext !== undefined ? { '@context': r.context ?? withContext } : {}) });
  }
  for (const i of instances) {
    const e = byEntity.get(i.entity_id)!;
    const value = i.num ?? i.val;
    const geo = i.attr === 'location';
    if (simplified) {
      const a = (e[i.attr] ??= { type: geo ? 'GeoProperty' : 'Property', values: [] }) as { values: unknown[] };
      a.values.push([value, i.at]);
    } else {
      const a = (e[i.attr] ??= []) as unknown[];
      a.push({ type: geo ? 'GeoProperty' : 'Property', value, observedAt: i.at });
    }
  }
  return rows.map((r) => byEntity.get(r.id)!);
}

export function registerTemporalRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: EntitiesQuerystring & TemporalQuery }>(
    '/temporal/entities',
    { schema: { tags: ['ngsi-ld'], summary: 'Query the temporal evolution of entities', querystring: { ...entitiesQuerystring, properties: { ...entitiesQuerystring.properties, ...temporalProps } } } },
    async (req, reply) => {
      const who = await requireReader(ctx, req);
      const q = req.query;
      const type = list(q.type);
      if (!type && !q.id && !q.idPattern && !q.q && !q.attrs && !q.georel) throw new NgsiError('BadRequestData', 'a query needs at least one of type, id, idPattern, attrs, q or a geo-query');
      const limit = q.limit ?? 20;
      if (limit > MAX_LIMIT) throw new NgsiError('TooManyResults', `limit may be at most ${MAX_LIMIT}`);
      const { rows, total } = await queryEntities(ctx.database, {
        type, id: list(q.id), idPattern: q.idPattern, q: q.q, attrs: undefined, georel: q.georel, geometry: q.geometry, coordinates: q.coordinates, geoproperty: q.geoproperty,
        limit, offset: q.offset ?? 0, count: q.count === true, publicOnly: !who.canSeePrivate,
      });
      if (total !== undefined) reply.header('NGSILD-Results-Count', String(total));
      return sendJson(req, reply, 200, await temporalEntities(ctx, rows, q, responseContext(req)));
    },
  );

  app.get<{ Params: { id: string }; Querystring: TemporalQuery }>(
    '/temporal/entities/:id',
    { schema: { tags: ['ngsi-ld'], summary: 'Retrieve the temporal evolution of an entity', querystring: { type: 'object', properties: { ...temporalProps, attrs: { type: 'string', maxLength: 2000 }, options: { type: 'string', maxLength: 200 } } } } },
    async (req, reply) => {
      const who = await requireReader(ctx, req);
      if (!isUri(req.params.id)) throw new NgsiError('BadRequestData', `"${req.params.id}" is not a valid entity id (a URI)`);
      const row = await getEntity(ctx.database, req.params.id);
      if (!row || (!row.public && !who.canSeePrivate)) throw new NgsiError('ResourceNotFound', `no entity ${req.params.id}`);
      const [entity] = await temporalEntities(ctx, [row], req.query, responseContext(req));
      return sendJson(req, reply, 200, entity);
    },
  );
}
