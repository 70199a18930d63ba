// Public consultation pages and the forms of those taking part.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { formErrors } from '../../../core/http/form-errors.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { consultationPolicy } from '../policy.ts';
import { getConsultation, getObjective, getProject, interestsByHelix, listConsultations, myInterest, myOrganizations, openActions, strategyTree } from '../queries.ts';
import { expressInterest, withdrawInterest } from '../commands/interest.ts';
import { proposeAction } from '../commands/actions.ts';
import { dashboard } from '../dashboard.ts';
import { StrategyPage, type ActionFormValues } from '../pages/strategy-page.tsx';
import { ProjectPage, type InterestFormValues } from '../pages/project-page.tsx';
import { ConsultationList, DashboardPage, ObjectivePage } from '../pages/other-pages.tsx';
import { commentsEnabled, OBJECTIVE_SUBJECT } from '../subjects.ts';
import { commentSection } from '../../comments/section.tsx';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;
const orgField = { type: 'string', pattern: '^\\d{0,9}$' } as const;

export function registerPublicConsultationRoutes(app: FastifyInstance, ctx: AppContext): void {
  // A consultation the actor may not see does not exist for them: its forms answer 404 before anything else.
  const viewable = async (actor: Actor, id: number) => consultationPolicy.can(actor, 'consultation.view', await getConsultation(ctx.database, id));
  const projectViewable = async (actor: Actor, projectId: number) => {
    const p = await getProject(ctx.database, projectId);
    return !!p && (await viewable(actor, p.consultationId));
  };

  const strategyPage = async (req: FastifyRequest, reply: FastifyReply, id: number, values?: ActionFormValues, errors?: FieldError[]) => {
    const c = await getConsultation(ctx.database, id);
    if (!c || !consultationPolicy.can(req.actor, 'consultation.view', c)) return reply.callNotFound();
    return reply.page(
      c.title,
      <StrategyPage
        page={await req.pageContext()}
        c={c}
        tree={await strategyTree(ctx.database, id)}
        actions={await openActions(ctx.database, id)}
        canPropose={consultationPolicy.can(req.actor, 'consultation.proposeAction', c)}
        canPromote={consultationPolicy.can(req.actor, 'consultation.promote', c)}
        organizations={req.actor.kind === 'user' ? await myOrganizations(ctx.database, req.actor.id) : []}
        {...(values ? { values } : {})}
        {...(errors ? { errors } : {})}
      />,
      { status: errors?.length ? 400 : 200 },
    );
  };

  const projectPage = async (req: FastifyRequest, reply: FastifyReply, id: number, values?: InterestFormValues, errors?: FieldError[]) => {
    const p = await getProject(ctx.database, id);
    const c = p && (await getConsultation(ctx.database, p.consultationId));
    if (!p || !c || !consultationPolicy.can(req.actor, 'consultation.view', c)) return reply.callNotFound();
    return reply.page(
      p.title,
      <ProjectPage
        page={await req.pageContext()}
        p={p}
        byHelix={await interestsByHelix(ctx.database, id)}
        mine={req.actor.kind === 'user' ? await myInterest(ctx.database, id, req.actor.id) : null}
        canExpress={consultationPolicy.can(req.actor, 'consultation.expressInterest', c)}
        canExport={consultationPolicy.can(req.actor, 'consultation.export', c)}
        organizations={req.actor.kind === 'user' ? await myOrganizations(ctx.database, req.actor.id) : []}
        {...(values ? { values } : {})}
        {...(errors ? { errors } : {})}
      />,
      { status: errors?.length ? 400 : 200 },
    );
  };

  app.get<{ Querystring: { space?: number } }>(
    '/consultations',
    { schema: { hide: true, querystring: { type: 'object', properties: { space: { type: 'integer', minimum: 1, maximum: 2147483647 } } } } },
    async (req, reply) => {
      const [space] = req.query.space ? await ctx.database.query<{ id: number; slug: string; title: string }>('select id, slug, title from spaces where id = $1 and published', [req.query.space]) : [];
      if (req.query.space && !space) return reply.callNotFound();
      const items = await listConsultations(ctx, false, space?.id);
      return reply.page(req.t('consultations.title'), <ConsultationList page={await req.pageContext()} items={items} {...(space ? { space } : {})} />);
    },
  );

  app.get<{ Params: { id: number } }>('/consultations/:id', { schema: { hide: true, params: idParams } }, async (req, reply) => strategyPage(req, reply, req.params.id));

  app.get<{ Params: { id: number } }>('/consultations/:id/dashboard', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const c = await getConsultation(ctx.database, req.params.id);
    if (!c || !consultationPolicy.can(req.actor, 'consultation.viewDashboard', c)) return reply.callNotFound();
    return reply.page(req.t('consultations.dashboard.title'), <DashboardPage page={await req.pageContext()} c={c} d={await dashboard(ctx, c.id)} canExport={consultationPolicy.can(req.actor, 'consultation.export', c)} />);
  });

  app.get<{ Params: { id: number } }>('/consultations/projects/:id', { schema: { hide: true, params: idParams } }, async (req, reply) => projectPage(req, reply, req.params.id));

  app.get<{ Params: { id: number } }>('/consultations/objectives/:id', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const o = await getObjective(ctx.database, req.params.id);
    const c = o && (await getConsultation(ctx.database, o.consultationId));
    if (!o || !c || !consultationPolicy.can(req.actor, 'consultation.view', c)) return reply.callNotFound();
    const page = await req.pageContext();
    const projects = (await strategyTree(ctx.database, c.id)).flatMap((a) => a.objectives).find((x) => x.id === o.id)?.projects ?? [];
    const section = commentsEnabled(ctx) ? await commentSection(ctx, page, OBJECTIVE_SUBJECT, o.id, c.status === 'open') : null;
    return reply.page(`${o.code}. ${o.title}`, <ObjectivePage page={page} o={o} projects={projects} comments={section?.comments ?? null} follow={section?.follow ?? null} />);
  });

  app.post<{ Params: { id: number }; Body: { organizationId?: string; expertise?: string; consent?: 'on' } }>(
    '/consultations/projects/:id/interest',
    {
      schema: {
        hide: true,
        params: idParams,
        body: { type: 'object', additionalProperties: false, properties: { organizationId: orgField, expertise: { type: 'string', maxLength: 2000 }, consent: { type: 'string', enum: ['on'] } } },
      },
      attachValidation: true,
    },
    async (req, reply) => {
      if (!(await projectViewable(req.actor, req.params.id))) return reply.callNotFound();
      if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/consultations/projects/${req.params.id}`)}`, 303);
      const values: InterestFormValues = { organizationId: req.body?.organizationId, expertise: req.body?.expertise, consent: req.body?.consent === 'on' };
      const errors = formErrors(req, { organizationId: 'consultations.err.organization', expertise: 'consultations.err.expertise', consent: 'consultations.err.expertise' });
      if (errors.length) return projectPage(req, reply, req.params.id, values, errors);
      const outcome = await expressInterest(ctx, req.actor, req.params.id, { organizationId: values.organizationId ? Number(values.organizationId) : null, expertise: values.expertise ?? '', consent: !!values.consent });
      switch (outcome.kind) {
        case 'saved':
          return reply.redirectWithNotice(`/consultations/projects/${req.params.id}`, outcome.created ? 'consultations.interest.thanks' : 'consultations.interest.updated');
        case 'invalid':
          return projectPage(req, reply, req.params.id, values, outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) })));
        case 'forbidden':
          return reply.redirectWithNotice(`/consultations/projects/${req.params.id}`, 'consultations.closedNotice');
        default:
          return reply.callNotFound();
      }
    },
  );

  app.post<{ Params: { id: number } }>('/consultations/projects/:id/interest/withdraw', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    if (!(await projectViewable(req.actor, req.params.id))) return reply.callNotFound();
    if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/consultations/projects/${req.params.id}`)}`, 303);
    const outcome = await withdrawInterest(ctx, req.actor, req.params.id);
    if (outcome.kind === 'not_found') return reply.callNotFound();
    return reply.redirectWithNotice(`/consultations/projects/${req.params.id}`, 'consultations.interest.withdrawn');
  });

  app.post<{ Params: { id: number }; Body: { ambitionId?: string; title?: string; description?: string; organizationId?: string } }>(
    '/consultations/:id/actions',
    {
      schema: {
        hide: true,
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { ambitionId: orgField, title: { type: 'string', maxLength: 500 }, description: { type: 'string', maxLength: 5000 }, organizationId: orgField },
        },
      },
      attachValidation: true,
    },
    async (req, reply) => {
      if (!(await viewable(req.actor, req.params.id))) return reply.callNotFound();
      if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/consultations/${req.params.id}`)}`, 303);
      const values: ActionFormValues = { ambitionId: req.body?.ambitionId, title: req.body?.title, description: req.body?.description, organizationId: req.body?.organizationId };
      const errors = formErrors(req, { ambitionId: 'consultations.err.ambition', title: 'consultations.err.actionTitle', description: 'consultations.err.actionDescription', organizationId: 'consultations.err.organization' });
      if (errors.length) return strategyPage(req, reply, req.params.id, values, errors);
      const outcome = await proposeAction(ctx, req.actor, req.params.id, {
        ambitionId: Number(values.ambitionId || 0),
        title: values.title ?? '',
        description: values.description ?? '',
        organizationId: values.organizationId ? Number(values.organizationId) : null,
      });
      if (outcome.kind === 'proposed') return reply.redirectWithNotice(`/consultations/${req.params.id}#actions-heading`, 'consultations.actions.thanks');
      if (outcome.kind === 'invalid') return strategyPage(req, reply, req.params.id, values, outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) })));
      if (outcome.kind === 'forbidden') return reply.redirectWithNotice(`/consultations/${req.params.id}`, 'consultations.closedNotice');
      return reply.callNotFound();
    },
  );
}
