// /admin/spaces: create and edit spaces, their phases, components and members.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { formErrors, str } from '../../../core/http/form-errors.ts';
import { adminActor, sendNotFound } from '../../../core/admin/guard.tsx';
import { SPACE_KINDS, type SpaceKind } from '../model.ts';
import { districtOptions, findSpace, listSpaces } from '../queries.ts';
import { createSpace, updateSpace } from '../commands/spaces.ts';
import { AdminSpacePage, AdminSpacesPage } from '../pages/admin-spaces.tsx';
import { FIELD_MESSAGES, guard, spaceFields, spaceIdParams } from './admin-guard.tsx';
import { registerPhaseAdminRoutes } from './admin-phases.tsx';
import { registerComponentAdminRoutes } from './admin-components.tsx';
import { registerMemberAdminRoutes } from './admin-members.tsx';

type Values = Record<string, string | undefined>;
const values = (body: unknown, names: string[]): Values => Object.fromEntries(names.map((n) => [n, str(body, n)]));
const areaOf = (body: unknown): number | null => {
  const d = (body as { district?: number | string }).district;
  return typeof d === 'number' ? d : null;
};

const DISTRICT_ERRORS = { district_required: 'spaces.err.districtRequired', unknown_district: 'spaces.err.district' } as const;

export function registerSpaceAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function listPage(req: FastifyRequest, reply: FastifyReply, errors?: FieldError[], v?: Values, status = 200) {
    const [spaces, districts] = await Promise.all([listSpaces(ctx.database, { includeUnpublished: true }), districtOptions(ctx.database)]);
    return reply.page(req.t('spaces.admin.title'), <AdminSpacesPage page={await req.pageContext()} spaces={spaces} districts={districts} errors={errors} values={v} />, { status });
  }

  app.get('/admin/spaces', { schema: { hide: true }, ...guard }, async (req, reply) => listPage(req, reply));

  app.post(
    '/admin/spaces',
    {
      schema: {
        hide: true,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'title', 'slug'],
          properties: { kind: { type: 'string', enum: [...SPACE_KINDS] }, slug: { type: 'string', minLength: 2, maxLength: 80, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }, ...spaceFields },
        },
      },
      attachValidation: true,
      ...guard,
    },
    async (req, reply) => {
      const v = values(req.body, ['kind', 'title', 'slug', 'subtitle', 'district', 'description', 'published']);
      const errors = formErrors(req, FIELD_MESSAGES);
      if (errors.length) return listPage(req, reply, errors, v, 400);
      const outcome = await createSpace(ctx, adminActor(req).id, {
        kind: v.kind as SpaceKind,
        slug: v.slug!,
        title: v.title!,
        subtitle: v.subtitle ?? '',
        description: v.description ?? '',
        areaId: areaOf(req.body),
        published: v.published === 'on',
      });
      if (outcome.kind === 'slug_taken') return listPage(req, reply, [{ field: 'slug', reason: req.t('spaces.err.slugTaken') }], v, 409);
      if (outcome.kind !== 'created') return listPage(req, reply, [{ field: 'district', reason: req.t(DISTRICT_ERRORS[outcome.kind]) }], v, 400);
      return reply.redirectWithNotice(`/admin/spaces/${outcome.id}`, 'spaces.notice.created');
    },
  );

  async function detailsPage(req: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply, errors?: FieldError[], v?: Values, status = 200) {
    const space = await findSpace(ctx.database, req.params.id);
    if (!space) return sendNotFound(req, reply);
    return reply.page(space.title, <AdminSpacePage page={await req.pageContext()} space={space} districts={await districtOptions(ctx.database)} errors={errors} values={v} />, { status });
  }

  app.get<{ Params: { id: number } }>('/admin/spaces/:id', { schema: { hide: true, params: spaceIdParams }, ...guard }, async (req, reply) => detailsPage(req, reply));

  app.post<{ Params: { id: number } }>(
    '/admin/spaces/:id',
    { schema: { hide: true, params: spaceIdParams, body: { type: 'object', additionalProperties: false, required: ['title'], properties: spaceFields } }, attachValidation: true, ...guard },
    async (req, reply) => {
      const v = values(req.body, ['title', 'subtitle', 'district', 'description', 'published']);
      const errors = formErrors(req, FIELD_MESSAGES);
      if (errors.length) return detailsPage(req, reply, errors, v, 400);
      const outcome = await updateSpace(ctx, adminActor(req).id, req.params.id, {
        title: v.title!,
        subtitle: v.subtitle ?? '',
        description: v.description ?? '',
        areaId: areaOf(req.body),
        published: v.published === 'on',
      });
      if (outcome.kind === 'not_found') return sendNotFound(req, reply);
      if (outcome.kind !== 'updated') return detailsPage(req, reply, [{ field: 'district', reason: req.t(DISTRICT_ERRORS[outcome.kind]) }], v, 400);
      return reply.redirectWithNotice(`/admin/spaces/${req.params.id}`, 'admin.notice.saved');
    },
  );

  registerPhaseAdminRoutes(app, ctx);
  registerComponentAdminRoutes(app, ctx);
  registerMemberAdminRoutes(app, ctx);
}
