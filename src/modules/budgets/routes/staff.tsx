// Officials' work on projects: the feasibility review and implementation tracking.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { budgetPolicy } from '../policy.ts';
import { projectView, type ProjectView } from '../queries.ts';
import { reviewProject, trackProject } from '../commands/projects.ts';
import { parseAmount } from '../commands/budget-input.ts';
import { ReviewPage, type ReviewValues } from '../pages/review-page.tsx';
import { ProjectPage } from '../pages/project-page.tsx';
import { forbidden, idParams, toLogin, visibleTo } from './common.tsx';

const reviewBody = {
  type: 'object',
  additionalProperties: false,
  required: ['decision'],
  properties: {
    decision: { type: 'string', enum: ['accept', 'reject'] },
    reason: { type: 'string', maxLength: 2000 },
    adjustedCost: { type: 'string', maxLength: 40 },
  },
} as const;

const progressBody = {
  type: 'object',
  additionalProperties: false,
  required: ['progress'],
  properties: { progress: { type: 'string', maxLength: 3 }, spent: { type: 'string', maxLength: 40 }, note: { type: 'string', maxLength: 2000 } },
} as const;

type Guarded = { project: ProjectView; officialId: string } | { done: unknown };

async function guard(ctx: AppContext, req: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply, action: 'pb.review' | 'pb.track', back: string): Promise<Guarded> {
  const project = await projectView(ctx, req.params.id);
  if (!visibleTo(req.actor, project)) return { done: reply.callNotFound() };
  if (req.actor.kind !== 'user') return { done: toLogin(reply, back) };
  if (!budgetPolicy.can(req.actor, action, { phase: project.phase })) return { done: forbidden(req, reply) };
  return { project, officialId: req.actor.id };
}

export function registerStaffRoutes(app: FastifyInstance, ctx: AppContext): void {
  const renderReview = async (req: FastifyRequest, reply: FastifyReply, project: ProjectView, values?: ReviewValues, errors?: FieldError[], status = 200) =>
    reply.page(
      req.t('pb.review.title', { title: project.title }),
      <ReviewPage page={await req.pageContext()} project={project} {...(values ? { values } : {})} {...(errors ? { errors } : {})} />,
      { status },
    );

  app.get<{ Params: { id: number } }>('/budgets/projects/:id/review', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const g = await guard(ctx, req, reply, 'pb.review', `/budgets/projects/${req.params.id}/review`);
    if ('done' in g) return g.done;
    return renderReview(req, reply, g.project);
  });

  app.post<{ Params: { id: number }; Body: ReviewValues }>(
    '/budgets/projects/:id/review',
    { schema: { hide: true, params: idParams, body: reviewBody }, attachValidation: true },
    async (req, reply) => {
      const g = await guard(ctx, req, reply, 'pb.review', `/budgets/projects/${req.params.id}/review`);
      if ('done' in g) return g.done;
      const v = req.body ?? {};
      if (req.validationError) return renderReview(req, reply, g.project, v, [{ field: 'decision', reason: req.t('pb.review.err.decision') }], 400);
      const adjusted = parseAmount(v.adjustedCost);
      if (Number.isNaN(adjusted)) return renderReview(req, reply, g.project, v, [{ field: 'adjustedCost', reason: req.t('pb.project.err.cost') }], 400);
      const outcome = await reviewProject(ctx, g.officialId, g.project.id, { decision: v.decision as 'accept' | 'reject', reason: v.reason ?? '', adjustedCost: adjusted });
      switch (outcome.kind) {
        case 'reviewed':
          return reply.redirectWithNotice(`/budgets/projects/${g.project.id}`, outcome.status === 'accepted' ? 'pb.review.accepted' : 'pb.review.rejected');
        case 'invalid':
          return renderReview(req, reply, g.project, v, outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) })), 400);
        case 'wrong_phase':
          return forbidden(req, reply);
        case 'not_found':
          return reply.callNotFound();
      }
    },
  );

  app.post<{ Params: { id: number }; Body: { progress: string; spent?: string; note?: string } }>(
    '/budgets/projects/:id/progress',
    { schema: { hide: true, params: idParams, body: progressBody }, attachValidation: true },
    async (req, reply) => {
      const g = await guard(ctx, req, reply, 'pb.track', `/budgets/projects/${req.params.id}`);
      if ('done' in g) return g.done;
      const b = req.body ?? { progress: '' };
      const progress = /^\d{1,3}$/.test(b.progress ?? '') ? Number(b.progress) : Number.NaN;
      const spent = parseAmount(b.spent);
      const outcome = req.validationError
        ? { kind: 'invalid' as const, errors: [{ field: 'progress', reason: 'pb.track.err.progress' }] }
        : await trackProject(ctx, g.officialId, g.project.id, { progress, spent: Number.isNaN(spent) ? -1 : spent, note: b.note ?? '' });
      if (outcome.kind === 'saved') return reply.redirectWithNotice(`/budgets/projects/${g.project.id}`, 'pb.track.saved');
      if (outcome.kind === 'not_found') return reply.callNotFound();
      const errors = outcome.kind === 'invalid' ? outcome.errors : [{ field: 'progress', reason: 'pb.track.err.notSelected' }];
      return reply.page(g.project.title, <ProjectPage page={await req.pageContext()} project={g.project} trackErrors={errors.map((e) => ({ field: e.field, reason: req.t(e.reason) }))} />, { status: 400 });
    },
  );
}
