// /admin/report-categories (admins only): list, edit form, save with validation and audit.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { formErrors, str } from '../../../core/http/form-errors.ts';
import { adminActor, ForbiddenPage, sendNotFound } from '../../../core/admin/guard.tsx';
import { oversightPolicy } from './policy.ts';
import { findCategorySettings, listCategorySettings, saveCategorySettings } from './category-settings.ts';
import { CategorySettingsEditPage, CategorySettingsListPage, valuesOf, type CategorySettingsValues } from './category-settings-page.tsx';
import { parseAttributes } from './open311-attributes.ts';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;
const help = { type: 'string', maxLength: 1000 } as const;
const settingsBody = {
  type: 'object',
  additionalProperties: false,
  required: ['slaAckDays', 'slaResolveDays', 'group'],
  properties: {
    slaAckDays: { type: 'integer', minimum: 1, maximum: 365 },
    slaResolveDays: { type: 'integer', minimum: 1, maximum: 3650 },
    group: { type: 'string', pattern: '^[a-z0-9_-]{1,40}$' },
    helpRo: help,
    helpEn: help,
    helpHu: help,
    attributes: { type: 'string', maxLength: 100000 },
  },
} as const;
const FIELD_MESSAGES = {
  slaAckDays: 'reports.categories.err.ackDays',
  slaResolveDays: 'reports.categories.err.resolveDays',
  group: 'reports.categories.err.group',
  helpRo: 'reports.categories.err.help',
  helpEn: 'reports.categories.err.help',
  helpHu: 'reports.categories.err.help',
  attributes: 'reports.categories.attr.json',
};

type IdReq = FastifyRequest<{ Params: { id: number } }>;

async function guard(req: FastifyRequest, reply: FastifyReply) {
  if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(req.method === 'GET' ? req.url : '/admin/report-categories')}`, 303);
  if (!oversightPolicy.can(req.actor, 'report.categorySettings')) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
}

export function registerCategorySettingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const opts = { preValidation: guard };

  async function editPage(req: IdReq, reply: FastifyReply, values?: CategorySettingsValues, errors?: FieldError[], status = 200) {
    const row = await findCategorySettings(ctx, req.locale, req.params.id);
    if (!row) return sendNotFound(req, reply);
    return reply.page(req.t('reports.categories.editTitle', { name: row.name }), <CategorySettingsEditPage page={await req.pageContext()} row={row} values={values ?? valuesOf(row)} errors={errors} />, { status });
  }

  app.get('/admin/report-categories', { schema: { hide: true }, ...opts }, async (req, reply) => {
    const rows = await listCategorySettings(ctx, req.locale);
    return reply.page(req.t('reports.categories.title'), <CategorySettingsListPage page={await req.pageContext()} rows={rows} />);
  });

  app.get('/admin/report-categories/:id', { schema: { hide: true, params: idParams }, ...opts }, async (req: IdReq, reply) => editPage(req, reply));

  app.post('/admin/report-categories/:id', { schema: { hide: true, params: idParams, body: settingsBody }, attachValidation: true, ...opts }, async (req: IdReq, reply) => {
    const names = ['slaAckDays', 'slaResolveDays', 'group', 'helpRo', 'helpEn', 'helpHu', 'attributes'] as const;
    const values = Object.fromEntries(names.map((n) => [n, str(req.body, n) ?? (req.body as Record<string, unknown> | undefined)?.[n]?.toString()])) as CategorySettingsValues;
    const errors = formErrors(req, FIELD_MESSAGES);
    const attrs = parseAttributes(values.attributes ?? '');
    if (attrs.kind === 'invalid' && !errors.some((e) => e.field === 'attributes')) {
      const problem = req.t(attrs.problem);
      errors.push({ field: 'attributes', reason: attrs.n ? req.t('reports.categories.attr.at', { n: attrs.n, problem }) : problem });
    }
    const b = req.body as { slaAckDays: number; slaResolveDays: number; group: string; helpRo?: string; helpEn?: string; helpHu?: string };
    if (!errors.length && b.slaAckDays > b.slaResolveDays) errors.push({ field: 'slaAckDays', reason: req.t('reports.categories.err.ackAfterResolve') });
    if (errors.length || attrs.kind === 'invalid') return editPage(req, reply, values, errors, 400);
    const outcome = await saveCategorySettings(ctx, adminActor(req).id, req.params.id, {
      group: b.group,
      slaAckDays: b.slaAckDays,
      slaResolveDays: b.slaResolveDays,
      helpRo: (b.helpRo ?? '').trim(),
      helpEn: (b.helpEn ?? '').trim(),
      helpHu: (b.helpHu ?? '').trim(),
      attributes: attrs.attributes,
    });
    if (outcome.kind === 'not_found') return sendNotFound(req, reply);
    return reply.redirectWithNotice('/admin/report-categories', 'admin.notice.saved');
  });
}
