// Resident-facing proposal pages: list with filters, the form (with similar proposals), one
// proposal with its supports, and support / withdraw.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { str } from '../../../core/http/form-errors.ts';
import { cachedHostedComponent, type HostedComponent } from '../../spaces/hosted.ts';
import { districtOptions } from '../../spaces/queries.ts';
import { proposalPolicy } from '../policy.ts';
import { subjectOf } from '../subject.ts';
import { rulesOf, type ProposalState } from '../model.ts';
import { cachedFilterOptions, categoryOptions, getProposal, listProposals, similarProposals, supportState, supportsUsed, type ProposalFilters } from '../queries.ts';
import { createProposal } from '../commands/create.ts';
import { setSupport } from '../commands/support.ts';
import { withdrawProposal } from '../commands/manage.ts';
import { ProposalListPage } from '../pages/list-page.tsx';
import type { ListView } from '../pages/list-map.tsx';
import { FEATURE_MAP_ISLAND, FEATURE_MAP_STYLES } from '../../../core/ui/feature-map.tsx';
import { ProposalFormPage, type ProposalFormValues } from '../pages/form-page.tsx';
import { ProposalPage } from '../pages/proposal-page.tsx';
import { componentParams, idParams, listQuery, PROPOSAL_FIELDS, proposalBody, type ListQuery } from './schemas.ts';
import { readProposalForm } from './proposal-form.ts';
import { listAttachments } from '../attachments.ts';
import { proposalExtras } from './extras.ts';
import { ForbiddenPage } from '../../../core/admin/guard.tsx';

const PAGE_SIZE = 20;
const FORM_ISLAND = '/static/assets/proposal-form.js';
const listPageQuery = { ...listQuery, properties: { ...listQuery.properties, view: { type: 'string', enum: ['list', 'map'], default: 'list' } } } as const;

export function filtersFrom(q: ListQuery): ProposalFilters {
  return {
    q: q.q?.trim() || undefined,
    state: (q.state || undefined) as ProposalState | undefined,
    category: q.category || undefined,
    district: typeof q.district === 'number' ? q.district : undefined,
    sort: q.sort,
  };
}

export function queryOf(f: ProposalFilters): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.state) p.set('state', f.state);
  if (f.category) p.set('category', f.category);
  if (f.district) p.set('district', String(f.district));
  if (f.sort !== 'recent') p.set('sort', f.sort);
  return p.toString();
}

export function parsePoint(lat?: string, lng?: string): { point: { lat: number; lng: number } | null; bad: boolean } {
  const a = lat?.trim() ?? '';
  const b = lng?.trim() ?? '';
  if (!a && !b) return { point: null, bad: false };
  const la = Number(a.replace(',', '.'));
  const lo = Number(b.replace(',', '.'));
  if (!a || !b || !Number.isFinite(la) || !Number.isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180) return { point: null, bad: true };
  return { point: { lat: la, lng: lo }, bad: false };
}

export function registerCitizenRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function component(req: FastifyRequest, cid: number): Promise<HostedComponent | null> {
    const c = await cachedHostedComponent(ctx, cid, 'proposals');
    return c && proposalPolicy.can(req.actor, 'proposal.view', subjectOf(c)) ? c : null;
  }

  app.get<{ Params: { cid: number }; Querystring: ListQuery & { view: ListView } }>('/proposals/c/:cid', { schema: { hide: true, params: componentParams, querystring: listPageQuery } }, async (req, reply) => {
    const filters = filtersFrom(req.query);
    // The list is read alongside the component and shown only if the component may be seen.
    const [c, { items, total }, page, { categories, districts }] = await Promise.all([
      component(req, req.params.cid),
      listProposals(ctx.database, req.locale, req.params.cid, filters, req.query.page, PAGE_SIZE),
      req.pageContext(),
      cachedFilterOptions(ctx, req.locale),
    ]);
    if (!c) return reply.callNotFound();
    const rules = rulesOf(c);
    const userId = req.actor.kind === 'user' ? req.actor.id : undefined;
    const used = userId && rules.supportsLimit > 0 ? await supportsUsed(ctx.database, c.id, userId) : null;
    const title = req.t('proposals.list.title', { space: c.space.title });
    return reply.page(
      title,
      <ProposalListPage
        page={page}
        component={c}
        title={title}
        items={items}
        total={total}
        pageNo={req.query.page}
        pageSize={PAGE_SIZE}
        filters={filters}
        categories={categories}
        districts={districts}
        query={queryOf(filters)}
        canCreate={proposalPolicy.can(req.actor, 'proposal.create', subjectOf(c))}
        supports={used !== null ? { used, limit: rules.supportsLimit } : null}
        view={req.query.view}
      />,
      req.query.view === 'map' ? { islands: [FEATURE_MAP_ISLAND], styles: FEATURE_MAP_STYLES } : {},
    );
  });

  async function formPage(req: FastifyRequest, reply: FastifyReply, c: HostedComponent, opts: { values?: ProposalFormValues; errors?: FieldError[]; similar?: Awaited<ReturnType<typeof similarProposals>> | null; status?: number } = {}) {
    return reply.page(
      req.t('proposals.new.title'),
      <ProposalFormPage
        page={await req.pageContext()}
        component={c}
        categories={await categoryOptions(ctx.database, req.locale)}
        districts={await districtOptions(ctx.database)}
        values={opts.values}
        errors={opts.errors}
        similar={opts.similar ?? null}
      />,
      { status: opts.status ?? 200, islands: [FORM_ISLAND] },
    );
  }

  app.get<{ Params: { cid: number } }>('/proposals/c/:cid/new', { schema: { hide: true, params: componentParams } }, async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
    const c = await component(req, req.params.cid);
    if (!c) return reply.callNotFound();
    if (!proposalPolicy.can(req.actor, 'proposal.create', subjectOf(c))) return reply.redirectWithNotice(`/proposals/c/${c.id}`, 'proposals.err.closed');
    return formPage(req, reply, c);
  });

  // Multipart when files are attached, so the handler checks CSRF and the schema itself (proposal-form.ts).
  app.post<{ Params: { cid: number } }>('/proposals/c/:cid', { schema: { hide: true, params: componentParams }, config: { csrf: 'handler' } }, async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/proposals/c/${req.params.cid}/new`)}`, 303);
    const c = await component(req, req.params.cid);
    if (!c) return reply.callNotFound();
    if (!proposalPolicy.can(req.actor, 'proposal.create', subjectOf(c))) return reply.redirectWithNotice(`/proposals/c/${c.id}`, 'proposals.err.closed');
    const form = await readProposalForm(req, proposalBody, PROPOSAL_FIELDS);
    const names = ['title', 'body', 'category', 'district', 'address', 'lat', 'lng'] as const;
    const values = Object.fromEntries(names.map((n) => [n, form.fields[n] === undefined ? undefined : String(form.fields[n])])) as ProposalFormValues;
    const errors = form.errors;
    const similar = await similarProposals(ctx.database, c.id, { title: values.title ?? '', body: values.body });
    if (errors.length) return formPage(req, reply, c, { values, errors, similar, status: 400 });
    if (str(form.fields, 'intent') === 'check') return formPage(req, reply, c, { values, similar });
    const { point, bad } = parsePoint(values.lat, values.lng);
    if (bad) return formPage(req, reply, c, { values, errors: [{ field: 'location', reason: req.t('proposals.err.location') }], similar, status: 400 });
    const b = form.fields as { category?: number | string; district?: number | string };
    const outcome = await createProposal(ctx, req.actor, c.id, {
      title: values.title ?? '',
      body: values.body ?? '',
      categoryId: typeof b.category === 'number' ? b.category : null,
      districtId: typeof b.district === 'number' ? b.district : null,
      point,
      address: values.address ?? '',
    }, form.attachments);
    switch (outcome.kind) {
      case 'created':
        return reply.redirectWithNotice(`/proposals/${outcome.id}`, 'proposals.created');
      case 'invalid':
        return formPage(req, reply, c, { values, errors: outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) })), similar, status: 400 });
      case 'limit_reached':
        return formPage(req, reply, c, { values, errors: [{ field: 'title', reason: req.t('proposals.err.limit', { limit: outcome.limit }) }], similar, status: 409 });
      case 'closed':
        return reply.redirectWithNotice(`/proposals/c/${c.id}`, 'proposals.err.closed');
      case 'not_found':
        return reply.callNotFound();
    }
  });

  app.get<{ Params: { id: number } }>('/proposals/:id', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const proposal = await getProposal(ctx.database, req.locale, req.params.id);
    const c = proposal && (await cachedHostedComponent(ctx, proposal.componentId, 'proposals'));
    if (!proposal || !c) return reply.callNotFound();
    const subject = subjectOf(c, proposal);
    if (!proposalPolicy.can(req.actor, 'proposal.view', subject)) return reply.callNotFound();
    const page = await req.pageContext();
    const { supported } = await supportState(ctx.database, c.id, proposal.id, req.actor.kind === 'user' ? req.actor.id : undefined);
    const extras = await proposalExtras(ctx, page, c, proposal);
    return reply.page(
      proposal.title,
      <ProposalPage
        page={page}
        component={c}
        proposal={proposal}
        threshold={rulesOf(c).threshold}
        supported={supported}
        can={{
          support: proposalPolicy.can(req.actor, 'proposal.support', subject),
          withdraw: proposalPolicy.can(req.actor, 'proposal.withdraw', subject) && proposal.supports === 0,
          answer: proposalPolicy.can(req.actor, 'proposal.answer', subject),
          moderate: proposalPolicy.can(req.actor, 'proposal.moderate', subject),
          original: proposalPolicy.can(req.actor, 'proposal.viewOriginal', subject),
          edit: proposalPolicy.can(req.actor, 'proposal.edit', subject),
        }}
        attachments={await listAttachments(ctx.database, proposal.id)}
        follow={extras.follow}
        comments={extras.comments}
      />,
    );
  });

  app.post<{ Params: { id: number }; Body: { support: 'on' | 'off' } }>(
    '/proposals/:id/support',
    { schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['support'], properties: { support: { type: 'string', enum: ['on', 'off'] } } } } },
    async (req, reply) => {
      if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/proposals/${req.params.id}`)}`, 303);
      const outcome = await setSupport(ctx, req.actor, req.params.id, req.body.support === 'on');
      const back = `/proposals/${req.params.id}`;
      switch (outcome.kind) {
        case 'not_found':
          return reply.callNotFound();
        case 'supported':
        case 'already':
          return reply.redirectWithNotice(back, 'proposals.notice.supported');
        case 'unsupported':
        case 'not_supported':
          return reply.redirectWithNotice(back, 'proposals.notice.unsupported');
        case 'limit_reached':
          return reply.redirectWithNotice(back, 'proposals.notice.limit');
        case 'closed':
          return reply.redirectWithNotice(back, 'proposals.notice.closed');
      }
    },
  );

  app.post<{ Params: { id: number } }>('/proposals/:id/withdraw', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/proposals/${req.params.id}`)}`, 303);
    const proposal = await getProposal(ctx.database, req.locale, req.params.id);
    const c = proposal && (await cachedHostedComponent(ctx, proposal.componentId, 'proposals'));
    if (!proposal || !c) return reply.callNotFound();
    if (!proposalPolicy.can(req.actor, 'proposal.withdraw', subjectOf(c, proposal)) || proposal.supports > 0) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
    await withdrawProposal(ctx, req.actor, proposal.id);
    return reply.redirectWithNotice(`/proposals/${proposal.id}`, 'proposals.notice.withdrawn');
  });
}
