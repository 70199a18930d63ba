// Public pages: editions, proposing a project, project pages with comments, and receipt checks.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { formErrors } from '../../../core/http/form-errors.ts';
import { budgetPolicy } from '../policy.ts';
import { editionView, listEditions, projectPhase, projectView } from '../queries.ts';
import { loadEdition } from '../budget-config.ts';
import { addComment, submitProject } from '../commands/projects.ts';
import { checkReceipt } from '../commands/cast.ts';
import { normalizeReceipt } from '../ballot/receipt.ts';
import { parseAmount } from '../commands/budget-input.ts';
import { EditionListPage } from '../pages/edition-list.tsx';
import { EditionPage } from '../pages/edition-page.tsx';
import { ProjectForm, type ProjectFormValues } from '../pages/project-form.tsx';
import { ProjectPage } from '../pages/project-page.tsx';
import { ReceiptCheckPage } from '../pages/receipt-page.tsx';
import { idParams, seesDrafts, toLogin, visibleTo } from './common.tsx';
import { hasLocatedProjects } from '../map.ts';
import { FEATURE_MAP_ISLAND, FEATURE_MAP_STYLES } from '../../../core/ui/feature-map.tsx';

export async function districts(ctx: AppContext): Promise<{ id: number; name: string }[]> {
  return ctx.database.query(`select id, name from areas where kind = 'district' order by name`);
}

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const proposeBody = {
  type: 'object',
  additionalProperties: false,
  properties: { title: text(300), description: text(4000), cost: text(40), budget: text(12), district: text(12), category: text(12), lat: text(40), lng: text(40) },
} as const;

const optionalId = (s: string | undefined) => (s && /^\d{1,9}$/.test(s) ? Number(s) : null);

function coordinate(raw: string | undefined, limit: number): number | null | 'bad' {
  const s = (raw ?? '').trim().replace(',', '.');
  if (!s) return null;
  const n = Number(s);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : 'bad';
}

export function registerPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/budgets', { schema: { hide: true } }, async (req, reply) => {
    return reply.page(req.t('pb.title'), <EditionListPage page={await req.pageContext()} editions={await listEditions(ctx, { drafts: seesDrafts(req.actor) })} />);
  });

  app.get<{ Params: { id: number } }>('/budgets/editions/:id', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const edition = await editionView(ctx, req.params.id);
    if (!visibleTo(req.actor, edition)) return reply.callNotFound();
    const mapped = await hasLocatedProjects(ctx.database, edition.id, edition.phase);
    return reply.page(edition.title, <EditionPage page={await req.pageContext()} edition={edition} map={mapped} />, mapped ? { islands: [FEATURE_MAP_ISLAND], styles: FEATURE_MAP_STYLES } : {});
  });

  const renderPropose = async (req: FastifyRequest, reply: FastifyReply, id: number, values?: ProjectFormValues, errors?: FieldError[], status = 200) => {
    const edition = await editionView(ctx, id);
    if (!visibleTo(req.actor, edition)) return reply.callNotFound();
    if (req.actor.kind !== 'user') return toLogin(reply, `/budgets/editions/${id}/propose`);
    if (!budgetPolicy.can(req.actor, 'pb.propose', { phase: edition.phase })) {
      return reply.redirectWithNotice(`/budgets/editions/${id}`, 'pb.project.notNow');
    }
    return reply.page(
      req.t('pb.project.propose'),
      <ProjectForm page={await req.pageContext()} edition={edition} districts={await districts(ctx)} {...(values ? { values } : {})} {...(errors ? { errors } : {})} />,
      { status },
    );
  };

  app.get<{ Params: { id: number } }>('/budgets/editions/:id/propose', { schema: { hide: true, params: idParams } }, async (req, reply) => renderPropose(req, reply, req.params.id));

  app.post<{ Params: { id: number }; Body: ProjectFormValues }>(
    '/budgets/editions/:id/propose',
    { schema: { hide: true, params: idParams, body: proposeBody }, attachValidation: true },
    async (req, reply) => {
      const id = req.params.id;
      if (!visibleTo(req.actor, await loadEdition(ctx.database, id))) return reply.callNotFound();
      const schemaErrors = formErrors(req, { title: 'pb.project.err.title', description: 'pb.project.err.description', cost: 'pb.project.err.cost', lat: 'pb.project.err.coordinate', lng: 'pb.project.err.coordinate' });
      const v = req.body ?? {};
      if (schemaErrors.length) return renderPropose(req, reply, id, v, schemaErrors, 400);
      const lat = coordinate(v.lat, 90);
      const lng = coordinate(v.lng, 180);
      const pre: FieldError[] = [];
      if (lat === 'bad' || lng === 'bad' || (lat === null) !== (lng === null)) pre.push({ field: 'location', reason: req.t('pb.project.err.coordinate') });
      const cost = parseAmount(v.cost);
      if (pre.length) return renderPropose(req, reply, id, v, pre, 400);
      if (req.actor.kind !== 'user') return toLogin(reply, `/budgets/editions/${id}/propose`);
      const outcome = await submitProject(ctx, req.actor, id, {
        title: v.title ?? '',
        description: v.description ?? '',
        cost: cost === null || Number.isNaN(cost) ? null : cost,
        budgetId: optionalId(v.budget),
        areaId: optionalId(v.district),
        categoryId: optionalId(v.category),
        point: typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : null,
      });
      switch (outcome.kind) {
        case 'created':
          return reply.redirectWithNotice(`/budgets/projects/${outcome.id}`, 'pb.project.created');
        case 'invalid':
          return renderPropose(req, reply, id, v, outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) })), 400);
        case 'closed':
          return reply.redirectWithNotice(`/budgets/editions/${id}`, 'pb.project.notNow');
        case 'not_found':
          return reply.callNotFound();
      }
    },
  );

  app.get<{ Params: { id: number } }>('/budgets/projects/:id', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const project = await projectView(ctx, req.params.id);
    if (!visibleTo(req.actor, project)) return reply.callNotFound();
    const located = project.lat !== null && project.lng !== null;
    return reply.page(project.title, <ProjectPage page={await req.pageContext()} project={project} />, located ? { islands: [FEATURE_MAP_ISLAND], styles: FEATURE_MAP_STYLES } : {});
  });

  app.post<{ Params: { id: number }; Body: { body: string } }>(
    '/budgets/projects/:id/comments',
    { schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['body'], properties: { body: text(2000) } } }, attachValidation: true },
    async (req, reply) => {
      const id = req.params.id;
      if (!visibleTo(req.actor, await projectPhase(ctx, id))) return reply.callNotFound();
      if (req.actor.kind !== 'user') return toLogin(reply, `/budgets/projects/${id}`);
      const outcome = req.validationError ? { kind: 'invalid' as const } : await addComment(ctx, req.actor.id, id, req.body.body);
      if (outcome.kind === 'not_found') return reply.callNotFound();
      if (outcome.kind === 'invalid') {
        const project = await projectView(ctx, id);
        if (!visibleTo(req.actor, project)) return reply.callNotFound();
        return reply.page(project.title, <ProjectPage page={await req.pageContext()} project={project} commentError={req.t('pb.comments.err')} />, { status: 400 });
      }
      return reply.redirectWithNotice(`/budgets/projects/${id}#comments-heading`, 'pb.comments.added');
    },
  );

  app.get('/budgets/receipt', { schema: { hide: true } }, async (req, reply) => {
    return reply.page(req.t('pb.receipt.checkTitle'), <ReceiptCheckPage page={await req.pageContext()} />);
  });

  // A POST keeps receipt codes out of addresses, browser history and server logs.
  app.post<{ Body: { code: string } }>(
    '/budgets/receipt',
    { schema: { hide: true, body: { type: 'object', additionalProperties: false, required: ['code'], properties: { code: text(100) } } }, attachValidation: true },
    async (req, reply) => {
      const code = req.validationError ? '' : req.body.code;
      const page = await req.pageContext();
      if (!normalizeReceipt(code)) {
        return reply.page(req.t('pb.receipt.checkTitle'), <ReceiptCheckPage page={page} code={code} error={req.t('pb.receipt.err.format')} />, { status: 400 });
      }
      reply.header('cache-control', 'no-store');
      return reply.page(req.t('pb.receipt.checkTitle'), <ReceiptCheckPage page={page} code={code} status={await checkReceipt(ctx, code)} />);
    },
  );
}
