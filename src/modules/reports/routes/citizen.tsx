// Resident-facing pages: list, form, report page, confirmation, follow, feedback, photos, my reports.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { verifyCsrf } from '../../../core/http/request-context.ts';
import { formErrors, str } from '../../../core/http/form-errors.ts';
import { reportPolicy } from '../policy.ts';
import { submitReport } from '../commands/submit.ts';
import { confirmReport, giveFeedback, setFollowing } from '../commands/citizen.ts';
import { categoryOptions, districtOptions, getReport, isFollowing, listReports, type ReportFilters } from '../queries.ts';
import { ReportForm, type ReportFormValues } from '../pages/report-form.tsx';
import { ReportListPage } from '../pages/report-list.tsx';
import { ReportPage } from '../pages/report-page.tsx';
import { readMultipartForm } from './multipart-form.ts';
import { STATUSES } from '../workflow.ts';
import { loadReportCore } from '../commands/load.ts';
import { MAP_ISLAND, MAP_STYLES } from '../pages/map-container.tsx';
import { commentSection } from '../../comments/section.tsx';
import { commentsEnabled, commentsOpenOn, REPORT_SUBJECT } from '../subjects-registration.ts';

const FORM_ISLAND = '/static/assets/report-form.js';

export const listQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['', 'open', ...STATUSES] },
    category: { type: 'string', maxLength: 60 },
    district: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'string', maxLength: 0 }] },
    page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
  },
} as const;

export function filtersFrom(q: { status?: string; category?: string; district?: number | string }): ReportFilters {
  return {
    ...(q.status ? { status: q.status as ReportFilters['status'] } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(typeof q.district === 'number' ? { district: q.district } : {}),
  };
}

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 9007199254740991 } } } as const;

export function registerCitizenRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { status?: string; category?: string; district?: number | string; page: number } }>('/reports', { schema: { hide: true, querystring: listQuery } }, async (req, reply) => {
    const filters = filtersFrom(req.query);
    const { items, total } = await listReports(ctx, req.locale, filters, req.query.page);
    const query = new URLSearchParams(Object.entries(filters).map(([k, v]) => [k, String(v)])).toString();
    return reply.page(
      req.t('reports.list.title'),
      <ReportListPage
        page={await req.pageContext()}
        items={items}
        total={total}
        pageNo={req.query.page}
        pageSize={20}
        filters={filters}
        categories={await categoryOptions(ctx, req.locale)}
        districts={await districtOptions(ctx)}
        query={query}
      />,
      { islands: [MAP_ISLAND], styles: MAP_STYLES },
    );
  });

  app.get('/reports/new', { schema: { hide: true } }, async (req, reply) => {
    const page = await req.pageContext();
    return reply.page(req.t('reports.new'), <ReportForm page={page} categories={await categoryOptions(ctx, req.locale)} districts={await districtOptions(ctx)} />, {
      islands: [MAP_ISLAND, FORM_ISLAND], styles: MAP_STYLES,
    });
  });

  app.post<{ Querystring: { _csrf?: string } }>('/reports', { schema: { hide: true }, config: { csrf: 'handler' } }, async (req, reply) => {
    const form = await readMultipartForm(req);
    verifyCsrf(req, req.query._csrf ?? form.fields._csrf);
    const f = form.fields;
    const values: ReportFormValues = { category: f.category, lat: f.lat, lng: f.lng, address: f.address, district: f.district, description: f.description, showName: f.showName, contactName: f.contactName, contactEmail: f.contactEmail };
    const rerender = async (errors: { field: string; reason: string }[], status = 400) =>
      reply.page(req.t('reports.new'), <ReportForm page={await req.pageContext()} categories={await categoryOptions(ctx, req.locale)} districts={await districtOptions(ctx)} values={values} errors={errors.map((e) => ({ field: e.field, reason: req.t(e.reason) }))} />, {
        status,
        islands: [MAP_ISLAND], styles: MAP_STYLES,
      });
    const pre: { field: string; reason: string }[] = [];
    const [cat] = f.category ? await ctx.database.query<{ id: number }>('select id from categories where code = $1 and active', [f.category]) : [];
    if (!cat) pre.push({ field: 'category', reason: 'reports.err.category' });
    const description = (f.description ?? '').trim();
    if (!description || description.length > 4000) pre.push({ field: 'description', reason: 'reports.err.description' });
    const lat = f.lat ? Number(f.lat.replace(',', '.')) : undefined;
    const lng = f.lng ? Number(f.lng.replace(',', '.')) : undefined;
    const hasPoint = lat !== undefined && lng !== undefined && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
    const districtId = f.district && /^\d+$/.test(f.district) ? Number(f.district) : undefined;
    if ((f.lat || f.lng) && !hasPoint) pre.push({ field: 'location', reason: 'reports.err.location' });
    const email = f.contactEmail?.trim();
    if (req.actor.kind === 'anonymous' && (!f.contactName?.trim() || !email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) pre.push({ field: 'email', reason: 'reports.err.contact' });
    if (form.fileError) pre.push({ field: 'photos', reason: form.fileError });
    if (pre.length || !cat) return rerender(pre);
    const outcome = await submitReport(ctx, req.actor, {
      categoryId: cat.id,
      point: hasPoint ? { lat: lat!, lng: lng! } : undefined,
      districtId: hasPoint ? undefined : districtId,
      address: f.address?.slice(0, 300),
      description,
      showName: f.showName === 'on',
      photos: form.files,
      contact: req.actor.kind === 'anonymous' ? { name: f.contactName!.trim().slice(0, 80), email: email! } : undefined,
      source: 'web',
    });
    if (outcome.kind === 'invalid') return rerender(outcome.errors);
    if (outcome.kind === 'created' && outcome.status === 'unconfirmed') return reply.redirectWithNotice('/reports', 'reports.createdUnconfirmed');
    return reply.redirectWithNotice(`/reports/${outcome.id}`, 'reports.created');
  });

  app.get<{ Querystring: { token?: string } }>('/reports/confirm', { schema: { hide: true, querystring: { type: 'object', properties: { token: { type: 'string', maxLength: 200 } } } } }, async (req, reply) => {
    const outcome = req.query.token ? await confirmReport(ctx, req.query.token) : { kind: 'invalid_token' as const };
    if (outcome.kind === 'invalid_token') return reply.page(req.t('reports.confirmInvalid'), <p>{req.t('reports.confirmInvalid')}</p>, { status: 400 });
    return reply.redirectWithNotice(`/reports/${outcome.id}`, 'reports.confirmed');
  });

  app.get<{ Params: { id: number } }>('/reports/:id', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const report = await getReport(ctx, req.params.id, req.locale);
    const subject = report && { departmentId: report.departmentId, reporterId: report.reporterId, status: report.status, hidden: report.hidden };
    if (!report || !reportPolicy.can(req.actor, 'report.view', subject!)) return reply.callNotFound();
    const canInternal = reportPolicy.can(req.actor, 'report.viewInternal', subject!);
    const visible = { ...report, updates: report.updates.filter((u) => u.public || canInternal) };
    const page = await req.pageContext();
    // Only the thread: following a report is the module's own follow (status news), shown above it.
    const comments = commentsEnabled(ctx) ? (await commentSection(ctx, page, REPORT_SUBJECT, report.id, commentsOpenOn(report), report.commentsCount)).comments : null;
    return reply.page(
      req.t('reports.page.title', { id: report.id }),
      <ReportPage
        page={page}
        comments={comments}
        report={visible}
        following={req.actor.kind === 'user' ? await isFollowing(ctx, report.id, req.actor.id) : false}
        canManage={reportPolicy.can(req.actor, 'report.manage', subject!)}
        canSeeOriginal={reportPolicy.can(req.actor, 'report.viewOriginal', subject!)}
        canGiveFeedback={reportPolicy.can(req.actor, 'report.feedback', subject!) && report.fixed === null}
        canModerate={reportPolicy.can(req.actor, 'report.moderate', subject!)}
      />,
      { islands: [MAP_ISLAND], styles: MAP_STYLES },
    );
  });

  app.post<{ Params: { id: number }; Body: { follow: 'on' | 'off' } }>(
    '/reports/:id/follow',
    { schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['follow'], properties: { follow: { type: 'string', enum: ['on', 'off'] } } } } },
    async (req, reply) => {
      if (req.actor.kind !== 'user') return reply.redirect(`/login?next=/reports/${req.params.id}`, 303);
      const outcome = await setFollowing(ctx, req.actor, req.params.id, req.body.follow === 'on');
      if (outcome.kind === 'not_found') return reply.callNotFound();
      return reply.redirect(`/reports/${req.params.id}`, 303);
    },
  );

  app.post<{ Params: { id: number } }>(
    '/reports/:id/feedback',
    {
      schema: {
        hide: true,
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['fixed', 'rating'],
          properties: { fixed: { type: 'string', enum: ['yes', 'no'] }, rating: { type: 'integer', minimum: 1, maximum: 5 }, note: { type: 'string', maxLength: 2000 } },
        },
      },
      attachValidation: true,
    },
    async (req, reply) => {
      const errors = formErrors(req, { fixed: 'reports.err.fixed', rating: 'reports.err.rating', note: 'reports.err.note' });
      if (errors.length) return reply.page(req.t('reports.page.feedbackTitle'), <ul class="error-summary" role="alert">{errors.map((e) => <li>{e.reason}</li>)}</ul>, { status: 400 });
      if (req.actor.kind !== 'user') return reply.redirect(`/login?next=/reports/${req.params.id}`, 303);
      const b = req.body as { fixed: string; rating: number; note?: string };
      const outcome = await giveFeedback(ctx, req.actor, req.params.id, { fixed: b.fixed === 'yes', rating: b.rating, note: b.note });
      if (outcome.kind === 'not_found') return reply.callNotFound();
      if (outcome.kind === 'forbidden') return reply.code(403).page(req.t('error.title'), <p>{req.t('reports.page.feedbackTitle')}</p>, { status: 403 });
      return reply.redirectWithNotice(`/reports/${req.params.id}`, outcome.reopened ? 'reports.page.reopened' : 'reports.page.feedbackThanks');
    },
  );

  const photoParams = { type: 'object', required: ['pid'], properties: { pid: { type: 'integer', minimum: 1, maximum: 9007199254740991 } } } as const;
  for (const [url, column] of [
    ['/reports/photos/:pid.jpg', 'image'],
    ['/reports/photos/:pid/thumb.jpg', 'thumb'],
  ] as const) {
    app.get<{ Params: { pid: number } }>(url, { schema: { hide: true, params: photoParams } }, async (req, reply) => {
      const [p] = await ctx.database.query<{ data: Buffer; report_id: number }>(`select ${column} as data, report_id::int as report_id from report_photos where id = $1 and not hidden`, [req.params.pid]);
      const r = p && (await loadReportCore(ctx.database, p.report_id));
      if (!p || !r || !reportPolicy.can(req.actor, 'report.view', r)) return reply.callNotFound();
      return reply.header('cache-control', 'public, max-age=86400').type('image/jpeg').send(Buffer.from(p.data));
    });
  }

  app.get('/my/reports', { schema: { hide: true } }, async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect('/login?next=/my/reports', 303);
    const { items } = await listReports(ctx, req.locale, { reporterId: req.actor.id }, 1, 200);
    const { ReportItems } = await import('../pages/report-list.tsx');
    const page = await req.pageContext();
    return reply.page(
      req.t('reports.mine.title'),
      <section aria-labelledby="mine-heading">
        <h1 id="mine-heading">{req.t('reports.mine.title')}</h1>
        {items.length ? <ReportItems page={page} items={items} /> : <p>{req.t('reports.mine.empty')}</p>}
      </section>,
    );
  });
}
