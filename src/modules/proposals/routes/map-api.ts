// GeoJSON of a component's located proposals, filtered like the list, for the map view and for
// anyone who wants them in a GIS.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { problem, problemSchema, sendProblem } from '../../../core/http/problem.ts';
import { cachedHostedComponent } from '../../spaces/hosted.ts';
import { proposalPolicy } from '../policy.ts';
import { subjectOf } from '../subject.ts';
import { MAP_LIMIT, proposalFeature, proposalFeatureCollectionSchema, proposalPoints } from '../map.ts';
import { listQuery, type ListQuery } from './schemas.ts';
import { filtersFrom } from './citizen.tsx';

const { q, state, category, district } = listQuery.properties;

export function registerMapApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: Omit<ListQuery, 'sort' | 'page'> & { component: number } }>(
    '/api/v1/proposals.geojson',
    {
      schema: {
        tags: ['participation', 'open data'],
        summary: `Located proposals of one component as GeoJSON points, with the list's filters (most supported first, at most ${MAP_LIMIT})`,
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['component'],
          properties: { component: { type: 'integer', minimum: 1, maximum: 2147483647 }, q, state, category, district },
        },
        response: { 200: proposalFeatureCollectionSchema, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const c = await cachedHostedComponent(ctx, req.query.component, 'proposals');
      if (!c || !proposalPolicy.can(req.actor, 'proposal.view', subjectOf(c))) return sendProblem(reply, problem(404, 'not-found', 'Not found', `No proposals component ${req.query.component}`));
      const points = await proposalPoints(ctx.database, c.id, filtersFrom({ ...req.query, sort: 'recent', page: 1 }));
      return reply.type('application/geo+json').send({ type: 'FeatureCollection', features: points.map(proposalFeature) });
    },
  );
}
