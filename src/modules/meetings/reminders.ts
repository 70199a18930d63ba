// The reminder the day before: one job per meeting and start time, due 24 hours before the start
// (or at once when the meeting is booked later than that). A rescheduled meeting books a new job;
// the old one sees the start moved and does nothing. Marking reminded_at and queueing the mail
// share a transaction, so a retried job never mails anyone twice.
import type { AppContext } from '../../core/context.ts';
import type { TxQuery } from '../../core/db/database.ts';
import { getMeeting } from './queries.ts';
import { meetingWhen } from './format.ts';

export const REMIND_JOB = 'meetings.remind';
const DAY_MS = 24 * 3600_000;

export async function scheduleReminder(ctx: AppContext, tx: TxQuery, meetingId: number, startsAt: Date, now = new Date()): Promise<void> {
  if (startsAt.getTime() <= now.getTime()) return;
  const runAt = new Date(Math.max(now.getTime(), startsAt.getTime() - DAY_MS));
  const iso = startsAt.toISOString();
  await ctx.jobs.enqueue(REMIND_JOB, { meetingId, startsAt: iso }, { runAt, dedupeKey: `${REMIND_JOB}:${meetingId}:${iso}` }, tx);
}

export async function sendReminders(ctx: AppContext, payload: Record<string, unknown>): Promise<number> {
  const meeting = await getMeeting(ctx.database, Number(payload.meetingId));
  if (!meeting || meeting.status !== 'scheduled' || !meeting.upcoming) return 0;
  if (new Date(meeting.startsAt).toISOString() !== String(payload.startsAt)) return 0;
  return ctx.database.transaction(async (tx) => {
    const people = await tx.query<{ email: string | null; locale: 'ro' | 'en' | 'hu'; display_name: string }>(
      `update meeting_registrations r set reminded_at = now() from users u
       where r.meeting_id = $1 and r.status = 'confirmed' and r.reminded_at is null and u.id = r.user_id
       returning u.email, u.locale, u.display_name`,
      [meeting.id],
    );
    for (const p of people) {
      if (!p.email) continue;
      const t = ctx.catalog.translator(p.locale);
      const where = meeting.format === 'online' ? meeting.onlineUrl ?? '' : [meeting.address, meeting.format === 'hybrid' ? meeting.onlineUrl : ''].filter(Boolean).join(' · ');
      const params = { name: p.display_name, title: meeting.title, when: meetingWhen(p.locale, meeting.startsAt), where, link: `${ctx.config.baseUrl}/meetings/${meeting.id}`, ics: `${ctx.config.baseUrl}/meetings/${meeting.id}.ics` };
      await ctx.mail.enqueue({ to: p.email, subject: t('meetings.mail.reminder.subject', params), text: t('meetings.mail.reminder.body', params) }, tx);
    }
    return people.length;
  });
}
