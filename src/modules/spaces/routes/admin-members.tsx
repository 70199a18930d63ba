// /admin/spaces/:id/members: who belongs to an assembly, working group or neighbourhood group.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { formErrors, str } from '../../../core/http/form-errors.ts';
import { adminActor, sendNotFound } from '../../../core/admin/guard.tsx';
import { MEMBER_ROLES, type MemberRole } from '../model.ts';
import { findSpace, spaceMembers } from '../queries.ts';
import { addMember, removeMember, setMemberRole } from '../commands/people.ts';
import { AdminMembersPage } from '../pages/admin-members.tsx';
import { FIELD_MESSAGES, guard, spaceIdParams } from './admin-guard.tsx';

type Values = Record<string, string | undefined>;
type IdReq = FastifyRequest<{ Params: { id: number } }>;
type MemberReq = FastifyRequest<{ Params: { id: number; userId: string } }>;

const memberParams = {
  type: 'object',
  required: ['id', 'userId'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 }, userId: { type: 'string', format: 'uuid' } },
} as const;
const role = { type: 'string', enum: [...MEMBER_ROLES] } as const;

export function registerMemberAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function listPage(req: IdReq, reply: FastifyReply, errors?: FieldError[], v?: Values, status = 200) {
    const space = await findSpace(ctx.database, req.params.id);
    if (!space) return sendNotFound(req, reply);
    const members = await spaceMembers(ctx.database, space.id);
    return reply.page(`${space.title}: ${req.t('spaces.admin.members')}`, <AdminMembersPage page={await req.pageContext()} space={space} members={members} errors={errors} values={v} />, { status });
  }

  const base = '/admin/spaces/:id/members';
  app.get(base, { schema: { hide: true, params: spaceIdParams }, ...guard }, async (req: IdReq, reply) => listPage(req, reply));

  app.post(
    base,
    {
      schema: {
        hide: true,
        params: spaceIdParams,
        body: { type: 'object', additionalProperties: false, required: ['email', 'role'], properties: { email: { type: 'string', minLength: 3, maxLength: 254 }, role, positionTitle: { type: 'string', maxLength: 120 } } },
      },
      attachValidation: true,
      ...guard,
    },
    async (req: IdReq, reply) => {
      const v = { email: str(req.body, 'email'), role: str(req.body, 'role'), positionTitle: str(req.body, 'positionTitle') };
      const errors = formErrors(req, FIELD_MESSAGES);
      if (errors.length) return listPage(req, reply, errors, v, 400);
      const outcome = await addMember(ctx, adminActor(req).id, req.params.id, v.email!, v.role as MemberRole, v.positionTitle ?? '');
      if (outcome.kind === 'not_found') return sendNotFound(req, reply);
      if (outcome.kind === 'unknown_user') return listPage(req, reply, [{ field: 'email', reason: req.t('spaces.err.memberEmail') }], v, 400);
      return reply.redirectWithNotice(`/admin/spaces/${req.params.id}/members`, 'spaces.notice.memberAdded');
    },
  );

  app.post(
    `${base}/:userId/role`,
    { schema: { hide: true, params: memberParams, body: { type: 'object', additionalProperties: false, required: ['role'], properties: { role } } }, ...guard },
    async (req: MemberReq, reply) => {
      const outcome = await setMemberRole(ctx, adminActor(req).id, req.params.id, req.params.userId, (req.body as { role: MemberRole }).role);
      if (outcome.kind === 'not_found') return sendNotFound(req, reply);
      return reply.redirectWithNotice(`/admin/spaces/${req.params.id}/members`, 'admin.notice.saved');
    },
  );

  app.post(`${base}/:userId/delete`, { schema: { hide: true, params: memberParams }, ...guard }, async (req: MemberReq, reply) => {
    const outcome = await removeMember(ctx, adminActor(req).id, req.params.id, req.params.userId);
    if (outcome.kind === 'not_found') return sendNotFound(req, reply);
    return reply.redirectWithNotice(`/admin/spaces/${req.params.id}/members`, 'spaces.notice.memberRemoved');
  });
}
