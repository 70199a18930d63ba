// Registering for a meeting and giving one's place back. The meeting row is locked for the
// duration (SELECT … FOR UPDATE), so concurrent registrations and cancellations are serialised:
// the confirmed count never exceeds the capacity, and a freed place goes to exactly one person —
// the first on the waiting list — who is told by e-mail.
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { TxQuery } from '../../../core/db/database.ts';
import { meetingPolicy } from '../policy.ts';
import { getMeeting, myRegistration, type Meeting } from '../queries.ts';
import { meetingWhen } from '../format.ts';

export type RegisterOutcome =
  | { kind: 'confirmed' }
  | { kind: 'waiting'; position: number }
  | { kind: 'already'; status: 'confirmed' | 'waiting' }
  | { kind: 'not_found' }
  | { kind: 'forbidden' };

export type CancelOutcome = { kind: 'cancelled'; promoted: string | null } | { kind: 'not_registered' } | { kind: 'not_found' } | { kind: 'forbidden' };

async function lockMeeting(tx: TxQuery, id: number): Promise<Meeting | undefined> {
  await tx.query('select id from meetings where id = $1 for update', [id]);
  return getMeeting(tx, id);
}

async function mailPerson(ctx: AppContext, tx: TxQuery, userId: string, meeting: Meeting, kind: 'confirmed' | 'waiting' | 'promoted', position?: number): Promise<void> {
  const [u] = await tx.query<{ email: string | null; locale: 'ro' | 'en' | 'hu'; display_name: string }>('select email, locale, display_name from users where id = $1', [userId]);
  if (!u?.email) return;
  const t = ctx.catalog.translator(u.locale);
  const params = { name: u.display_name, title: meeting.title, when: meetingWhen(u.locale, meeting.startsAt), link: `${ctx.config.baseUrl}/meetings/${meeting.id}`, ics: `${ctx.config.baseUrl}/meetings/${meeting.id}.ics`, position: position ?? 0 };
  await ctx.mail.enqueue({ to: u.email, subject: t(`meetings.mail.${kind}.subject`, params), text: t(`meetings.mail.${kind}.body`, params) }, tx);
}

/** Moves people from the waiting list into free places, oldest first. Returns who moved up. */
export async function promoteWaiting(ctx: AppContext, tx: TxQuery, meeting: Meeting): Promise<string[]> {
  if (meeting.status !== 'scheduled' || !meeting.upcoming) return [];
  const free = meeting.capacity === null ? null : meeting.capacity - meeting.confirmed;
  if (free !== null && free <= 0) return [];
  const promoted = await tx.query<{ user_id: string }>(
    `update meeting_registrations set status = 'confirmed', confirmed_at = now()
     where id in (select id from meeting_registrations where meeting_id = $1 and status = 'waiting' order by queued_at, id limit $2)
     returning user_id`,
    [meeting.id, free ?? 2147483647],
  );
  for (const p of promoted) await mailPerson(ctx, tx, p.user_id, meeting, 'promoted');
  return promoted.map((p) => p.user_id);
}

export async function register(ctx: AppContext, actor: Actor, meetingId: number): Promise<RegisterOutcome> {
  if (actor.kind !== 'user') return { kind: 'forbidden' };
  return ctx.database.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    if (!meeting) return { kind: 'not_found' } as const;
    if (!meetingPolicy.can(actor, 'meeting.register', meeting)) return { kind: 'forbidden' } as const;
    const mine = await myRegistration(tx, meetingId, actor.id);
    if (mine && mine.status !== 'cancelled') return { kind: 'already', status: mine.status } as const;
    const full = meeting.capacity !== null && meeting.confirmed >= meeting.capacity;
    // Someone already waiting keeps their turn: a newcomer never jumps the queue.
    const status = full || meeting.waiting > 0 ? 'waiting' : 'confirmed';
    await tx.query(
      `insert into meeting_registrations (meeting_id, user_id, status, confirmed_at) values ($1, $2, $3, case when $3 = 'confirmed' then now() end)
       on conflict (meeting_id, user_id) do update set status = excluded.status, queued_at = clock_timestamp(), confirmed_at = excluded.confirmed_at, cancelled_at = null, reminded_at = null`,
      [meetingId, actor.id, status],
    );
    if (status === 'confirmed') {
      await mailPerson(ctx, tx, actor.id, meeting, 'confirmed');
      return { kind: 'confirmed' } as const;
    }
    const position = (await myRegistration(tx, meetingId, actor.id))?.position ?? meeting.waiting + 1;
    await mailPerson(ctx, tx, actor.id, meeting, 'waiting', position);
    return { kind: 'waiting', position } as const;
  });
}

export async function cancelRegistration(ctx: AppContext, actor: Actor, meetingId: number): Promise<CancelOutcome> {
  if (actor.kind !== 'user') return { kind: 'forbidden' };
  return ctx.database.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    if (!meeting) return { kind: 'not_found' } as const;
    if (!meetingPolicy.can(actor, 'meeting.cancelRegistration', meeting)) return { kind: 'forbidden' } as const;
    const rows = await tx.query<{ was: string }>(
      `update meeting_registrations r set status = 'cancelled', cancelled_at = now()
       from meeting_registrations old where old.id = r.id and r.meeting_id = $1 and r.user_id = $2 and r.status <> 'cancelled'
       returning old.status as was`,
      [meetingId, actor.id],
    );
    if (!rows.length) return { kind: 'not_registered' } as const;
    const promoted = rows[0]!.was === 'confirmed' ? await promoteWaiting(ctx, tx, (await getMeeting(tx, meetingId))!) : [];
    return { kind: 'cancelled', promoted: promoted[0] ?? null } as const;
  });
}
