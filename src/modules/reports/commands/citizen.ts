// What residents do after filing: confirm an anonymous report, follow, answer "is it fixed?".
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { sha256 } from '../../../core/auth/tokens.ts';
import { maskPersonalData } from '../../../core/text/mask-personal-data.ts';
import { reportPolicy } from '../policy.ts';
import { loadReportCore } from './load.ts';
import { afterPublished } from './submit.ts';

export type ConfirmOutcome = { kind: 'confirmed'; id: number } | { kind: 'invalid_token' };

export async function confirmReport(ctx: AppContext, token: string): Promise<ConfirmOutcome> {
  return ctx.database.transaction(async (tx) => {
    const [r] = await tx.query<{ id: number; description_public: string }>(
      `update reports set status = 'new', confirm_token_hash = null, updated_at = now(), created_at = now()
       where confirm_token_hash = $1 and status = 'unconfirmed' returning id::int as id, description_public`,
      [sha256(token)],
    );
    if (!r) return { kind: 'invalid_token' } as const;
    await tx.query(`insert into report_updates (report_id, kind, status_from, status_to, public) values ($1, 'status', 'unconfirmed', 'new', true)`, [r.id]);
    await afterPublished(ctx, tx, r.id, r.description_public);
    return { kind: 'confirmed', id: r.id } as const;
  });
}

export type FollowOutcome = { kind: 'done' } | { kind: 'not_found' } | { kind: 'forbidden' };

export async function setFollowing(ctx: AppContext, actor: Actor, reportId: number, follow: boolean): Promise<FollowOutcome> {
  const r = await loadReportCore(ctx.database, reportId);
  if (!r || !reportPolicy.can(actor, 'report.view', r)) return { kind: 'not_found' };
  if (actor.kind !== 'user' || !reportPolicy.can(actor, 'report.follow', r)) return { kind: 'forbidden' };
  if (follow) await ctx.database.query('insert into report_followers (report_id, user_id) values ($1, $2) on conflict do nothing', [reportId, actor.id]);
  else await ctx.database.query('delete from report_followers where report_id = $1 and user_id = $2', [reportId, actor.id]);
  return { kind: 'done' };
}

export type FeedbackOutcome = { kind: 'recorded'; reopened: boolean } | { kind: 'not_found' } | { kind: 'forbidden' };

/** "Is it fixed?" — a "no" reopens the report with the person's note; the rating feeds satisfaction figures. */
export async function giveFeedback(ctx: AppContext, actor: Actor, reportId: number, input: { fixed: boolean; rating: number; note?: string | undefined }): Promise<FeedbackOutcome> {
  return ctx.database.transaction(async (tx) => {
    const r = await loadReportCore(tx, reportId, true);
    if (!r) return { kind: 'not_found' } as const;
    if (!reportPolicy.can(actor, 'report.feedback', r)) return { kind: 'forbidden' } as const;
    const note = input.note?.trim() || null;
    await tx.query('update reports set fixed = $2, rating = $3, feedback_at = now(), updated_at = now() where id = $1', [reportId, input.fixed, input.rating]);
    await tx.query(`insert into report_updates (report_id, author_id, kind, body, body_public, public, details) values ($1, $2, 'feedback', $3, $4, true, $5)`, [
      reportId,
      actor.kind === 'user' ? actor.id : null,
      note,
      note ? maskPersonalData(note).text : null,
      JSON.stringify({ fixed: input.fixed, rating: input.rating }),
    ]);
    if (!input.fixed) {
      await tx.query(`update reports set status = 'in_progress', resolved_at = null, outcome = null, feedback_requested_at = null where id = $1`, [reportId]);
      await tx.query(`insert into report_updates (report_id, kind, status_from, status_to, public) values ($1, 'status', 'resolved', 'in_progress', true)`, [reportId]);
      await ctx.events.publish({ type: 'report.reopened', public: true, payload: { id: reportId } }, tx);
    }
    return { kind: 'recorded', reopened: !input.fixed } as const;
  });
}
