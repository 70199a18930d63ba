// /admin/departments: list and create; one department's details, districts, categories and members.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { FieldError } from '../../http/problem.ts';
import { formErrors, str } from '../../http/form-errors.ts';
import { adminActor, requirePage, sendNotFound as notFound } from '../guard.tsx';
import { DepartmentsPage } from './list-page.tsx';
import { DepartmentPage } from './edit-page.tsx';
import { CategoryPage } from './category-page.tsx';
import { departmentCategories, departmentMembers, districtChoices, findCategory, findDepartment, listDepartments } from './queries.ts';
import { createDepartment, setDepartmentDistricts, updateDepartment } from './commands.ts';
import { createCategory, updateCategory, type CategoryInput } from './category-commands.ts';
import { addDepartmentMember, removeDepartmentMember } from './member-commands.ts';
import {
  addMemberBody,
  CATEGORY_FIELDS,
  categoryBody,
  categoryParams,
  createDepartmentBody,
  DEPARTMENT_FIELDS,
  DISTRICT_FIELDS,
  districtsBody,
  idParams,
  MEMBER_FIELDS,
  removeMemberBody,
  updateDepartmentBody,
} from './schemas.ts';

type IdReq = FastifyRequest<{ Params: { id: number } }>;
type CategoryReq = FastifyRequest<{ Params: { id: number; categoryId: number } }>;
type Values = Record<string, string | undefined>;

function bodyValues(body: unknown, names: string[]): Values {
  return Object.fromEntries(names.map((n) => [n, str(body, n)]));
}

function categoryInput(body: unknown): CategoryInput {
  const b = body as Record<string, string>;
  return { code: b.code!, nameRo: b.nameRo!, nameEn: b.nameEn!, nameHu: b.nameHu!, active: b.active === 'on' };
}

export async function registerDepartmentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = { preValidation: requirePage('department.manage') };

  async function listPage(req: FastifyRequest, reply: FastifyReply, errors?: FieldError[], values?: Values, status = 200) {
    const page = await req.pageContext();
    const departments = await listDepartments(ctx.database);
    return reply.page(req.t('admin.departments.title'), <DepartmentsPage page={page} departments={departments} errors={errors} values={values} />, { status });
  }

  async function editPage(req: FastifyRequest, reply: FastifyReply, id: number, errors?: FieldError[], values?: Values, status = 200) {
    const department = await findDepartment(ctx.database, id);
    if (!department) return notFound(req, reply);
    const [districts, categories, members] = await Promise.all([
      districtChoices(ctx.database, id),
      departmentCategories(ctx.database, id),
      departmentMembers(ctx.database, id),
    ]);
    const view = { department, districts, categories, members };
    return reply.page(department.name, <DepartmentPage page={await req.pageContext()} {...view} errors={errors} values={values} />, { status });
  }

  app.get('/admin/departments', { schema: { hide: true }, ...guard }, async (req, reply) => listPage(req, reply));

  app.post('/admin/departments', { schema: { hide: true, body: createDepartmentBody }, attachValidation: true, ...guard }, async (req, reply) => {
    const values = bodyValues(req.body, ['name', 'slug', 'email']);
    const errors = formErrors(req, DEPARTMENT_FIELDS);
    if (errors.length) return listPage(req, reply, errors, values, 400);
    const outcome = await createDepartment(ctx, adminActor(req).id, { name: values.name!, slug: values.slug!, email: values.email ?? '' });
    if (outcome.kind === 'slug_taken') return listPage(req, reply, [{ field: 'slug', reason: req.t('admin.err.slugTaken') }], values, 409);
    return reply.redirectWithNotice(`/admin/departments/${outcome.id}`, 'admin.notice.departmentCreated');
  });

  app.get('/admin/departments/:id', { schema: { hide: true, params: idParams }, ...guard }, async (req: IdReq, reply) => editPage(req, reply, req.params.id));

  app.post(
    '/admin/departments/:id',
    { schema: { hide: true, params: idParams, body: updateDepartmentBody }, attachValidation: true, ...guard },
    async (req: IdReq, reply) => {
      const values = bodyValues(req.body, ['name', 'email']);
      const errors = formErrors(req, DEPARTMENT_FIELDS);
      if (errors.length) return editPage(req, reply, req.params.id, errors, values, 400);
      const outcome = await updateDepartment(ctx, adminActor(req).id, req.params.id, { name: values.name!, email: values.email ?? '' });
      if (outcome.kind === 'not_found') return notFound(req, reply);
      return reply.redirectWithNotice(`/admin/departments/${req.params.id}`, 'admin.notice.saved');
    },
  );

  app.post(
    '/admin/departments/:id/districts',
    { schema: { hide: true, params: idParams, body: districtsBody }, attachValidation: true, ...guard },
    async (req: IdReq, reply) => {
      const errors = formErrors(req, DISTRICT_FIELDS);
      if (errors.length) return editPage(req, reply, req.params.id, errors, {}, 400);
      const areaIds = (req.body as { district?: number[] }).district ?? [];
      const outcome = await setDepartmentDistricts(ctx, adminActor(req).id, req.params.id, areaIds);
      if (outcome.kind === 'not_found') return notFound(req, reply);
      if (outcome.kind === 'unknown_district') return editPage(req, reply, req.params.id, [{ field: 'district', reason: req.t('admin.err.district') }], {}, 400);
      return reply.redirectWithNotice(`/admin/departments/${req.params.id}`, 'admin.notice.saved');
    },
  );

  app.post(
    '/admin/departments/:id/categories',
    { schema: { hide: true, params: idParams, body: categoryBody }, attachValidation: true, ...guard },
    async (req: IdReq, reply) => {
      const values = bodyValues(req.body, ['code', 'nameRo', 'nameEn', 'nameHu', 'active']);
      const errors = formErrors(req, CATEGORY_FIELDS);
      if (errors.length) return editPage(req, reply, req.params.id, errors, { ...values, code: values.code ?? '' }, 400);
      const outcome = await createCategory(ctx, adminActor(req).id, req.params.id, categoryInput(req.body));
      if (outcome.kind === 'not_found') return notFound(req, reply);
      if (outcome.kind === 'code_taken') return editPage(req, reply, req.params.id, [{ field: 'code', reason: req.t('admin.err.codeTaken') }], values, 409);
      return reply.redirectWithNotice(`/admin/departments/${req.params.id}`, 'admin.notice.categoryCreated');
    },
  );

  async function categoryPage(req: CategoryReq, reply: FastifyReply, errors?: FieldError[], values?: Values, status = 200) {
    const department = await findDepartment(ctx.database, req.params.id);
    const category = department ? await findCategory(ctx.database, department.id, req.params.categoryId) : null;
    if (!department || !category) return notFound(req, reply);
    return reply.page(req.t('admin.categories.editTitle', { code: category.code }), <CategoryPage page={await req.pageContext()} department={department} category={category} errors={errors} values={values} />, {
      status,
    });
  }

  app.get('/admin/departments/:id/categories/:categoryId', { schema: { hide: true, params: categoryParams }, ...guard }, async (req: CategoryReq, reply) => categoryPage(req, reply));

  app.post(
    '/admin/departments/:id/categories/:categoryId',
    { schema: { hide: true, params: categoryParams, body: categoryBody }, attachValidation: true, ...guard },
    async (req: CategoryReq, reply) => {
      const values = bodyValues(req.body, ['code', 'nameRo', 'nameEn', 'nameHu', 'active']);
      const errors = formErrors(req, CATEGORY_FIELDS);
      if (errors.length) return categoryPage(req, reply, errors, values, 400);
      const outcome = await updateCategory(ctx, adminActor(req).id, req.params.id, req.params.categoryId, categoryInput(req.body));
      if (outcome.kind === 'not_found') return notFound(req, reply);
      if (outcome.kind === 'code_taken') return categoryPage(req, reply, [{ field: 'code', reason: req.t('admin.err.codeTaken') }], values, 409);
      return reply.redirectWithNotice(`/admin/departments/${req.params.id}`, 'admin.notice.saved');
    },
  );

  app.post(
    '/admin/departments/:id/members',
    { schema: { hide: true, params: idParams, body: addMemberBody }, attachValidation: true, ...guard },
    async (req: IdReq, reply) => {
      const values = bodyValues(req.body, ['memberEmail']);
      const errors = formErrors(req, MEMBER_FIELDS);
      if (errors.length) return editPage(req, reply, req.params.id, errors, values, 400);
      const outcome = await addDepartmentMember(ctx, adminActor(req).id, req.params.id, { email: values.memberEmail! });
      switch (outcome.kind) {
        case 'not_found':
          return notFound(req, reply);
        case 'no_such_user':
          return editPage(req, reply, req.params.id, [{ field: 'memberEmail', reason: req.t('admin.err.noSuchUser') }], values, 400);
        case 'already_member':
          return editPage(req, reply, req.params.id, [{ field: 'memberEmail', reason: req.t('admin.err.alreadyMember') }], values, 409);
        case 'added':
          return reply.redirectWithNotice(`/admin/departments/${req.params.id}`, 'admin.notice.memberAdded');
      }
    },
  );

  app.post(
    '/admin/departments/:id/members/remove',
    { schema: { hide: true, params: idParams, body: removeMemberBody }, attachValidation: true, ...guard },
    async (req: IdReq, reply) => {
      const errors = formErrors(req, MEMBER_FIELDS);
      if (errors.length) return editPage(req, reply, req.params.id, errors, {}, 400);
      const outcome = await removeDepartmentMember(ctx, adminActor(req).id, req.params.id, (req.body as { userId: string }).userId);
      if (outcome.kind === 'not_found') return notFound(req, reply);
      if (outcome.kind === 'not_member') return editPage(req, reply, req.params.id, [{ field: 'userId', reason: req.t('admin.err.notMember') }], {}, 409);
      return reply.redirectWithNotice(`/admin/departments/${req.params.id}`, 'admin.notice.memberRemoved');
    },
  );
}
