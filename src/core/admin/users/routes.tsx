// /admin/users: search and page through people; one person's roles and memberships.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { FieldError } from '../../http/problem.ts';
import { formErrors } from '../../http/form-errors.ts';
import type { GrantedRole } from '../../auth/actor.ts';
import { adminActor, requirePage, sendNotFound } from '../guard.tsx';
import { pageQuery } from '../components.tsx';
import { UserPage, UsersPage } from './pages.tsx';
import { findUser, searchUsers, userDepartments, userOrganizations } from './queries.ts';
import { setRole, type RoleChange } from './commands.ts';
import { addDepartmentMember, removeDepartmentMember } from '../departments/member-commands.ts';
import { addOrganizationMember, removeOrganizationMember } from '../organizations/commands.ts';

const userParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const;
const op = { type: 'string', enum: ['add', 'remove'] } as const;
const dbId = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;

const roleBody = {
  type: 'object',
  additionalProperties: false,
  required: ['role', 'op'],
  properties: { role: { type: 'string', enum: ['moderator', 'admin'] }, op: { type: 'string', enum: ['grant', 'revoke'] } },
} as const;
const departmentBody = { type: 'object', additionalProperties: false, required: ['departmentId', 'op'], properties: { departmentId: dbId, op } } as const;
const organizationBody = { type: 'object', additionalProperties: false, required: ['organizationId', 'op'], properties: { organizationId: dbId, op } } as const;
const FIELDS = { role: 'admin.err.role', op: 'admin.err.role', departmentId: 'admin.err.department', organizationId: 'admin.err.organization' };

type UserReq = FastifyRequest<{ Params: { id: string } }>;

export async function registerUserRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = { preValidation: requirePage('user.roles') };

  app.get<{ Querystring: { q?: string; page: number } }>(
    '/admin/users',
    { schema: { hide: true, querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 200 }, page: pageQuery } } }, ...guard },
    async (req, reply) => {
      const q = req.query.q ?? '';
      const { rows, total } = await searchUsers(ctx.database, q, req.query.page);
      return reply.page(req.t('admin.users.title'), <UsersPage page={await req.pageContext()} q={q} current={req.query.page} total={total} rows={rows} />);
    },
  );

  async function userPage(req: UserReq, reply: FastifyReply, errors?: FieldError[], status = 200) {
    const user = await findUser(ctx.database, req.params.id);
    if (!user) return sendNotFound(req, reply);
    const [departments, organizations] = await Promise.all([userDepartments(ctx.database, user.id), userOrganizations(ctx.database, user.id)]);
    return reply.page(user.displayName, <UserPage page={await req.pageContext()} user={user} departments={departments} organizations={organizations} errors={errors} />, { status });
  }

  const back = (req: UserReq, reply: FastifyReply, notice: string) => reply.redirectWithNotice(`/admin/users/${req.params.id}`, notice);

  app.get('/admin/users/:id', { schema: { hide: true, params: userParams }, ...guard }, async (req: UserReq, reply) => userPage(req, reply));

  app.post('/admin/users/:id/roles', { schema: { hide: true, params: userParams, body: roleBody }, attachValidation: true, ...guard }, async (req: UserReq, reply) => {
    const errors = formErrors(req, FIELDS);
    if (errors.length) return userPage(req, reply, errors, 400);
    const body = req.body as { role: GrantedRole; op: RoleChange };
    const outcome = await setRole(ctx, adminActor(req).id, req.params.id, body.role, body.op);
    switch (outcome.kind) {
      case 'not_found':
        return sendNotFound(req, reply);
      case 'own_admin_role':
        return userPage(req, reply, [{ field: 'role', reason: req.t('admin.err.ownAdminRole') }], 409);
      case 'unchanged':
        return back(req, reply, 'admin.notice.unchanged');
      case 'changed':
        return back(req, reply, body.op === 'grant' ? 'admin.notice.roleGranted' : 'admin.notice.roleRevoked');
    }
  });

  app.post(
    '/admin/users/:id/departments',
    { schema: { hide: true, params: userParams, body: departmentBody }, attachValidation: true, ...guard },
    async (req: UserReq, reply) => {
      const errors = formErrors(req, FIELDS);
      if (errors.length) return userPage(req, reply, errors, 400);
      const body = req.body as { departmentId: number; op: 'add' | 'remove' };
      const actorId = adminActor(req).id;
      if (body.op === 'add') {
        const outcome = await addDepartmentMember(ctx, actorId, body.departmentId, { userId: req.params.id });
        if (outcome.kind === 'not_found') return userPage(req, reply, [{ field: 'departmentId', reason: req.t('admin.err.department') }], 400);
        if (outcome.kind === 'no_such_user') return sendNotFound(req, reply);
        if (outcome.kind === 'already_member') return userPage(req, reply, [{ field: 'departmentId', reason: req.t('admin.err.alreadyMember') }], 409);
        return back(req, reply, 'admin.notice.memberAdded');
      }
      const outcome = await removeDepartmentMember(ctx, actorId, body.departmentId, req.params.id);
      if (outcome.kind !== 'removed') return userPage(req, reply, [{ field: 'departmentId', reason: req.t('admin.err.notMember') }], 409);
      return back(req, reply, 'admin.notice.memberRemoved');
    },
  );

  app.post(
    '/admin/users/:id/organizations',
    { schema: { hide: true, params: userParams, body: organizationBody }, attachValidation: true, ...guard },
    async (req: UserReq, reply) => {
      const errors = formErrors(req, FIELDS);
      if (errors.length) return userPage(req, reply, errors, 400);
      const body = req.body as { organizationId: number; op: 'add' | 'remove' };
      const actorId = adminActor(req).id;
      if (body.op === 'add') {
        const outcome = await addOrganizationMember(ctx, actorId, body.organizationId, { userId: req.params.id });
        if (outcome.kind === 'not_found') return userPage(req, reply, [{ field: 'organizationId', reason: req.t('admin.err.organization') }], 400);
        if (outcome.kind === 'no_such_user') return sendNotFound(req, reply);
        if (outcome.kind === 'already_member') return userPage(req, reply, [{ field: 'organizationId', reason: req.t('admin.err.alreadyMember') }], 409);
        return back(req, reply, 'admin.notice.memberAdded');
      }
      const outcome = await removeOrganizationMember(ctx, actorId, body.organizationId, req.params.id);
      if (outcome.kind !== 'removed') return userPage(req, reply, [{ field: 'organizationId', reason: req.t('admin.err.notMember') }], 409);
      return back(req, reply, 'admin.notice.memberRemoved');
    },
  );
}
