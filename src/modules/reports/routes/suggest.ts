// Helps the report form while someone types: similar open reports nearby (and, when the text
// classifier is trained, a suggested category).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { nearbyOpenReports } from '../nearby.ts';
import { suggestCategories } from '../classifier/store.ts';

export function registerSuggestRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { lat: number; lng: number; category?: string; text?: string; radius?: number } }>(
    '/api/v1/reports/nearby',
    {
      schema: {
        tags: ['reports'],
        summary: 'Open reports near a point (same category, most similar text first) so a resident can follow one instead of filing a duplicate',
        querystring: {
          type: 'object',
          required: ['lat', 'lng'],
          properties: {
            lat: { type: 'number', minimum: -90, maximum: 90 },
            lng: { type: 'number', minimum: -180, maximum: 180 },
            category: { type: 'string', maxLength: 60 },
            text: { type: 'string', maxLength: 4000 },
            radius: { type: 'integer', minimum: 10, maximum: 1000 },
          },
        },
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: { id: { type: 'integer' }, title: { type: 'string' }, status: { type: 'string' }, category: { type: 'string' }, distanceM: { type: 'integer' }, similarity: { type: 'number' }, url: { type: 'string' } },
            },
          },
        },
      },
    },
    async (req) => {
      const rows = await nearbyOpenReports(ctx, req.locale, { lat: req.query.lat, lng: req.query.lng, categoryCode: req.query.category, text: req.query.text, radiusM: req.query.radius });
      return rows.map((r) => ({ ...r, url: `/reports/${r.id}` }));
    },
  );

  app.get<{ Querystring: { text: string } }>(
    '/api/v1/reports/suggest-category',
    {
      schema: {
        tags: ['reports'],
        summary: 'The most likely categories for a description (Romanian text classifier that learns from officials’ corrections)',
        querystring: { type: 'object', required: ['text'], properties: { text: { type: 'string', maxLength: 4000 } } },
        response: { 200: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, score: { type: 'number' } } } } },
      },
    },
    async (req) => suggestCategories(ctx, req.locale, req.query.text),
  );
}
