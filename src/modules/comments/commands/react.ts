// Reactions to a comment: agree / disagree votes (one per person, counters exact), flags, and
// moderation (hide with a reason, restore).
import type { AppContext } from '../../../core/context.ts';
import type { UserActor } from '../../../core/auth/actor.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';

export type VoteValue = 1 | -1 | 0;
export type ReactOutcome = { kind: 'done' } | { kind: 'not_found' };

export async function voteComment(ctx: AppContext, actor: UserActor, id: number, value: VoteValue): Promise<ReactOutcome> {
  return ctx.database.transaction(async (tx) => {
    const [c] = await tx.query('select 1 from comments where id = $1 for update', [id]);
    if (!c) return { kind: 'not_found' } as const;
    const [before] = await tx.query<{ value: number }>('select value from comment_votes where comment_id = $1 and user_id = $2', [id, actor.id]);
    const old = before?.value ?? 0;
    if (old === value) return { kind: 'done' } as const;
    if (value === 0) await tx.query('delete from comment_votes where comment_id = $1 and user_id = $2', [id, actor.id]);
    else await tx.query('insert into comment_votes (comment_id, user_id, value) values ($1, $2, $3) on conflict (comment_id, user_id) do update set value = excluded.value', [id, actor.id, value]);
    const agree = (value === 1 ? 1 : 0) - (old === 1 ? 1 : 0);
    const disagree = (value === -1 ? 1 : 0) - (old === -1 ? 1 : 0);
    await tx.query('update comments set agree_count = agree_count + $2, disagree_count = disagree_count + $3 where id = $1', [id, agree, disagree]);
    return { kind: 'done' } as const;
  });
}

export const FLAG_REASONS = ['spam', 'offensive', 'personal_data', 'off_topic', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export async function flagComment(ctx: AppContext, actor: UserActor, id: number, reason: FlagReason): Promise<ReactOutcome> {
  return ctx.database.transaction(async (tx) => {
    const [c] = await tx.query('select 1 from comments where id = $1 for update', [id]);
    if (!c) return { kind: 'not_found' } as const;
    const added = await tx.query('insert into comment_flags (comment_id, user_id, reason) values ($1, $2, $3) on conflict do nothing returning 1', [id, actor.id, reason]);
    if (added.length) await tx.query('update comments set flags_count = flags_count + 1 where id = $1', [id]);
    return { kind: 'done' } as const;
  });
}

export async function setCommentHidden(ctx: AppContext, actor: UserActor, id: number, hide: boolean, reason: string): Promise<ReactOutcome> {
  return ctx.database.transaction(async (tx) => {
    const rows = await tx.query(
      hide
        ? 'update comments set hidden_at = now(), hidden_reason = $2, hidden_by = $3 where id = $1 returning 1'
        : 'update comments set hidden_at = null, hidden_reason = null, hidden_by = null, flags_count = 0 where id = $1 returning 1',
      hide ? [id, reason.trim(), actor.id] : [id],
    );
    if (!rows.length) return { kind: 'not_found' } as const;
    // Restoring clears the flags: the moderator looked and kept it.
    if (!hide) await tx.query('delete from comment_flags where comment_id = $1', [id]);
    await recordAudit(tx, { actorId: actor.id, action: hide ? 'comment.hide' : 'comment.restore', subjectType: 'comment', subjectId: id, details: hide ? { reason } : {} });
    return { kind: 'done' } as const;
  });
}
