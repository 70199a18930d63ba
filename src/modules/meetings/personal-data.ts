// The meetings module's part of "download my data" and "erase my account": the person's
// registrations. Erasing frees their places, which then go to the waiting list as usual.
import type { AppContext } from '../../core/context.ts';
import type { TxQuery } from '../../core/db/database.ts';
import { getMeeting } from './queries.ts';
import { promoteWaiting } from './commands/registration.ts';

export async function meetingsPersonalData(ctx: AppContext, userId: string): Promise<Record<string, unknown>> {
  const registrations = await ctx.database.query(
    `select m.id as "meetingId", m.title, m.starts_at as "startsAt", r.status, r.queued_at as "registeredAt", r.cancelled_at as "cancelledAt"
     from meeting_registrations r join meetings m on m.id = r.meeting_id where r.user_id = $1 order by m.starts_at`,
    [userId],
  );
  return { meetingRegistrations: registrations };
}

export async function eraseMeetingsData(ctx: AppContext, userId: string, tx: TxQuery): Promise<void> {
  const held = await tx.query<{ meeting_id: number }>(`delete from meeting_registrations where user_id = $1 returning meeting_id, status`, [userId]);
  for (const { meeting_id } of held) {
    const meeting = await getMeeting(tx, meeting_id);
    if (meeting) await promoteWaiting(ctx, tx, meeting);
  }
  await tx.query('update meetings set created_by = null where created_by = $1', [userId]);
}
