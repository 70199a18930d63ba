// JSON-schema pieces every module's read API repeats: ids, paging parameters, a page of items, and
// the 404 answer. One definition keeps the OpenAPI document consistent across modules.
import type { FastifyReply } from 'fastify';
import { problem, sendProblem } from './problem.ts';

export const id32 = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
export const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: id32 } } as const;

/** `page` and `pageSize` query parameters (1-based page, 20 items by default, 100 at most). */
export const pagingProperties = {
  page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
  pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
} as const;

/** A page of `item`: `{ items, total, page, pageSize }`. */
export function pageSchema<T extends object>(item: T) {
  return {
    type: 'object',
    properties: { items: { type: 'array', items: item }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } },
  } as const;
}

export const notFound = (reply: FastifyReply, detail: string): FastifyReply => sendProblem(reply, problem(404, 'not-found', 'Not found', detail));

/** A GeoJSON FeatureCollection of points whose `properties` follow `properties` (an object schema's properties). */
export function pointFeatureCollectionSchema<P extends object>(properties: P) {
  return {
    type: 'object',
    properties: {
      type: { type: 'string', enum: ['FeatureCollection'] },
      features: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            type: { type: 'string', enum: ['Feature'] },
            id: { type: 'integer' },
            geometry: {
              type: 'object',
              properties: { type: { type: 'string', enum: ['Point'] }, coordinates: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } },
            },
            properties: { type: 'object', properties },
          },
        },
      },
    },
  } as const;
}
