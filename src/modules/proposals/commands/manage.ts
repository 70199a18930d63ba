// What happens to a proposal after it is submitted: the official answer, withdrawal by its author,
// and hiding or restoring by moderators.
import type { AppContext } from '../../../core/context.ts';
import type { UserActor } from '../../../core/auth/actor.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';
import type { AnswerState, ProposalState } from '../model.ts';
import { notifyFollowers } from '../../notifications/notify.ts';

export type SimpleOutcome = { kind: 'done' } | { kind: 'not_found' } | { kind: 'conflict' };

export async function answerProposal(ctx: AppContext, actor: UserActor, proposalId: number, state: AnswerState, text: string): Promise<SimpleOutcome> {
  return ctx.database.transaction(async (tx) => {
    const [p] = await tx.query<{ state: ProposalState; title: string }>('select state, title from proposals where id = $1 for update', [proposalId]);
    if (!p) return { kind: 'not_found' } as const;
    if (p.state === 'withdrawn') return { kind: 'conflict' } as const;
    await tx.query('update proposals set state = $2, answer_text = $3, answered_at = now(), answered_by = $4, updated_at = now() where id = $1', [proposalId, state, text.trim(), actor.id]);
    await recordAudit(tx, { actorId: actor.id, action: 'proposal.answer', subjectType: 'proposal', subjectId: proposalId, details: { from: p.state, to: state } });
    await notifyFollowers(ctx, tx, { kind: 'proposal_answered', subjectType: 'proposal', subjectId: proposalId, url: `/proposals/${proposalId}`, params: { title: p.title, stateKey: `proposals.state.${state}` }, actorId: actor.id });
    await ctx.events.publish({ type: 'proposal.answered', public: true, payload: { proposalId, title: p.title, stateKey: `proposals.state.${state}` } }, tx);
    return { kind: 'done' } as const;
  });
}

export async function withdrawProposal(ctx: AppContext, actor: UserActor, proposalId: number): Promise<SimpleOutcome> {
  const rows = await ctx.database.query(`update proposals set state = 'withdrawn', updated_at = now() where id = $1 and author_id = $2 and state in ('open','under_review') and supports_count = 0 returning 1`, [proposalId, actor.id]);
  return rows.length ? { kind: 'done' } : { kind: 'conflict' };
}

export async function setProposalHidden(ctx: AppContext, actor: UserActor, proposalId: number, hide: boolean, reason: string): Promise<SimpleOutcome> {
  return ctx.database.transaction(async (tx) => {
    const rows = await tx.query(
      hide ? 'update proposals set hidden_at = now(), hidden_reason = $2 where id = $1 returning 1' : 'update proposals set hidden_at = null, hidden_reason = null where id = $1 returning 1',
      hide ? [proposalId, reason.trim()] : [proposalId],
    );
    if (!rows.length) return { kind: 'not_found' } as const;
    await recordAudit(tx, { actorId: actor.id, action: hide ? 'proposal.hide' : 'proposal.restore', subjectType: 'proposal', subjectId: proposalId, details: hide ? { reason } : {} });
    return { kind: 'done' } as const;
  });
}
