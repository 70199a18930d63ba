// NGSI-LD entities (clauses 5.6.1–5.6.6, 5.7.1–5.7.2): create, retrieve, query, update attributes, delete.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { checkBodyContext, list, options, requireReader, requireWriter, responseContext, sendJson, wantsGeoJson } from './http.ts';
import { checkEntity, checkFragment, isUri, renderEntity } from './entity-format.ts';
import { NgsiError } from './problem.ts';
import { createEntity, deleteEntity, getEntity, queryEntities, updateAttrs } from '../store/entities.ts';
import { afterWrite } from './after-write.ts';
import { entityFeature } from '../presenters.ts';

export const MAX_LIMIT = 1000;

export interface EntitiesQuerystring {
  type?: string;
  id?: string;
  idPattern?: string;
  q?: string;
  attrs?: string;
  georel?: string;
  geometry?: string;
  coordinates?: string;
  geoproperty?: string;
  limit?: number;
  offset?: number;
  count?: boolean;
  options?: string;
}

const str = { type: 'string', maxLength: 2000 } as const;
export const entitiesQuerystring = {
  type: 'object',
  properties: {
    type: str, id: str, idPattern: str, q: str, attrs: str, georel: str, geometry: str, coordinates: { type: 'string', maxLength: 20000 }, geoproperty: str,
    limit: { type: 'integer', minimum: 0 }, offset: { type: 'integer', minimum: 0 }, count: { type: 'boolean' }, options: str,
  },
} as const;

function entityIdParam(id: string): string {
  if (!isUri(id)) throw new NgsiError('BadRequestData', `"${id}" is not a valid entity id (a URI)`);
  return id;
}

export function registerEntityRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/entities', { schema: { tags: ['ngsi-ld'], summary: 'Create an entity (normalized; options=keyValues accepted)', querystring: { type: 'object', properties: { options: str } } } }, async (req, reply) => {
    const who = await requireWriter(ctx, req);
    checkBodyContext(req);
    const entity = checkEntity(req.body, options((req.query as { options?: string }).options).has('keyValues'));
    const outcome = await ctx.database.transaction((tx) => createEntity(ctx, tx, entity, who.owner));
    if (outcome.kind === 'exists') throw new NgsiError('AlreadyExists', `entity ${entity.id} already exists`);
    await afterWrite(ctx, [outcome.result]);
    return reply.code(201).header('location', `/ngsi-ld/v1/entities/${encodeURIComponent(entity.id)}`).send();
  });

  app.get<{ Querystring: EntitiesQuerystring }>('/entities', { schema: { tags: ['ngsi-ld'], summary: 'Query entities', querystring: entitiesQuerystring } }, async (req, reply) => {
    const who = await requireReader(ctx, req);
    const q = req.query;
    const opts = options(q.options);
    const type = list(q.type);
    const attrs = list(q.attrs);
    if (!type && !q.id && !q.idPattern && !q.q && !attrs && !q.georel) {
      throw new NgsiError('BadRequestData', 'a query needs at least one of type, id, idPattern, attrs, q or a geo-query');
    }
    const limit = q.limit ?? 20;
    if (limit > MAX_LIMIT) throw new NgsiError('TooManyResults', `limit may be at most ${MAX_LIMIT}`);
    const { rows, total } = await queryEntities(ctx.database, {
      type, id: list(q.id), idPattern: q.idPattern, q: q.q, attrs, georel: q.georel, geometry: q.geometry, coordinates: q.coordinates, geoproperty: q.geoproperty,
      limit, offset: q.offset ?? 0, count: q.count === true, publicOnly: !who.canSeePrivate,
    });
    if (total !== undefined) reply.header('NGSILD-Results-Count', String(total));
    const render = { keyValues: opts.has('keyValues') || opts.has('simplified'), sysAttrs: opts.has('sysAttrs'), attrs, withContext: responseContext(req) };
    if (wantsGeoJson(req)) {
      return reply.type('application/geo+json').send(JSON.stringify({ type: 'FeatureCollection', features: rows.map((r) => entityFeature(r, render)) }));
    }
    return sendJson(req, reply, 200, rows.map((r) => renderEntity(r, render)));
  });

  app.get<{ Params: { id: string }; Querystring: { attrs?: string; options?: string } }>(
    '/entities/:id',
    { schema: { tags: ['ngsi-ld'], summary: 'Retrieve an entity', querystring: { type: 'object', properties: { attrs: str, options: str } } } },
    async (req, reply) => {
      const who = await requireReader(ctx, req);
      const row = await getEntity(ctx.database, entityIdParam(req.params.id));
      if (!row || (!row.public && !who.canSeePrivate)) throw new NgsiError('ResourceNotFound', `no entity ${req.params.id}`);
      const opts = options(req.query.options);
      const render = { keyValues: opts.has('keyValues') || opts.has('simplified'), sysAttrs: opts.has('sysAttrs'), attrs: list(req.query.attrs), withContext: responseContext(req) };
      if (wantsGeoJson(req)) return reply.type('application/geo+json').send(JSON.stringify(entityFeature(row, render)));
      return sendJson(req, reply, 200, renderEntity(row, render));
    },
  );

  app.delete<{ Params: { id: string } }>('/entities/:id', { schema: { tags: ['ngsi-ld'], summary: 'Delete an entity' } }, async (req, reply) => {
    await requireWriter(ctx, req);
    const gone = await ctx.database.transaction((tx) => deleteEntity(tx, entityIdParam(req.params.id)));
    if (!gone) throw new NgsiError('ResourceNotFound', `no entity ${req.params.id}`);
    return reply.code(204).send();
  });

  app.patch<{ Params: { id: string } }>('/entities/:id/attrs', { schema: { tags: ['ngsi-ld'], summary: 'Update existing attributes of an entity' } }, async (req, reply) => {
    await requireWriter(ctx, req);
    checkBodyContext(req);
    const id = entityIdParam(req.params.id);
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) throw new NgsiError('BadRequestData', 'the body must be an object of attributes');
    const fragment = checkFragment(req.body as Record<string, unknown>);
    if (Object.keys(fragment).length === 0) throw new NgsiError('BadRequestData', 'no attribute to update');
    const outcome = await ctx.database.transaction(async (tx) => {
      const row = await getEntity(tx, id);
      if (!row) return null;
      return updateAttrs(ctx, tx, row, fragment);
    });
    if (!outcome) throw new NgsiError('ResourceNotFound', `no entity ${id}`);
    await afterWrite(ctx, [outcome.result]);
    if (outcome.notUpdated.length === 0) return reply.code(204).send();
    return reply.code(207).type('application/json').send(
      JSON.stringify({ updated: outcome.updated, notUpdated: outcome.notUpdated.map((attributeName) => ({ attributeName, reason: 'attribute does not exist' })) }),
    );
  });
}
