// /admin/spaces/:id/components: add, configure, publish, reorder and remove hosted components.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { formErrors, str } from '../../../core/http/form-errors.ts';
import { adminActor, sendNotFound } from '../../../core/admin/guard.tsx';
import { findComponent, findSpace, spaceComponents } from '../queries.ts';
import { addComponent, hostableModules, removeComponent, updateComponent } from '../commands/components.ts';
import { moveWithinSpace } from '../commands/phases.ts';
import { AdminComponentPage, AdminComponentsPage } from '../pages/admin-structure.tsx';
import { childParams, FIELD_MESSAGES, guard, spaceIdParams } from './admin-guard.tsx';

type Values = Record<string, string | undefined>;
type IdReq = FastifyRequest<{ Params: { id: number } }>;
type ComponentReq = FastifyRequest<{ Params: { id: number; componentId: number } }>;

const moveBody = { type: 'object', additionalProperties: false, required: ['direction'], properties: { direction: { type: 'string', enum: ['up', 'down'] } } } as const;
const addBody = {
  type: 'object',
  additionalProperties: false,
  required: ['module'],
  properties: { module: { type: 'string', minLength: 1, maxLength: 60 }, title: { type: 'string', maxLength: 200 } },
} as const;
// Setting fields (s_<name>) depend on the component's module, so they are checked by the command.
const configureBody = {
  type: 'object',
  additionalProperties: false,
  patternProperties: { '^s_[a-zA-Z0-9_]{1,60}$': { type: 'string', maxLength: 500 } },
  properties: { title: { type: 'string', maxLength: 200 }, published: { type: 'string', enum: ['on'] } },
} as const;

export function registerComponentAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function listPage(req: IdReq, reply: FastifyReply, errors?: FieldError[], v?: Values, status = 200) {
    const space = await findSpace(ctx.database, req.params.id);
    if (!space) return sendNotFound(req, reply);
    const components = await spaceComponents(ctx.database, space.id);
    return reply.page(`${space.title}: ${req.t('spaces.admin.components')}`, <AdminComponentsPage page={await req.pageContext()} space={space} components={components} hostable={hostableModules(ctx)} errors={errors} values={v} />, {
      status,
    });
  }

  async function editPage(req: ComponentReq, reply: FastifyReply, errors?: FieldError[], v?: Values, status = 200) {
    const space = await findSpace(ctx.database, req.params.id);
    const component = space && (await findComponent(ctx.database, space.id, req.params.componentId));
    if (!space || !component) return sendNotFound(req, reply);
    const decl = hostableModules(ctx).find((h) => h.name === component.module)?.decl;
    const name = component.title || (decl ? req.t(decl.title) : component.module);
    return reply.page(req.t('spaces.admin.editComponent', { name }), <AdminComponentPage page={await req.pageContext()} space={space} component={component} decl={decl} errors={errors} values={v} />, { status });
  }

  const base = '/admin/spaces/:id/components';
  app.get(base, { schema: { hide: true, params: spaceIdParams }, ...guard }, async (req: IdReq, reply) => listPage(req, reply));

  app.post(base, { schema: { hide: true, params: spaceIdParams, body: addBody }, attachValidation: true, ...guard }, async (req: IdReq, reply) => {
    const v = { module: str(req.body, 'module'), title: str(req.body, 'title') };
    const errors = formErrors(req, FIELD_MESSAGES);
    if (errors.length) return listPage(req, reply, errors, v, 400);
    const outcome = await addComponent(ctx, adminActor(req).id, req.params.id, v.module!, v.title ?? '');
    if (outcome.kind === 'not_found') return sendNotFound(req, reply);
    if (outcome.kind === 'unknown_module') return listPage(req, reply, [{ field: 'module', reason: req.t('spaces.err.module') }], v, 400);
    return reply.redirectWithNotice(`/admin/spaces/${req.params.id}/components/${outcome.id}`, 'spaces.notice.componentAdded');
  });

  const one = `${base}/:componentId`;
  const params = childParams('componentId');
  app.get(one, { schema: { hide: true, params }, ...guard }, async (req: ComponentReq, reply) => editPage(req, reply));

  app.post(one, { schema: { hide: true, params, body: configureBody }, attachValidation: true, ...guard }, async (req: ComponentReq, reply) => {
    const raw = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).map(([k, val]) => [k, typeof val === 'string' ? val : undefined]));
    const errors = formErrors(req, { title: 'spaces.err.title' });
    if (errors.length) return editPage(req, reply, errors, raw, 400);
    const outcome = await updateComponent(ctx, adminActor(req).id, req.params.id, req.params.componentId, { title: raw.title ?? '', published: raw.published === 'on', raw });
    if (outcome.kind === 'not_found') return sendNotFound(req, reply);
    if (outcome.kind === 'invalid') return editPage(req, reply, outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) })), raw, 400);
    return reply.redirectWithNotice(`/admin/spaces/${req.params.id}/components`, 'admin.notice.saved');
  });

  app.post(`${one}/move`, { schema: { hide: true, params, body: moveBody }, ...guard }, async (req: ComponentReq, reply) => {
    const outcome = await moveWithinSpace(ctx, adminActor(req).id, 'space_components', req.params.id, req.params.componentId, (req.body as { direction: 'up' | 'down' }).direction);
    if (outcome.kind === 'not_found') return sendNotFound(req, reply);
    return reply.redirect(`/admin/spaces/${req.params.id}/components`, 303);
  });

  app.post(`${one}/delete`, { schema: { hide: true, params }, ...guard }, async (req: ComponentReq, reply) => {
    const outcome = await removeComponent(ctx, adminActor(req).id, req.params.id, req.params.componentId);
    if (outcome.kind === 'not_found') return sendNotFound(req, reply);
    return reply.redirectWithNotice(`/admin/spaces/${req.params.id}/components`, 'spaces.notice.componentRemoved');
  });
}
