// Official-facing routes: the manage page and its forms (status, notes, assignment, transfer).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { reportPolicy } from '../policy.ts';
import { addNote, assign, changeStatus, reassign, type HandleOutcome } from '../commands/handle.ts';
import { categoryOptions, getReport } from '../queries.ts';
import { recategorize } from '../commands/recategorize.ts';
import { ManagePage } from '../pages/manage-page.tsx';
import { loadOpen311Submission } from '../open311/submission.ts';
import { OUTCOMES, REJECT_REASONS, STATUSES, type Outcome, type RejectReason, type Status } from '../workflow.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { formErrors } from '../../../core/http/form-errors.ts';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 9007199254740991 } } } as const;

async function renderManage(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, id: number, errors?: FieldError[], status = 200) {
  const report = await getReport(ctx, id, req.locale);
  const subject = report && { departmentId: report.departmentId, reporterId: report.reporterId, status: report.status, hidden: report.hidden };
  if (!report) return reply.callNotFound();
  if (req.actor.kind === 'anonymous') return reply.redirect(`/login?next=/reports/${id}/manage`, 303);
  if (!reportPolicy.can(req.actor, 'report.manage', subject!)) return reply.code(403).page(req.t('error.title'), <p>{req.t('reports.page.manage')}</p>, { status: 403 });
  const departments = await ctx.database.query<{ id: number; name: string }>('select id, name from departments order by name');
  const colleagues = await ctx.database.query<{ id: string; name: string }>(
    `select u.id, u.display_name as name from department_members m join users u on u.id = m.user_id where m.department_id = $1 and u.erased_at is null order by u.display_name`,
    [report.departmentId],
  );
  const [a] = await ctx.database.query<{ assigned_to: string | null }>('select assigned_to from reports where id = $1', [id]);
  return reply.page(
    req.t('reports.manage.title', { id }),
    <ManagePage page={await req.pageContext()} report={report} departments={departments} colleagues={colleagues} categories={await categoryOptions(ctx, req.locale)} assignedTo={a?.assigned_to ?? null} open311={await loadOpen311Submission(ctx, id, req.locale)} {...(errors ? { errors } : {})} />,
    { status },
  );
}

async function answer(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, id: number, outcome: HandleOutcome) {
  switch (outcome.kind) {
    case 'done':
      return reply.redirectWithNotice(`/reports/${id}/manage`, 'reports.manage.saved');
    case 'not_found':
      return reply.callNotFound();
    case 'forbidden':
      if (req.actor.kind === 'anonymous') return reply.redirect(`/login?next=/reports/${id}/manage`, 303);
      return reply.code(403).page(req.t('error.title'), <p>{req.t('reports.page.manage')}</p>, { status: 403 });
    case 'invalid_transition':
      return renderManage(ctx, req, reply, id, [{ field: 'to', reason: req.t('reports.err.transition', { from: req.t(`reports.status.${outcome.from}`), to: req.t(`reports.status.${outcome.to}`) }) }], 409);
    case 'invalid':
      return renderManage(ctx, req, reply, id, [{ field: outcome.field, reason: req.t(outcome.reason) }], 400);
  }
}

export function registerManageRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: number } }>('/reports/:id/manage', { schema: { hide: true, params: idParams } }, async (req, reply) => renderManage(ctx, req, reply, req.params.id));

  app.post<{ Params: { id: number } }>(
    '/reports/:id/status',
    {
      schema: {
        hide: true,
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['to'],
          properties: {
            to: { type: 'string', enum: [...STATUSES] },
            outcome: { type: 'string', enum: ['', ...OUTCOMES] },
            rejectReason: { type: 'string', enum: ['', ...REJECT_REASONS] },
            publicNote: { type: 'string', maxLength: 4000 },
            internalNote: { type: 'string', maxLength: 4000 },
          },
        },
      },
      attachValidation: true,
    },
    async (req, reply) => {
      const errors = formErrors(req, { to: 'reports.manage.newStatus', outcome: 'reports.err.outcome', rejectReason: 'reports.err.rejectReason', publicNote: 'reports.err.note', internalNote: 'reports.err.note' });
      if (errors.length) return renderManage(ctx, req, reply, req.params.id, errors, 400);
      const b = req.body as { to: Status; outcome?: string; rejectReason?: string; publicNote?: string; internalNote?: string };
      const outcome = await changeStatus(ctx, req.actor, req.params.id, {
        to: b.to,
        outcome: (b.outcome || undefined) as Outcome | undefined,
        rejectReason: (b.rejectReason || undefined) as RejectReason | undefined,
        publicNote: b.publicNote,
        internalNote: b.internalNote,
      });
      return answer(ctx, req, reply, req.params.id, outcome);
    },
  );

  app.post<{ Params: { id: number } }>(
    '/reports/:id/notes',
    {
      schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['body'], properties: { body: { type: 'string', minLength: 1, maxLength: 4000 }, public: { type: 'string', enum: ['on'] } } } },
      attachValidation: true,
    },
    async (req, reply) => {
      const errors = formErrors(req, { body: 'reports.err.note' });
      if (errors.length) return renderManage(ctx, req, reply, req.params.id, errors, 400);
      const b = req.body as { body: string; public?: string };
      return answer(ctx, req, reply, req.params.id, await addNote(ctx, req.actor, req.params.id, b.body, b.public === 'on'));
    },
  );

  app.post<{ Params: { id: number } }>(
    '/reports/:id/category',
    { schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['category'], properties: { category: { type: 'string', minLength: 1, maxLength: 60 } } } }, attachValidation: true },
    async (req, reply) => {
      const errors = formErrors(req, { category: 'reports.err.category' });
      if (errors.length) return renderManage(ctx, req, reply, req.params.id, errors, 400);
      return answer(ctx, req, reply, req.params.id, await recategorize(ctx, req.actor, req.params.id, (req.body as { category: string }).category));
    },
  );

  app.post<{ Params: { id: number } }>(
    '/reports/:id/assign',
    { schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, properties: { userId: { type: 'string', anyOf: [{ format: 'uuid' }, { maxLength: 0 }] } } } }, attachValidation: true },
    async (req, reply) => {
      const errors = formErrors(req, { userId: 'reports.err.assignee' });
      if (errors.length) return renderManage(ctx, req, reply, req.params.id, errors, 400);
      const b = req.body as { userId?: string };
      return answer(ctx, req, reply, req.params.id, await assign(ctx, req.actor, req.params.id, b.userId || null));
    },
  );

  app.post<{ Params: { id: number } }>(
    '/reports/:id/reassign',
    {
      schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['departmentId'], properties: { departmentId: { type: 'integer', minimum: 1 }, note: { type: 'string', maxLength: 2000 } } } },
      attachValidation: true,
    },
    async (req, reply) => {
      const errors = formErrors(req, { departmentId: 'reports.err.department' });
      if (errors.length) return renderManage(ctx, req, reply, req.params.id, errors, 400);
      const b = req.body as { departmentId: number; note?: string };
      return answer(ctx, req, reply, req.params.id, await reassign(ctx, req.actor, req.params.id, b.departmentId, b.note));
    },
  );
}
