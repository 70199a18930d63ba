// Supporting a proposal, exactly: the proposal row is locked first, so concurrent supports of one
// proposal queue up and supports_count never drifts; the person's quota row (one per component) is
// raised only while below its ceiling, otherwise the whole transaction is undone.
import type { AppContext } from '../../../core/context.ts';
import type { UserActor } from '../../../core/auth/actor.ts';
import { loadHostedComponent, isPublic } from '../../spaces/hosted.ts';
import { rulesOf, SUPPORTABLE, UNLIMITED, type ProposalState } from '../model.ts';
import { notifyFollowers } from '../../notifications/notify.ts';

export type SupportOutcome =
  | { kind: 'supported'; supports: number; state: ProposalState }
  | { kind: 'unsupported'; supports: number; state: ProposalState }
  | { kind: 'already' }
  | { kind: 'not_supported' }
  | { kind: 'limit_reached'; limit: number }
  | { kind: 'closed' }
  | { kind: 'not_found' };

class LimitReached extends Error {}

export async function setSupport(ctx: AppContext, actor: UserActor, proposalId: number, support: boolean): Promise<SupportOutcome> {
  const [row] = await ctx.database.query<{ component_id: number }>('select component_id from proposals where id = $1', [proposalId]);
  if (!row) return { kind: 'not_found' };
  const component = await loadHostedComponent(ctx.database, row.component_id, 'proposals');
  if (!component || !isPublic(component)) return { kind: 'not_found' };
  if (!component.flags.supportsOpen) return { kind: 'closed' };
  const rules = rulesOf(component);
  const allowed = rules.supportsLimit > 0 ? rules.supportsLimit : UNLIMITED;
  try {
    return await ctx.database.transaction(async (tx): Promise<SupportOutcome> => {
      const [p] = await tx.query<{ state: ProposalState; hidden: boolean; title: string }>('select state, hidden_at is not null as hidden, title from proposals where id = $1 for update', [proposalId]);
      if (!p || p.hidden) return { kind: 'not_found' };
      if (!SUPPORTABLE.includes(p.state)) return { kind: 'closed' };
      if (support) {
        const inserted = await tx.query('insert into proposal_supports (proposal_id, user_id, component_id) values ($1, $2, $3) on conflict do nothing returning 1', [proposalId, actor.id, component.id]);
        if (!inserted.length) return { kind: 'already' };
        const quota = await tx.query(
          `insert into proposal_support_quotas as q (component_id, user_id, used, allowed) values ($1, $2, 1, $3)
           on conflict (component_id, user_id) do update set used = q.used + 1, allowed = excluded.allowed
           where q.used < excluded.allowed returning used`,
          [component.id, actor.id, allowed],
        );
        if (!quota.length) throw new LimitReached();
        const [u] = await tx.query<{ supports: number; state: ProposalState }>(
          `update proposals set supports_count = supports_count + 1,
             state = case when state = 'open' and $2 > 0 and supports_count + 1 >= $2 then 'under_review' else state end
           where id = $1 returning supports_count as supports, state`,
          [proposalId, rules.threshold],
        );
        if (p.state === 'open' && u!.state === 'under_review') {
          await notifyFollowers(ctx, tx, { kind: 'proposal_review', subjectType: 'proposal', subjectId: proposalId, url: `/proposals/${proposalId}`, params: { title: p.title } });
        }
        return { kind: 'supported', supports: u!.supports, state: u!.state };
      }
      const removed = await tx.query('delete from proposal_supports where proposal_id = $1 and user_id = $2 returning 1', [proposalId, actor.id]);
      if (!removed.length) return { kind: 'not_supported' };
      await tx.query('update proposal_support_quotas set used = used - 1 where component_id = $1 and user_id = $2 and used > 0', [component.id, actor.id]);
      const [u] = await tx.query<{ supports: number; state: ProposalState }>('update proposals set supports_count = supports_count - 1 where id = $1 returning supports_count as supports, state', [proposalId]);
      return { kind: 'unsupported', supports: u!.supports, state: u!.state };
    });
  } catch (err) {
    if (err instanceof LimitReached) return { kind: 'limit_reached', limit: rules.supportsLimit };
    throw err;
  }
}
