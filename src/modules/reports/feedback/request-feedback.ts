// "Is it fixed?": some days after a report is resolved, its reporter gets one e-mail linking to the
// questionnaire on the report page. The job runs every hour. The queue has no cron, so each run
// books the next hour's run first (one dedupe key per hour, so several app processes or a restart
// never double the chain), and every app start books the current hour in case the chain broke.
// Marking feedback_requested_at and queueing the mail share one transaction per report: a report
// is asked about at most once, even if the job is retried or runs twice at the same time.
import type { AppContext } from '../../../core/context.ts';
import type { Locale } from '../../../core/config/config.ts';

export const FEEDBACK_JOB = 'reports.requestFeedback';
export const FEEDBACK_SETTINGS_KEY = 'module.reports.feedback';

export interface FeedbackSettings {
  /** Days after resolution before the reporter is asked. */
  feedbackAfterDays: number;
}

export const DEFAULT_FEEDBACK_SETTINGS: FeedbackSettings = { feedbackAfterDays: 3 };

const HOUR_MS = 3600_000;

/** `2025-03-01T13` — the UTC hour a run belongs to. */
export function hourKey(at: Date): string {
  return `${FEEDBACK_JOB}:${at.toISOString().slice(0, 13)}`;
}

export function startOfNextHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
}

/** Books this hour's run (due now) unless it exists; called when the app starts. */
export async function ensureFeedbackSchedule(ctx: AppContext, now: Date = new Date()): Promise<void> {
  await ctx.jobs.enqueue(FEEDBACK_JOB, {}, { dedupeKey: hourKey(now) });
}

export async function scheduleNextFeedbackRun(ctx: AppContext, now: Date = new Date()): Promise<void> {
  const next = startOfNextHour(now);
  await ctx.jobs.enqueue(FEEDBACK_JOB, {}, { runAt: next, dedupeKey: hourKey(next) });
}

export async function feedbackSettings(ctx: AppContext): Promise<FeedbackSettings> {
  const s = await ctx.settings.get<FeedbackSettings>(FEEDBACK_SETTINGS_KEY, DEFAULT_FEEDBACK_SETTINGS);
  const days = Number(s.feedbackAfterDays);
  return { feedbackAfterDays: Number.isFinite(days) && days >= 0 ? days : DEFAULT_FEEDBACK_SETTINGS.feedbackAfterDays };
}

/**
 * Asks every due reporter; returns how many were asked. Only reporters with an account can answer
 * (the questionnaire is for the signed-in reporter), and only while the report has no answer yet.
 */
export async function requestFeedback(ctx: AppContext, batch = 200): Promise<number> {
  const { feedbackAfterDays } = await feedbackSettings(ctx);
  const due = await ctx.database.query<{ id: number }>(
    `select r.id::int as id from reports r join users u on u.id = r.reporter_id
     where r.status = 'resolved' and r.hidden_at is null and r.fixed is null and r.feedback_requested_at is null
       and r.resolved_at < now() - make_interval(days => $1)
       and u.email is not null and u.erased_at is null and u.disabled_at is null
     order by r.resolved_at limit ${batch}`,
    [feedbackAfterDays],
  );
  let asked = 0;
  for (const { id } of due) {
    const sent = await ctx.database.transaction(async (tx) => {
      const [claimed] = await tx.query<{ email: string; locale: Locale }>(
        `update reports r set feedback_requested_at = now() from users u
         where r.id = $1 and u.id = r.reporter_id and r.feedback_requested_at is null and r.status = 'resolved'
         returning u.email, u.locale`,
        [id],
      );
      if (!claimed) return false;
      const t = ctx.catalog.translator(claimed.locale);
      await ctx.mail.enqueue(
        { to: claimed.email, subject: t('reports.mail.feedback.subject', { id }), text: t('reports.mail.feedback.body', { id, link: `${ctx.config.baseUrl}/reports/${id}` }) },
        tx,
      );
      return true;
    });
    if (sent) asked++;
  }
  return asked;
}

export async function runFeedbackJob(ctx: AppContext): Promise<void> {
  // Book the next run before working, so a failing run never ends the hourly chain.
  await scheduleNextFeedbackRun(ctx);
  await requestFeedback(ctx);
}
