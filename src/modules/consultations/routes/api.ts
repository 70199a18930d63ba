// Read-only JSON API of consultations: the published list and one consultation with its strategy,
// open actions and, once closed, the aggregated results.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { problemSchema } from '../../../core/http/problem.ts';
import { id32, idParams, notFound, pagingProperties } from '../../../core/http/api-schemas.ts';
import { consultationPolicy } from '../policy.ts';
import { getPublicConsultation, listPublicConsultations, publicActions, publishedSpace, strategyTree } from '../queries.ts';
import { dashboard } from '../dashboard.ts';
import { consultationPageSchema, consultationSchema, presentConsultation, presentConsultationItem } from '../presenters.ts';

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    space: id32,
    status: { type: 'string', enum: ['open', 'closed'] },
    ...pagingProperties,
  },
} as const;

interface ListQuery {
  space?: number;
  status?: 'open' | 'closed';
  page: number;
  pageSize: number;
}


export function registerConsultationApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: ListQuery }>(
    '/api/v1/consultations',
    {
      schema: {
        tags: ['participation'],
        summary: 'Published consultations, open first, optionally of one space, paginated',
        querystring: listQuery,
        response: { 200: consultationPageSchema, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const { space, status, page, pageSize } = req.query;
      if (space !== undefined && !(await publishedSpace(ctx.database, space))) return notFound(reply, `No space ${space}`);
      const { items, total } = await listPublicConsultations(ctx.database, { spaceId: space, status }, page, pageSize);
      return { items: items.map(presentConsultationItem), total, page, pageSize };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/consultations/:id',
    {
      schema: {
        tags: ['participation'],
        summary: 'One consultation: its strategy (ambitions, objectives, projects), open actions and, once closed, aggregated results',
        params: idParams,
        response: { 200: consultationSchema, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const c = await getPublicConsultation(ctx.database, req.params.id);
      if (!c || !consultationPolicy.can(req.actor, 'consultation.view', c)) return notFound(reply, `No consultation ${req.params.id}`);
      const closed = c.status === 'closed' && consultationPolicy.can(req.actor, 'consultation.viewDashboard', c);
      return presentConsultation(c, await strategyTree(ctx.database, c.id), await publicActions(ctx.database, c.id), closed ? await dashboard(ctx, c.id) : null);
    },
  );
}
