// Changing a submitted proposal (its author, until the first support), its public version history,
// and downloading its attachments.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { ForbiddenPage } from '../../../core/admin/guard.tsx';
import { cachedHostedComponent, type HostedComponent } from '../../spaces/hosted.ts';
import { districtOptions } from '../../spaces/queries.ts';
import { proposalPolicy } from '../policy.ts';
import { subjectOf } from '../subject.ts';
import { categoryOptions, getProposal, listVersions, type Proposal } from '../queries.ts';
import { listAttachments } from '../attachments.ts';
import { editProposal } from '../commands/edit.ts';
import { ProposalFormPage, type ProposalFormValues } from '../pages/form-page.tsx';
import { VersionsPage } from '../pages/versions-page.tsx';
import { EDIT_FIELDS, idParams, proposalEditBody } from './schemas.ts';
import { readProposalForm } from './proposal-form.ts';
import { parsePoint } from './citizen.tsx';

const attachmentParams = { type: 'object', required: ['aid'], properties: { aid: { type: 'integer', minimum: 1, maximum: 9007199254740991 } } } as const;

function valuesOf(p: Proposal): ProposalFormValues {
  return {
    title: p.title,
    body: p.body,
    category: p.categoryId ? String(p.categoryId) : '',
    district: p.districtId ? String(p.districtId) : '',
    address: p.address ?? '',
    lat: p.lat === null ? '' : String(p.lat),
    lng: p.lng === null ? '' : String(p.lng),
  };
}

export function registerEditRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function load(req: FastifyRequest, id: number): Promise<{ p: Proposal; c: HostedComponent } | null> {
    const p = await getProposal(ctx.database, req.locale, id);
    const c = p && (await cachedHostedComponent(ctx, p.componentId, 'proposals'));
    return p && c && proposalPolicy.can(req.actor, 'proposal.view', subjectOf(c, p)) ? { p, c } : null;
  }

  /** Why the edit is refused, when it is: not the author → 403; otherwise back to the proposal. */
  function refuse(req: FastifyRequest, reply: FastifyReply, p: Proposal) {
    if (req.actor.kind !== 'user' || p.authorId !== req.actor.id) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
    return reply.redirectWithNotice(`/proposals/${p.id}`, 'proposals.err.notEditable');
  }

  async function formPage(req: FastifyRequest, reply: FastifyReply, c: HostedComponent, p: Proposal, values: ProposalFormValues, errors?: FieldError[], status = 200) {
    return reply.page(
      req.t('proposals.edit.title'),
      <ProposalFormPage
        page={await req.pageContext()}
        component={c}
        categories={await categoryOptions(ctx.database, req.locale)}
        districts={await districtOptions(ctx.database)}
        values={values}
        errors={errors}
        similar={null}
        edit={{ proposalId: p.id, attachments: await listAttachments(ctx.database, p.id) }}
      />,
      { status },
    );
  }

  app.get<{ Params: { id: number } }>('/proposals/:id/edit', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
    const found = await load(req, req.params.id);
    if (!found) return reply.callNotFound();
    if (!proposalPolicy.can(req.actor, 'proposal.edit', subjectOf(found.c, found.p))) return refuse(req, reply, found.p);
    return formPage(req, reply, found.c, found.p, valuesOf(found.p));
  });

  // Multipart when files are attached, so the handler checks CSRF and the schema itself (proposal-form.ts).
  app.post<{ Params: { id: number } }>('/proposals/:id/edit', { schema: { hide: true, params: idParams }, config: { csrf: 'handler' } }, async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/proposals/${req.params.id}/edit`)}`, 303);
    const found = await load(req, req.params.id);
    if (!found) return reply.callNotFound();
    const { p, c } = found;
    if (!proposalPolicy.can(req.actor, 'proposal.edit', subjectOf(c, p))) return refuse(req, reply, p);
    const form = await readProposalForm(req, proposalEditBody, EDIT_FIELDS);
    const f = form.fields as { title?: string; body?: string; category?: number | string; district?: number | string; address?: string; lat?: string; lng?: string; remove?: number[] };
    const values: ProposalFormValues = { title: f.title, body: f.body, category: String(f.category ?? ''), district: String(f.district ?? ''), address: f.address, lat: f.lat, lng: f.lng };
    const errors = [...form.errors];
    const { point, bad } = parsePoint(f.lat, f.lng);
    if (bad) errors.push({ field: 'location', reason: req.t('proposals.err.location') });
    if (errors.length) return formPage(req, reply, c, p, values, errors, 400);
    const outcome = await editProposal(ctx, req.actor, p.id, {
      title: f.title ?? '',
      body: f.body ?? '',
      categoryId: typeof f.category === 'number' ? f.category : null,
      districtId: typeof f.district === 'number' ? f.district : null,
      point,
      address: f.address ?? '',
      add: form.attachments,
      remove: f.remove ?? [],
    });
    switch (outcome.kind) {
      case 'edited':
        return reply.redirectWithNotice(`/proposals/${p.id}`, 'proposals.notice.edited');
      case 'invalid':
        return formPage(req, reply, c, p, values, outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) })), 400);
      case 'too_many_files':
        return formPage(req, reply, c, p, values, [{ field: 'attachments', reason: req.t('proposals.err.attachmentCount', { max: outcome.max }) }], 400);
      case 'not_author':
      case 'has_supports':
      case 'not_editable':
        return refuse(req, reply, p);
      case 'not_found':
        return reply.callNotFound();
    }
  });

  app.get<{ Params: { id: number } }>('/proposals/:id/versions', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const found = await load(req, req.params.id);
    if (!found) return reply.callNotFound();
    const title = req.t('proposals.versions.title', { title: found.p.title });
    return reply.page(title, <VersionsPage page={await req.pageContext()} component={found.c} proposal={found.p} title={title} versions={await listVersions(ctx.database, found.p.id)} />);
  });

  app.get<{ Params: { aid: number } }>('/proposals/attachments/:aid', { schema: { hide: true, params: attachmentParams } }, async (req, reply) => {
    const [a] = await ctx.database.query<{ proposal_id: number; file_name: string; content_type: string; data: Buffer }>(
      'select proposal_id::int as proposal_id, file_name, content_type, data from proposal_attachments where id = $1',
      [req.params.aid],
    );
    if (!a || !(await load(req, a.proposal_id))) return reply.callNotFound();
    // Images were re-encoded and may open in the browser; a PDF is never rendered on our origin.
    const disposition = a.content_type === 'application/pdf' ? 'attachment' : 'inline';
    const ascii = a.file_name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'file';
    return reply
      .header('content-disposition', `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.file_name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-cache')
      .type(a.content_type)
      .send(Buffer.from(a.data));
  });
}
