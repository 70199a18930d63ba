// Merging a duplicate into the report that is kept: followers, photos and supporters move over,
// the duplicate is rejected as such, and everyone who reported or followed it is told.
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { reportPolicy } from '../policy.ts';
import { loadReportCore } from './load.ts';
import { notifyReportPeople } from './notify.ts';

export type MergeOutcome = { kind: 'merged' } | { kind: 'not_found' } | { kind: 'forbidden' } | { kind: 'invalid'; field: string; reason: string };

export async function mergeDuplicate(ctx: AppContext, actor: Actor, duplicateId: number, keptId: number): Promise<MergeOutcome> {
  if (duplicateId === keptId) return { kind: 'invalid', field: 'keptId', reason: 'reports.err.mergeSelf' };
  return ctx.database.transaction(async (tx) => {
    // Lock in id order so two opposite merges cannot deadlock.
    const [first, second] = duplicateId < keptId ? [duplicateId, keptId] : [keptId, duplicateId];
    const a = await loadReportCore(tx, first, true);
    const b = await loadReportCore(tx, second, true);
    const dup = duplicateId === first ? a : b;
    const kept = duplicateId === first ? b : a;
    if (!dup) return { kind: 'not_found' } as const;
    if (!kept || kept.status === 'unconfirmed' || kept.hidden) return { kind: 'invalid', field: 'keptId', reason: 'reports.err.mergeTarget' } as const;
    if (!reportPolicy.can(actor, 'report.manage', dup)) return { kind: 'forbidden' } as const;
    if (dup.status === 'closed' || dup.status === 'rejected') return { kind: 'invalid', field: 'keptId', reason: 'reports.err.mergeClosed' } as const;
    const actorId = actor.kind === 'user' ? actor.id : null;

    // Tell the duplicate's people before their follow moves, in their language.
    await notifyReportPeople(ctx, tx, duplicateId, actorId, (t) => ({
      subject: t('reports.mail.merged.subject', { id: duplicateId, kept: keptId }),
      text: t('reports.mail.merged.body', { id: duplicateId, kept: keptId, link: `${ctx.config.baseUrl}/reports/${keptId}` }),
    }));
    await tx.query(
      `insert into report_followers (report_id, user_id, created_at)
       select $2::bigint, user_id, created_at from report_followers where report_id = $1
       union select $2::bigint, reporter_id, now() from reports where id = $1 and reporter_id is not null
       on conflict do nothing`,
      [duplicateId, keptId],
    );
    await tx.query('delete from report_followers where report_id = $1', [duplicateId]);
    await tx.query(
      `update report_photos set report_id = $2, ordinal = ordinal + coalesce((select max(ordinal) + 1 from report_photos where report_id = $2), 0)
       where report_id = $1`,
      [duplicateId, keptId],
    );
    await tx.query(
      `update reports set status = 'rejected', reject_reason = 'duplicate', outcome = 'respinsa', duplicate_of = $2,
         resolved_at = now(), updated_at = now() where id = $1`,
      [duplicateId, keptId],
    );
    await tx.query(`insert into report_updates (report_id, author_id, kind, status_from, status_to, public, details) values ($1, $2, 'merge', $3, 'rejected', true, $4)`, [
      duplicateId,
      actorId,
      dup.status,
      JSON.stringify({ into: keptId }),
    ]);
    await tx.query(`insert into report_updates (report_id, author_id, kind, public, details) values ($1, $2, 'merge', true, $3)`, [keptId, actorId, JSON.stringify({ from: duplicateId })]);
    await tx.query('update reports set updated_at = now() where id = $1', [keptId]);
    return { kind: 'merged' } as const;
  });
}
