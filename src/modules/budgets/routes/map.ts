// GeoJSON of an edition's located projects (optionally one budget's), for the edition and results
// maps and for anyone who wants them in a GIS.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { problem, problemSchema, sendProblem } from '../../../core/http/problem.ts';
import { loadBudget, loadEdition } from '../budget-config.ts';
import { projectFeature, projectFeatureCollectionSchema, projectPoints } from '../map.ts';
import { idParams, visibleTo } from './common.tsx';
import { projectView } from '../queries.ts';

export function registerMapRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: number }; Querystring: { budget?: number } }>(
    '/api/v1/pb/editions/:id/projects.geojson',
    {
      schema: {
        tags: ['participatory budgeting', 'open data'],
        summary: 'Located projects of an edition as GeoJSON points: candidates while proposing and reviewing, then the ballot, with the winners marked',
        params: idParams,
        querystring: { type: 'object', additionalProperties: false, properties: { budget: { type: 'integer', minimum: 1, maximum: 2147483647 } } },
        response: { 200: projectFeatureCollectionSchema, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const edition = await loadEdition(ctx.database, req.params.id);
      const budget = req.query.budget === undefined ? null : await loadBudget(ctx.database, req.query.budget);
      if (!visibleTo(req.actor, edition) || (budget !== null && budget?.editionId !== edition.id)) {
        return sendProblem(reply, problem(404, 'not-found', 'Not found', `No edition ${req.params.id}${req.query.budget ? ` with budget ${req.query.budget}` : ''}`));
      }
      const points = await projectPoints(ctx.database, edition.id, edition.phase, budget?.id ?? null);
      return reply.type('application/geo+json').send({ type: 'FeatureCollection', features: points.map(projectFeature) });
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/pb/projects/:id.geojson',
    {
      schema: {
        tags: ['participatory budgeting', 'open data'],
        summary: 'One project as GeoJSON (no features when it has no place), for its page map',
        params: idParams,
        response: { 200: projectFeatureCollectionSchema, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const p = await projectView(ctx, req.params.id);
      if (!visibleTo(req.actor, p)) return sendProblem(reply, problem(404, 'not-found', 'Not found', `No project ${req.params.id}`));
      const features = p.lat !== null && p.lng !== null ? [projectFeature({ id: p.id, budgetId: p.budgetId, title: p.title, status: p.status, cost: p.adjustedCost ?? p.cost, lat: p.lat, lng: p.lng })] : [];
      return reply.type('application/geo+json').send({ type: 'FeatureCollection', features });
    },
  );
}
