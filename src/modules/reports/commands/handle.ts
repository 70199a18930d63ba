// What officials do with a report: change its status (with public and internal notes), add notes,
// assign it to a colleague, hand it to another department. Every change is one transaction with
// its history row, its notifications and its public event.
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { maskPersonalData } from '../../../core/text/mask-personal-data.ts';
import { reportPolicy } from '../policy.ts';
import { canTransition, type Outcome, type RejectReason, type Status } from '../workflow.ts';
import { loadReportCore } from './load.ts';
import { notifyReportPeople } from './notify.ts';

export type HandleOutcome = { kind: 'done' } | { kind: 'not_found' } | { kind: 'forbidden' } | { kind: 'invalid_transition'; from: Status; to: Status } | { kind: 'invalid'; field: string; reason: string };

export interface StatusChange {
  to: Status;
  publicNote?: string | undefined;
  internalNote?: string | undefined;
  outcome?: Outcome | undefined;
  rejectReason?: RejectReason | undefined;
}

export async function changeStatus(ctx: AppContext, actor: Actor, reportId: number, change: StatusChange): Promise<HandleOutcome> {
  if (change.to === 'resolved' && !change.outcome) return { kind: 'invalid', field: 'outcome', reason: 'reports.err.outcome' };
  if (change.to === 'rejected' && !change.rejectReason) return { kind: 'invalid', field: 'rejectReason', reason: 'reports.err.rejectReason' };
  return ctx.database.transaction(async (tx) => {
    const r = await loadReportCore(tx, reportId, true);
    if (!r) return { kind: 'not_found' } as const;
    if (!reportPolicy.can(actor, 'report.manage', r)) return { kind: 'forbidden' } as const;
    if (!canTransition(r.status, change.to)) return { kind: 'invalid_transition', from: r.status, to: change.to } as const;
    const authorId = actor.kind === 'user' ? actor.id : null;
    await tx.query(
      `update reports set status = $2, updated_at = now(),
         acknowledged_at = case when $2 <> 'new' then coalesce(acknowledged_at, now()) else acknowledged_at end,
         resolved_at = case when $2 in ('resolved','rejected') then now() when $2 = 'in_progress' then null else resolved_at end,
         closed_at = case when $2 = 'closed' then now() else null end,
         outcome = case when $2 = 'resolved' then $3 when $2 = 'rejected' then 'respinsa' when $2 = 'in_progress' then null else outcome end,
         reject_reason = case when $2 = 'rejected' then $4 when $2 = 'in_progress' then null else reject_reason end,
         feedback_requested_at = case when $2 = 'in_progress' then null else feedback_requested_at end
       where id = $1`,
      [reportId, change.to, change.outcome ?? null, change.rejectReason ?? null],
    );
    const note = change.publicNote?.trim() || null;
    await tx.query(
      `insert into report_updates (report_id, author_id, kind, status_from, status_to, body, body_public, public, details)
       values ($1, $2, 'status', $3, $4, $5, $6, true, $7)`,
      [reportId, authorId, r.status, change.to, note, note ? maskPersonalData(note).text : null, JSON.stringify({ outcome: change.outcome, rejectReason: change.rejectReason })],
    );
    if (change.internalNote?.trim()) {
      await tx.query(`insert into report_updates (report_id, author_id, kind, body, body_public, public) values ($1, $2, 'internal_note', $3, null, false)`, [
        reportId,
        authorId,
        change.internalNote.trim(),
      ]);
    }
    await notifyReportPeople(ctx, tx, reportId, authorId, (t) => ({
      subject: t('reports.mail.status.subject', { id: reportId, status: t(`reports.status.${change.to}`) }),
      text: t('reports.mail.status.body', {
        id: reportId,
        status: t(`reports.status.${change.to}`),
        note: note ?? '—',
        link: `${ctx.config.baseUrl}/reports/${reportId}`,
      }),
    }));
    await ctx.events.publish({ type: 'report.status', public: true, payload: { id: reportId, status: change.to, statusKey: `reports.status.${change.to}` } }, tx);
    return { kind: 'done' } as const;
  });
}

export async function addNote(ctx: AppContext, actor: Actor, reportId: number, body: string, isPublic: boolean): Promise<HandleOutcome> {
  const text = body.trim();
  if (!text) return { kind: 'invalid', field: 'body', reason: 'reports.err.note' };
  return ctx.database.transaction(async (tx) => {
    const r = await loadReportCore(tx, reportId, true);
    if (!r) return { kind: 'not_found' } as const;
    if (!reportPolicy.can(actor, 'report.manage', r)) return { kind: 'forbidden' } as const;
    const authorId = actor.kind === 'user' ? actor.id : null;
    await tx.query(`insert into report_updates (report_id, author_id, kind, body, body_public, public) values ($1, $2, $3, $4, $5, $6)`, [
      reportId,
      authorId,
      isPublic ? 'public_note' : 'internal_note',
      text,
      isPublic ? maskPersonalData(text).text : null,
      isPublic,
    ]);
    await tx.query('update reports set updated_at = now() where id = $1', [reportId]);
    if (isPublic) {
      await notifyReportPeople(ctx, tx, reportId, authorId, (t) => ({
        subject: t('reports.mail.note.subject', { id: reportId }),
        text: t('reports.mail.note.body', { id: reportId, note: maskPersonalData(text).text, link: `${ctx.config.baseUrl}/reports/${reportId}` }),
      }));
    }
    return { kind: 'done' } as const;
  });
}

export async function reassign(ctx: AppContext, actor: Actor, reportId: number, departmentId: number, note: string | undefined): Promise<HandleOutcome> {
  return ctx.database.transaction(async (tx) => {
    const r = await loadReportCore(tx, reportId, true);
    if (!r) return { kind: 'not_found' } as const;
    if (!reportPolicy.can(actor, 'report.manage', r)) return { kind: 'forbidden' } as const;
    const [dep] = await tx.query<{ id: number; name: string; email: string | null }>('select id, name, email from departments where id = $1', [departmentId]);
    if (!dep) return { kind: 'invalid', field: 'departmentId', reason: 'reports.err.department' } as const;
    if (dep.id === r.departmentId) return { kind: 'invalid', field: 'departmentId', reason: 'reports.err.sameDepartment' } as const;
    const authorId = actor.kind === 'user' ? actor.id : null;
    await tx.query('update reports set department_id = $2, assigned_to = null, updated_at = now() where id = $1', [reportId, dep.id]);
    await tx.query(`insert into report_updates (report_id, author_id, kind, body, public, details) values ($1, $2, 'reassign', $3, false, $4)`, [
      reportId,
      authorId,
      note?.trim() || null,
      JSON.stringify({ from: r.departmentId, to: dep.id }),
    ]);
    // The receiving department learns about it by mail (its members, or its shared address).
    const recipients = await tx.query<{ email: string }>(
      `select u.email from department_members m join users u on u.id = m.user_id where m.department_id = $1 and u.email is not null
       union select email from departments where id = $1 and email is not null`,
      [dep.id],
    );
    const t = ctx.catalog.translator('ro');
    for (const rc of recipients) {
      await ctx.mail.enqueue(
        {
          to: rc.email,
          subject: t('reports.mail.reassigned.subject', { id: reportId, department: dep.name }),
          text: t('reports.mail.reassigned.body', { id: reportId, note: note?.trim() || '—', link: `${ctx.config.baseUrl}/reports/${reportId}/manage` }),
        },
        tx,
      );
    }
    await ctx.jobs.enqueue('reports.dispatch', { reportId }, { dedupeKey: `reports.dispatch:${reportId}:${dep.id}` }, tx);
    return { kind: 'done' } as const;
  });
}

export async function assign(ctx: AppContext, actor: Actor, reportId: number, userId: string | null): Promise<HandleOutcome> {
  return ctx.database.transaction(async (tx) => {
    const r = await loadReportCore(tx, reportId, true);
    if (!r) return { kind: 'not_found' } as const;
    if (!reportPolicy.can(actor, 'report.manage', r)) return { kind: 'forbidden' } as const;
    if (userId) {
      const [m] = await tx.query('select 1 from department_members where department_id = $1 and user_id = $2', [r.departmentId, userId]);
      if (!m) return { kind: 'invalid', field: 'userId', reason: 'reports.err.assignee' } as const;
    }
    await tx.query('update reports set assigned_to = $2, updated_at = now() where id = $1', [reportId, userId]);
    await tx.query(`insert into report_updates (report_id, author_id, kind, public, details) values ($1, $2, 'assign', false, $3)`, [
      reportId,
      actor.kind === 'user' ? actor.id : null,
      JSON.stringify({ to: userId }),
    ]);
    return { kind: 'done' } as const;
  });
}
