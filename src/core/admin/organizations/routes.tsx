// /admin/organizations: list, create, verify, and their representatives.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { FieldError } from '../../http/problem.ts';
import { formErrors, str } from '../../http/form-errors.ts';
import { adminActor, requirePage, sendNotFound } from '../guard.tsx';
import { addMemberBody, idParams, MEMBER_FIELDS, removeMemberBody } from '../departments/schemas.ts';
import { OrganizationPage, OrganizationsPage } from './pages.tsx';
import { findOrganization, listOrganizations, organizationMembers } from './queries.ts';
import { addOrganizationMember, createOrganization, HELIX_TYPES, removeOrganizationMember, setVerified, type HelixType } from './commands.ts';

const createBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'helixType'],
  properties: { name: { type: 'string', minLength: 2, maxLength: 200, pattern: '\\S' }, helixType: { type: 'string', enum: [...HELIX_TYPES] } },
} as const;
const verificationBody = { type: 'object', additionalProperties: false, required: ['verified'], properties: { verified: { type: 'string', enum: ['yes', 'no'] } } } as const;
const FIELDS = { name: 'admin.err.orgName', helixType: 'admin.err.helixType', verified: 'admin.err.verified', ...MEMBER_FIELDS };

type Values = Record<string, string | undefined>;
type IdReq = FastifyRequest<{ Params: { id: number } }>;

export async function registerOrganizationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = { preValidation: requirePage('organization.manage') };

  async function listPage(req: FastifyRequest, reply: FastifyReply, errors?: FieldError[], values?: Values, status = 200) {
    const organizations = await listOrganizations(ctx.database);
    return reply.page(req.t('admin.organizations.title'), <OrganizationsPage page={await req.pageContext()} organizations={organizations} errors={errors} values={values} />, { status });
  }

  async function orgPage(req: IdReq, reply: FastifyReply, errors?: FieldError[], values?: Values, status = 200) {
    const organization = await findOrganization(ctx.database, req.params.id);
    if (!organization) return sendNotFound(req, reply);
    const members = await organizationMembers(ctx.database, organization.id);
    return reply.page(organization.name, <OrganizationPage page={await req.pageContext()} organization={organization} members={members} errors={errors} values={values} />, { status });
  }

  const back = (req: IdReq, reply: FastifyReply, notice: string) => reply.redirectWithNotice(`/admin/organizations/${req.params.id}`, notice);

  app.get('/admin/organizations', { schema: { hide: true }, ...guard }, async (req, reply) => listPage(req, reply));

  app.post('/admin/organizations', { schema: { hide: true, body: createBody }, attachValidation: true, ...guard }, async (req, reply) => {
    const values = { name: str(req.body, 'name'), helixType: str(req.body, 'helixType') };
    const errors = formErrors(req, FIELDS);
    if (errors.length) return listPage(req, reply, errors, values, 400);
    const outcome = await createOrganization(ctx, adminActor(req).id, { name: values.name!, helixType: values.helixType as HelixType });
    if (outcome.kind === 'name_taken') return listPage(req, reply, [{ field: 'name', reason: req.t('admin.err.orgNameTaken') }], values, 409);
    return reply.redirectWithNotice(`/admin/organizations/${outcome.id}`, 'admin.notice.organizationCreated');
  });

  app.get('/admin/organizations/:id', { schema: { hide: true, params: idParams }, ...guard }, async (req: IdReq, reply) => orgPage(req, reply));

  app.post(
    '/admin/organizations/:id/verification',
    { schema: { hide: true, params: idParams, body: verificationBody }, attachValidation: true, ...guard },
    async (req: IdReq, reply) => {
      const errors = formErrors(req, FIELDS);
      if (errors.length) return orgPage(req, reply, errors, {}, 400);
      const verified = (req.body as { verified: 'yes' | 'no' }).verified === 'yes';
      const outcome = await setVerified(ctx, adminActor(req).id, req.params.id, verified);
      if (outcome.kind === 'not_found') return sendNotFound(req, reply);
      if (outcome.kind === 'unchanged') return back(req, reply, 'admin.notice.unchanged');
      return back(req, reply, verified ? 'admin.notice.verified' : 'admin.notice.unverified');
    },
  );

  app.post(
    '/admin/organizations/:id/members',
    { schema: { hide: true, params: idParams, body: addMemberBody }, attachValidation: true, ...guard },
    async (req: IdReq, reply) => {
      const values = { memberEmail: str(req.body, 'memberEmail') };
      const errors = formErrors(req, FIELDS);
      if (errors.length) return orgPage(req, reply, errors, values, 400);
      const outcome = await addOrganizationMember(ctx, adminActor(req).id, req.params.id, { email: values.memberEmail! });
      switch (outcome.kind) {
        case 'not_found':
          return sendNotFound(req, reply);
        case 'no_such_user':
          return orgPage(req, reply, [{ field: 'memberEmail', reason: req.t('admin.err.noSuchUser') }], values, 400);
        case 'already_member':
          return orgPage(req, reply, [{ field: 'memberEmail', reason: req.t('admin.err.alreadyMember') }], values, 409);
        case 'added':
          return back(req, reply, 'admin.notice.memberAdded');
      }
    },
  );

  app.post(
    '/admin/organizations/:id/members/remove',
    { schema: { hide: true, params: idParams, body: removeMemberBody }, attachValidation: true, ...guard },
    async (req: IdReq, reply) => {
      const errors = formErrors(req, FIELDS);
      if (errors.length) return orgPage(req, reply, errors, {}, 400);
      const outcome = await removeOrganizationMember(ctx, adminActor(req).id, req.params.id, (req.body as { userId: string }).userId);
      if (outcome.kind === 'not_found') return sendNotFound(req, reply);
      if (outcome.kind === 'not_member') return orgPage(req, reply, [{ field: 'userId', reason: req.t('admin.err.notMember') }], {}, 409);
      return back(req, reply, 'admin.notice.memberRemoved');
    },
  );
}
