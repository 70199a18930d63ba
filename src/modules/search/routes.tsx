// GET /search (the page, works without JavaScript) and GET /api/v1/search (JSON).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../core/context.ts';
import { search } from './queries.ts';
import { searchCacheFor } from './result-cache.ts';
import { RESULT_TYPES, sources, type ResultType } from './sources.ts';
import { SearchPage } from './page.tsx';

const PAGE_SIZE = 20;
const querystring = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 200, default: '' },
    type: { type: 'string', enum: ['', ...RESULT_TYPES] },
    page: { type: 'integer', minimum: 1, maximum: 500, default: 1 },
  },
} as const;

interface Query {
  q: string;
  type?: ResultType | '';
  page: number;
}

export function registerSearchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const cache = searchCacheFor(ctx);
  app.get<{ Querystring: Query }>('/search', { schema: { hide: true, querystring } }, async (req, reply) => {
    const q = req.query.q.trim();
    const type = req.query.type || undefined;
    const results = q.length >= 2 ? await search(ctx.database, q, { type, page: req.query.page, pageSize: PAGE_SIZE }, await cache.current()) : null;
    const types = [...(await sources(ctx.database)).keys()];
    return reply.page(req.t('search.title'), <SearchPage page={await req.pageContext()} q={q} type={type} types={types} results={results} pageNo={req.query.page} pageSize={PAGE_SIZE} />);
  });

  app.get<{ Querystring: Query }>(
    '/api/v1/search',
    {
      schema: {
        tags: ['participation'],
        summary: 'Search spaces, proposals, debates, meetings and surveys (Romanian stemming, accents ignored, typos forgiven in titles)',
        querystring: { ...querystring, required: ['q'] },
        response: {
          200: {
            type: 'object',
            properties: {
              total: { type: 'integer' },
              capped: { type: 'boolean', description: 'true when some type had more than 100 hits; its count then says 100' },
              fuzzy: { type: 'boolean', description: 'true when nothing matched every word and the results are titles close to the query' },
              counts: { type: 'object', additionalProperties: { type: 'integer' } },
              results: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { type: { type: 'string', enum: [...RESULT_TYPES] }, id: { type: 'integer' }, title: { type: 'string' }, excerpt: { type: 'string' }, url: { type: 'string' }, at: { type: 'string', format: 'date-time' } },
                },
              },
            },
          },
        },
      },
    },
    async (req) => search(ctx.database, req.query.q, { type: req.query.type || undefined, page: req.query.page, pageSize: PAGE_SIZE }, await cache.current()),
  );
}
