// JSON API of reports: map features by bounding box, filtered GeoJSON, one report, categories.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { problem, sendProblem } from '../../../core/http/problem.ts';
import { reportPolicy } from '../policy.ts';
import { categoryOptions, getReport, listReports } from '../queries.ts';
import { mapFeatures, type BBox } from '../map-query.ts';
import { publicReport, publicReportSchema, reportFeature } from '../presenters.ts';
import { filtersFrom, listQuery } from './citizen.tsx';

const featureCollection = { type: 'object', properties: { type: { type: 'string' }, features: { type: 'array', items: { type: 'object', additionalProperties: true } } } } as const;

export function registerApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { bbox: string; zoom: number; status?: string; category?: string; district?: number | string } }>(
    '/api/v1/reports/map',
    {
      schema: {
        tags: ['reports'],
        summary: 'Reports inside a bounding box as GeoJSON; clustered below zoom 16',
        querystring: {
          type: 'object',
          required: ['bbox'],
          properties: {
            bbox: { type: 'string', pattern: '^-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?$', description: 'minLng,minLat,maxLng,maxLat' },
            zoom: { type: 'integer', minimum: 0, maximum: 22, default: 13 },
            status: listQuery.properties.status,
            category: listQuery.properties.category,
            district: listQuery.properties.district,
          },
        },
        response: { 200: featureCollection },
      },
    },
    async (req, reply) => {
      const b = req.query.bbox.split(',').map(Number) as BBox;
      if (b[0] >= b[2] || b[1] >= b[3] || Math.abs(b[1]) > 90 || Math.abs(b[3]) > 90) {
        return sendProblem(reply, problem(400, 'validation', 'Invalid request', 'bbox must be minLng,minLat,maxLng,maxLat with min < max', [{ field: 'bbox', reason: 'min must be below max, latitudes within ±90' }]));
      }
      const features = await mapFeatures(ctx, req.locale, b, req.query.zoom, filtersFrom(req.query));
      return reply.header('cache-control', 'public, max-age=15').send({ type: 'FeatureCollection', features });
    },
  );

  app.get<{ Querystring: { status?: string; category?: string; district?: number | string; page: number } }>(
    '/api/v1/reports.geojson',
    { schema: { tags: ['reports', 'open data'], summary: 'Filtered report list as GeoJSON (newest first, 500 per page)', querystring: listQuery, response: { 200: featureCollection } } },
    async (req, reply) => {
      const { items } = await listReports(ctx, req.locale, filtersFrom(req.query), req.query.page, 500);
      return reply.type('application/geo+json').send({ type: 'FeatureCollection', features: items.map(reportFeature) });
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'One report with its public history',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 9007199254740991 } } },
        response: { 200: publicReportSchema },
      },
    },
    async (req, reply) => {
      const r = await getReport(ctx, req.params.id, req.locale);
      if (!r || !reportPolicy.can(req.actor, 'report.view', { departmentId: r.departmentId, reporterId: r.reporterId, status: r.status, hidden: r.hidden })) {
        return sendProblem(reply, problem(404, 'not-found', 'Not found', `No report ${req.params.id}`));
      }
      return publicReport(r);
    },
  );

  app.get(
    '/api/v1/report-categories',
    {
      schema: {
        tags: ['reports'],
        summary: 'Active report categories in the request language',
        response: { 200: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, group: { type: 'string' }, help: { type: 'string' } } } } },
      },
    },
    async (req) => (await categoryOptions(ctx, req.locale)).map(({ code, name, group, help }) => ({ code, name, group, help })),
  );
}
