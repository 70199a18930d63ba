// Debate pages: the list of a debates component (with the form for officials and admins), one
// debate with its comment thread, and closing a debate.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { formErrors, str } from '../../../core/http/form-errors.ts';
import { hasRole } from '../../../core/auth/actor.ts';
import { ForbiddenPage } from '../../../core/admin/guard.tsx';
import { cachedHostedComponent, isPublic, loadHostedComponent } from '../../spaces/hosted.ts';
import { commentPolicy } from '../policy.ts';
import { closeDebate, createDebate, listDebates, loadDebate } from '../debates.ts';
import { DebateListPage, DebatePage } from '../pages/debates.tsx';
import { commentSection } from '../section.tsx';

const cidParams = { type: 'object', required: ['cid'], properties: { cid: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 9007199254740991 } } } as const;

export function registerDebateRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { cid: number } }>('/debates/c/:cid', { schema: { hide: true, params: cidParams } }, async (req, reply) => {
    const c = await cachedHostedComponent(ctx, req.params.cid, 'comments');
    if (!c || !(isPublic(c) || hasRole(req.actor, 'admin'))) return reply.callNotFound();
    return reply.page(
      req.t('debates.list.title', { space: c.space.title }),
      <DebateListPage page={await req.pageContext()} component={c} debates={await listDebates(ctx.database, c.id)} canCreate={commentPolicy.can(req.actor, 'debate.create')} />,
    );
  });

  app.post<{ Params: { cid: number } }>(
    '/debates/c/:cid',
    {
      schema: {
        hide: true,
        params: cidParams,
        body: { type: 'object', additionalProperties: false, required: ['title', 'description'], properties: { title: { type: 'string', maxLength: 200 }, description: { type: 'string', maxLength: 10000 } } },
      },
      attachValidation: true,
    },
    async (req, reply) => {
      if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/debates/c/${req.params.cid}`)}`, 303);
      if (!commentPolicy.can(req.actor, 'debate.create')) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
      const c = await loadHostedComponent(ctx.database, req.params.cid, 'comments');
      if (!c) return reply.callNotFound();
      const values = { title: str(req.body, 'title'), description: str(req.body, 'description') };
      const schemaErrors = formErrors(req, { title: 'debates.err.title', description: 'debates.err.description' });
      const outcome = schemaErrors.length ? null : await createDebate(ctx, req.actor, c.id, { title: values.title ?? '', description: values.description ?? '' });
      if (outcome?.kind === 'created') return reply.redirectWithNotice(`/debates/${outcome.id}`, 'debates.created');
      if (outcome?.kind === 'not_found') return reply.callNotFound();
      const errors = outcome?.kind === 'invalid' ? outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) })) : schemaErrors;
      return reply.page(req.t('debates.list.title', { space: c.space.title }), <DebateListPage page={await req.pageContext()} component={c} debates={await listDebates(ctx.database, c.id)} canCreate errors={errors} values={values} />, {
        status: 400,
      });
    },
  );

  app.get<{ Params: { id: number } }>('/debates/:id', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const found = await loadDebate(ctx, req.params.id, req.actor);
    if (!found) return reply.callNotFound();
    const page = await req.pageContext();
    const open = found.component.flags.commentsOpen && !found.debate.closed;
    const section = await commentSection(ctx, page, 'debate', found.debate.id, open);
    return reply.page(found.debate.title, <DebatePage page={page} component={found.component} debate={found.debate} canClose={commentPolicy.can(req.actor, 'debate.create')} {...section} />);
  });

  app.post<{ Params: { id: number } }>('/debates/:id/close', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/debates/${req.params.id}`)}`, 303);
    if (!commentPolicy.can(req.actor, 'debate.create')) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
    if (!(await loadDebate(ctx, req.params.id, req.actor))) return reply.callNotFound();
    await closeDebate(ctx, req.params.id);
    return reply.redirectWithNotice(`/debates/${req.params.id}`, 'debates.closedNotice');
  });
}
