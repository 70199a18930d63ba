// JSON API of proposals: the filtered list, one proposal, similar proposals, and supports.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { problem, problemSchema, sendProblem } from '../../../core/http/problem.ts';
import { cachedHostedComponent } from '../../spaces/hosted.ts';
import { proposalPolicy } from '../policy.ts';
import { subjectOf } from '../subject.ts';
import { STATES } from '../model.ts';
import { getProposal, listProposals, similarProposals } from '../queries.ts';
import { listAttachments } from '../attachments.ts';
import { setSupport } from '../commands/support.ts';
import { presentItem, presentProposal, proposalPageSchema, proposalSchema } from '../presenters.ts';
import { idParams, listQuery, type ListQuery } from './schemas.ts';
import { filtersFrom } from './citizen.tsx';

const supportResult = { type: 'object', properties: { supported: { type: 'boolean' }, supports: { type: 'integer' }, state: { type: 'string', enum: [...STATES] } } } as const;
const notFound = (reply: FastifyReply, what: string) => sendProblem(reply, problem(404, 'not-found', 'Not found', what));

export function registerApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: ListQuery & { component: number; pageSize: number } }>(
    '/api/v1/proposals',
    {
      schema: {
        tags: ['participation'],
        summary: 'Proposals of one component, filtered, sorted and paginated',
        querystring: {
          type: 'object',
          required: ['component'],
          properties: { ...listQuery.properties, component: { type: 'integer', minimum: 1, maximum: 2147483647 }, pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
        },
        response: { 200: proposalPageSchema, 404: problemSchema },
      },
    },
    async (req, reply) => {
      // The list is read alongside the component and sent only if the component may be seen.
      const [c, { items, total }] = await Promise.all([
        cachedHostedComponent(ctx, req.query.component, 'proposals'),
        listProposals(ctx.database, req.locale, req.query.component, filtersFrom(req.query), req.query.page, req.query.pageSize),
      ]);
      if (!c || !proposalPolicy.can(req.actor, 'proposal.view', subjectOf(c))) return notFound(reply, `No proposals component ${req.query.component}`);
      return { items: items.map(presentItem), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get<{ Querystring: { component: number; title: string; body?: string } }>(
    '/api/v1/proposals/similar',
    {
      schema: {
        tags: ['participation'],
        summary: 'Proposals similar to a draft (accent-insensitive Romanian full text and title trigram similarity)',
        querystring: {
          type: 'object',
          required: ['component', 'title'],
          properties: { component: { type: 'integer', minimum: 1, maximum: 2147483647 }, title: { type: 'string', maxLength: 200 }, body: { type: 'string', maxLength: 5000 } },
        },
        response: {
          200: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, title: { type: 'string' }, state: { type: 'string' }, supports: { type: 'integer' }, url: { type: 'string' } } } },
          404: problemSchema,
        },
      },
    },
    async (req, reply) => {
      const c = await cachedHostedComponent(ctx, req.query.component, 'proposals');
      if (!c || !proposalPolicy.can(req.actor, 'proposal.view', subjectOf(c))) return notFound(reply, `No proposals component ${req.query.component}`);
      const rows = await similarProposals(ctx.database, c.id, { title: req.query.title, body: req.query.body });
      return rows.map((r) => ({ ...r, url: `/proposals/${r.id}` }));
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/proposals/:id',
    { schema: { tags: ['participation'], summary: 'One proposal with its official answer', params: idParams, response: { 200: proposalSchema, 404: problemSchema } } },
    async (req, reply) => {
      const p = await getProposal(ctx.database, req.locale, req.params.id);
      const c = p && (await cachedHostedComponent(ctx, p.componentId, 'proposals'));
      if (!p || !c || !proposalPolicy.can(req.actor, 'proposal.view', subjectOf(c, p)) || p.hidden) return notFound(reply, `No proposal ${req.params.id}`);
      return presentProposal(p, await listAttachments(ctx.database, p.id));
    },
  );

  for (const method of ['POST', 'DELETE'] as const) {
    app.route<{ Params: { id: number } }>({
      method,
      url: '/api/v1/proposals/:id/support',
      schema: {
        tags: ['participation'],
        summary: method === 'POST' ? 'Support a proposal (signed in; one per person, within the limit per person)' : 'Withdraw your support',
        params: idParams,
        response: { 200: supportResult, 401: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      handler: async (req, reply) => {
        if (req.actor.kind !== 'user') return sendProblem(reply, problem(401, 'unauthenticated', 'Not signed in'));
        const outcome = await setSupport(ctx, req.actor, req.params.id, method === 'POST');
        switch (outcome.kind) {
          case 'supported':
          case 'unsupported':
            return { supported: outcome.kind === 'supported', supports: outcome.supports, state: outcome.state };
          case 'already':
            return sendProblem(reply, problem(409, 'already-supported', 'Already supported', 'You already support this proposal.'));
          case 'not_supported':
            return sendProblem(reply, problem(409, 'not-supported', 'Not supported', 'You do not support this proposal.'));
          case 'limit_reached':
            return sendProblem(reply, problem(409, 'support-limit', 'Support limit reached', `You have used all ${outcome.limit} supports of this component.`));
          case 'closed':
            return sendProblem(reply, problem(409, 'supports-closed', 'Supports closed', 'Supports are not open for this proposal now.'));
          case 'not_found':
            return notFound(reply, `No proposal ${req.params.id}`);
        }
      },
    });
  }
}
