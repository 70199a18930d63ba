// Staff actions on a proposal: the official answer (officials and admins) and moderation.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { formErrors } from '../../../core/http/form-errors.ts';
import { cachedHostedComponent } from '../../spaces/hosted.ts';
import { proposalPolicy } from '../policy.ts';
import { subjectOf } from '../subject.ts';
import { ANSWER_STATES, type AnswerState } from '../model.ts';
import { getProposal } from '../queries.ts';
import { answerProposal, setProposalHidden } from '../commands/manage.ts';
import { idParams } from './schemas.ts';
import { ForbiddenPage } from '../../../core/admin/guard.tsx';

export function registerStaffRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function load(id: number, locale: 'ro' | 'en' | 'hu') {
    const proposal = await getProposal(ctx.database, locale, id);
    const c = proposal && (await cachedHostedComponent(ctx, proposal.componentId, 'proposals'));
    return proposal && c ? { proposal, subject: subjectOf(c, proposal) } : null;
  }

  // formErrors already translated the reasons.
  const errorPage = (title: string, reasons: string[]) => (
    <section aria-labelledby="error-heading">
      <h1 id="error-heading">{title}</h1>
      <ul class="error-summary" role="alert">
        {reasons.map((r) => (
          <li>{r}</li>
        ))}
      </ul>
    </section>
  );

  app.post<{ Params: { id: number } }>(
    '/proposals/:id/answer',
    {
      schema: {
        hide: true,
        params: idParams,
        body: { type: 'object', additionalProperties: false, required: ['state', 'text'], properties: { state: { type: 'string', enum: [...ANSWER_STATES] }, text: { type: 'string', minLength: 1, maxLength: 5000, pattern: '\\S' } } },
      },
      attachValidation: true,
    },
    async (req, reply) => {
      if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/proposals/${req.params.id}`)}`, 303);
      const found = await load(req.params.id, req.locale);
      if (!found || !proposalPolicy.can(req.actor, 'proposal.view', found.subject)) return reply.callNotFound();
      if (!proposalPolicy.can(req.actor, 'proposal.answer', found.subject)) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
      const errors = formErrors(req, { state: 'proposals.err.answerState', text: 'proposals.err.answerText' });
      if (errors.length) return reply.page(req.t('proposals.page.answerForm'), errorPage(req.t('proposals.page.answerForm'), errors.map((e) => e.reason)), { status: 400 });
      const b = req.body as { state: AnswerState; text: string };
      const outcome = await answerProposal(ctx, req.actor, req.params.id, b.state, b.text);
      if (outcome.kind === 'not_found') return reply.callNotFound();
      if (outcome.kind === 'conflict') return reply.page(req.t('error.title'), errorPage(req.t('error.title'), [req.t('proposals.state.withdrawn')]), { status: 409 });
      return reply.redirectWithNotice(`/proposals/${req.params.id}`, 'proposals.notice.answered');
    },
  );

  for (const action of ['hide', 'restore'] as const) {
    app.post<{ Params: { id: number } }>(
      `/proposals/:id/${action}`,
      {
        schema: {
          hide: true,
          params: idParams,
          body:
            action === 'hide'
              ? { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' } } }
              : { type: 'object', additionalProperties: false, properties: {} },
        },
        attachValidation: true,
      },
      async (req, reply) => {
        if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/proposals/${req.params.id}`)}`, 303);
        const found = await load(req.params.id, req.locale);
        if (!found) return reply.callNotFound();
        if (!proposalPolicy.can(req.actor, 'proposal.moderate', found.subject)) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
        const errors = formErrors(req, { reason: 'proposals.err.reason' });
        if (errors.length) return reply.page(req.t('proposals.page.moderation'), errorPage(req.t('proposals.page.moderation'), errors.map((e) => e.reason)), { status: 400 });
        const reason = (req.body as { reason?: string } | undefined)?.reason ?? '';
        await setProposalHidden(ctx, req.actor, req.params.id, action === 'hide', reason);
        return reply.redirectWithNotice(`/proposals/${req.params.id}`, action === 'hide' ? 'proposals.notice.hidden' : 'proposals.notice.restored');
      },
    );
  }
}
