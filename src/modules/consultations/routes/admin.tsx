// Running a consultation under /admin/consultations: promoting or declining open actions and the
// CSV exports of interested parties who consented to be contacted.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { ForbiddenPage, sendNotFound } from '../../../core/admin/guard.tsx';
import { hasRole } from '../../../core/auth/actor.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { consultationPolicy } from '../policy.ts';
import { getConsultation, getProject, listConsultations, openActions, strategyTree } from '../queries.ts';
import { declineAction, promoteAction, type ActionOutcome } from '../commands/actions.ts';
import { interestedPartiesCsv } from '../csv-export.ts';
import { AdminConsultationList, AdminConsultationPage } from '../pages/admin-page.tsx';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;

export async function guard(req: FastifyRequest, reply: FastifyReply) {
  if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(req.method === 'GET' ? req.url : '/admin/consultations')}`, 303);
  // Every admin action here needs the admin role; the policy decides per consultation below.
  if (!hasRole(req.actor, 'admin')) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
}

function sendCsv(reply: FastifyReply, body: string, filename: string) {
  return reply.header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store').type('text/csv; charset=utf-8').send(body);
}

export function registerAdminConsultationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const consultationPage = async (req: FastifyRequest, reply: FastifyReply, id: number, errors?: FieldError[], errorActionId?: number) => {
    const c = await getConsultation(ctx.database, id);
    if (!c) return sendNotFound(req, reply);
    return reply.page(
      c.title,
      <AdminConsultationPage
        page={await req.pageContext()}
        c={c}
        tree={await strategyTree(ctx.database, id)}
        actions={await openActions(ctx.database, id)}
        {...(errors ? { errors } : {})}
        {...(errorActionId ? { errorActionId } : {})}
      />,
      { status: errors?.length ? 400 : 200 },
    );
  };

  const actionConsultation = async (actionId: number) =>
    (await ctx.database.query<{ consultation_id: number }>('select consultation_id from consultation_actions where id = $1', [actionId]))[0]?.consultation_id;

  const answer = async (req: FastifyRequest, reply: FastifyReply, actionId: number, outcome: ActionOutcome) => {
    const cid = await actionConsultation(actionId);
    switch (outcome.kind) {
      case 'promoted':
        return reply.redirectWithNotice(`/admin/consultations/${cid}`, 'consultations.admin.promoted');
      case 'declined':
        return reply.redirectWithNotice(`/admin/consultations/${cid}`, 'consultations.admin.declined');
      case 'already_decided':
        return reply.redirectWithNotice(`/admin/consultations/${cid}`, 'consultations.admin.alreadyDecided');
      case 'invalid':
        return consultationPage(req, reply, cid!, outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) })), actionId);
      case 'forbidden':
        return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
      default:
        return sendNotFound(req, reply);
    }
  };

  app.get('/admin/consultations', { schema: { hide: true }, preHandler: guard }, async (req, reply) =>
    reply.page(req.t('consultations.admin.title'), <AdminConsultationList page={await req.pageContext()} items={await listConsultations(ctx, true)} />),
  );

  app.get<{ Params: { id: number } }>('/admin/consultations/:id', { schema: { hide: true, params: idParams }, preHandler: guard }, async (req, reply) => consultationPage(req, reply, req.params.id));

  app.post<{ Params: { id: number }; Body: { objectiveId?: string; title?: string } }>(
    '/admin/consultations/actions/:id/promote',
    {
      schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, properties: { objectiveId: { type: 'string', pattern: '^\\d{0,9}$' }, title: { type: 'string', maxLength: 500 } } } },
      attachValidation: true,
      preValidation: guard,
    },
    async (req, reply) => {
      const objectiveId = req.validationError ? 0 : Number(req.body?.objectiveId || 0);
      return answer(req, reply, req.params.id, await promoteAction(ctx, req.actor, req.params.id, { objectiveId, title: req.body?.title ?? '' }));
    },
  );

  app.post<{ Params: { id: number } }>('/admin/consultations/actions/:id/decline', { schema: { hide: true, params: idParams }, preValidation: guard }, async (req, reply) =>
    answer(req, reply, req.params.id, await declineAction(ctx, req.actor, req.params.id)),
  );

  app.get<{ Params: { id: number } }>('/admin/consultations/:id/interests.csv', { schema: { hide: true, params: idParams }, preHandler: guard }, async (req, reply) => {
    const c = await getConsultation(ctx.database, req.params.id);
    if (!c) return sendNotFound(req, reply);
    if (!consultationPolicy.can(req.actor, 'consultation.export', c)) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
    return sendCsv(reply, await interestedPartiesCsv(ctx, req.t, { consultationId: c.id }), `consultation-${c.id}-interested.csv`);
  });

  app.get<{ Params: { id: number } }>('/admin/consultations/projects/:id/interests.csv', { schema: { hide: true, params: idParams }, preHandler: guard }, async (req, reply) => {
    const p = await getProject(ctx.database, req.params.id);
    const c = p && (await getConsultation(ctx.database, p.consultationId));
    if (!p || !c) return sendNotFound(req, reply);
    if (!consultationPolicy.can(req.actor, 'consultation.export', c)) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
    return sendCsv(reply, await interestedPartiesCsv(ctx, req.t, { consultationId: c.id, projectId: p.id }), `project-${p.id}-interested.csv`);
  });
}
