// PATCH /api/v1/proposals/:id: its author changes a proposal through the API, under the same rule as
// the form (until the first support, while the phase takes proposals). Only the fields sent change.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { problem, problemSchema, sendProblem } from '../../../core/http/problem.ts';
import { cachedHostedComponent } from '../../spaces/hosted.ts';
import { proposalPolicy } from '../policy.ts';
import { subjectOf } from '../subject.ts';
import { getProposal } from '../queries.ts';
import { listAttachments } from '../attachments.ts';
import { editProposal } from '../commands/edit.ts';
import { presentProposal, proposalSchema } from '../presenters.ts';
import { idParams, proposalPatchBody, type ProposalPatch } from './schemas.ts';

export function registerEditApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.patch<{ Params: { id: number }; Body: ProposalPatch }>(
    '/api/v1/proposals/:id',
    {
      schema: {
        tags: ['participation'],
        summary: 'Change your proposal (its author only, until it gets a support and while the phase takes proposals)',
        params: idParams,
        body: proposalPatchBody,
        response: { 200: proposalSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (req, reply) => {
      if (req.actor.kind !== 'user') return sendProblem(reply, problem(401, 'unauthenticated', 'Not signed in'));
      const notFound = () => sendProblem(reply, problem(404, 'not-found', 'Not found', `No proposal ${req.params.id}`));
      const p = await getProposal(ctx.database, req.locale, req.params.id);
      const c = p && (await cachedHostedComponent(ctx, p.componentId, 'proposals'));
      if (!p || !c) return notFound();
      const subject = subjectOf(c, p);
      if (!proposalPolicy.can(req.actor, 'proposal.view', subject)) return notFound();
      const notAuthor = () => sendProblem(reply, problem(403, 'not-author', 'Forbidden', 'Only the author can change a proposal.'));
      const hasSupports = () => sendProblem(reply, problem(409, 'has-supports', 'Proposal has supports', 'A proposal can no longer be changed once someone supports it.'));
      const notEditable = () => sendProblem(reply, problem(409, 'not-editable', 'Proposal cannot be changed', 'The proposal was answered, hidden or withdrawn, or the phase does not take proposals now.'));
      if (!proposalPolicy.can(req.actor, 'proposal.edit', subject)) return p.authorId !== req.actor.id ? notAuthor() : p.supports > 0 ? hasSupports() : notEditable();
      const b = req.body;
      const outcome = await editProposal(ctx, req.actor, p.id, {
        title: b.title ?? p.title,
        body: b.body ?? p.body,
        categoryId: b.category !== undefined ? b.category : p.categoryId,
        districtId: b.district !== undefined ? b.district : p.districtId,
        point: b.location !== undefined ? b.location : p.lat !== null && p.lng !== null ? { lat: p.lat, lng: p.lng } : null,
        address: b.address ?? p.address ?? '',
      });
      switch (outcome.kind) {
        case 'edited':
          return presentProposal((await getProposal(ctx.database, req.locale, p.id))!, await listAttachments(ctx.database, p.id));
        case 'invalid':
          return sendProblem(reply, problem(400, 'invalid', 'Invalid proposal', undefined, outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) }))));
        case 'not_author':
          return notAuthor();
        case 'has_supports':
          return hasSupports();
        case 'not_editable':
        case 'too_many_files':
          return notEditable();
        case 'not_found':
          return notFound();
      }
    },
  );
}
