// Moderation: anyone may flag a report; moderators hide it with a reason or restore it. Each
// decision lands in the admin audit log as well as the report's internal history.
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { reportPolicy } from '../policy.ts';
import { loadReportCore } from './load.ts';

export type ModerationOutcome = { kind: 'done' } | { kind: 'not_found' } | { kind: 'forbidden' } | { kind: 'invalid'; field: string; reason: string };

export async function flagReport(ctx: AppContext, actor: Actor, reportId: number, reason: string): Promise<ModerationOutcome> {
  const text = reason.trim();
  if (!text) return { kind: 'invalid', field: 'reason', reason: 'reports.err.flagReason' };
  const r = await loadReportCore(ctx.database, reportId);
  if (!r || !reportPolicy.can(actor, 'report.view', r)) return { kind: 'not_found' };
  const userId = actor.kind === 'user' ? actor.id : null;
  // One open flag per person per report is enough; anonymous flags are each kept.
  if (userId) {
    const [open] = await ctx.database.query('select 1 from report_flags where report_id = $1 and user_id = $2 and resolved_at is null', [reportId, userId]);
    if (open) return { kind: 'done' };
  }
  await ctx.database.query('insert into report_flags (report_id, user_id, reason) values ($1, $2, $3)', [reportId, userId, text.slice(0, 1000)]);
  return { kind: 'done' };
}

export async function setHidden(ctx: AppContext, actor: Actor, reportId: number, hide: boolean, reason: string): Promise<ModerationOutcome> {
  if (!reportPolicy.can(actor, 'report.moderate')) return { kind: 'forbidden' };
  const text = reason.trim();
  if (hide && !text) return { kind: 'invalid', field: 'reason', reason: 'reports.err.hideReason' };
  return ctx.database.transaction(async (tx) => {
    const r = await loadReportCore(tx, reportId, true);
    if (!r) return { kind: 'not_found' } as const;
    const actorId = actor.kind === 'user' ? actor.id : null;
    await tx.query(`update reports set hidden_at = ${hide ? 'now()' : 'null'}, hidden_reason = $2, updated_at = now() where id = $1`, [reportId, hide ? text : null]);
    await tx.query(`update report_flags set resolved_at = now() where report_id = $1 and resolved_at is null`, [reportId]);
    await tx.query(`insert into report_updates (report_id, author_id, kind, body, public) values ($1, $2, $3, $4, false)`, [reportId, actorId, hide ? 'hidden' : 'restored', text || null]);
    await tx.query(`insert into audit_log (actor_id, action, subject_type, subject_id, details) values ($1, $2, 'report', $3, $4)`, [
      actorId,
      hide ? 'report.hide' : 'report.restore',
      String(reportId),
      JSON.stringify({ reason: text || null }),
    ]);
    return { kind: 'done' } as const;
  });
}

export interface FlaggedReport {
  id: number;
  flags: number;
  reasons: string[];
  hidden: boolean;
  title: string;
}

export async function moderationQueue(ctx: AppContext): Promise<FlaggedReport[]> {
  return ctx.database.query<FlaggedReport>(
    `select r.id::int as id, count(f.id)::int as flags, array_agg(f.reason order by f.created_at) as reasons,
            r.hidden_at is not null as hidden, left(r.description_public, 120) as title
     from report_flags f join reports r on r.id = f.report_id
     where f.resolved_at is null group by r.id order by count(f.id) desc, r.id limit 200`,
  );
}
