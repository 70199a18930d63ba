// Reading meetings into presenter shapes.
import type { AppContext } from '../../core/context.ts';
import type { TxQuery } from '../../core/db/database.ts';
import type { MeetingSubject } from './policy.ts';

export interface Meeting extends MeetingSubject {
  id: number;
  uid: string;
  spaceId: number | null;
  spaceTitle: string | null;
  spaceSlug: string | null;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  format: 'in_person' | 'online' | 'hybrid';
  address: string;
  lat: number | null;
  lng: number | null;
  onlineUrl: string | null;
  capacity: number | null;
  confirmed: number;
  waiting: number;
  attendanceCount: number | null;
  minutes: string | null;
  sequence: number;
  createdAt: string;
  updatedAt: string;
}

type Q = Pick<TxQuery, 'query'>;

const iso = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
export const MEETING_COLUMNS = `m.id, m.uid::text as uid, m.space_id as "spaceId", sp.published as "spacePublished", sp.title as "spaceTitle", sp.slug as "spaceSlug", m.title, m.description,
  ${iso('m.starts_at')} as "startsAt", ${iso('m.ends_at')} as "endsAt", m.format, m.address,
  ST_Y(m.location) as lat, ST_X(m.location) as lng, m.online_url as "onlineUrl", m.capacity,
  m.registration_open as "registrationOpen", m.status, m.starts_at > now() as upcoming,
  (select count(*)::int from meeting_registrations r where r.meeting_id = m.id and r.status = 'confirmed') as confirmed,
  (select count(*)::int from meeting_registrations r where r.meeting_id = m.id and r.status = 'waiting') as waiting,
  m.attendance_count as "attendanceCount", m.minutes, m.sequence, ${iso('m.created_at')} as "createdAt", ${iso('m.updated_at')} as "updatedAt"`;
const FROM = 'from meetings m left join spaces sp on sp.id = m.space_id';

export async function getMeeting(db: Q, id: number): Promise<Meeting | undefined> {
  const [m] = await db.query<Meeting>(`select ${MEETING_COLUMNS} ${FROM} where m.id = $1`, [id]);
  return m;
}

// The public never sees a meeting of a space that is not published.
const PUBLIC_WHERE = '(m.space_id is null or sp.published)';

/** Meetings for a list; `publicOnly` leaves out those of unpublished spaces (the admin list keeps them). */
export async function listMeetings(ctx: AppContext, when: 'upcoming' | 'past', opts: { spaceId?: number | undefined; publicOnly: boolean }): Promise<Meeting[]> {
  return ctx.database.query<Meeting>(
    `select ${MEETING_COLUMNS} ${FROM}
     where ${when === 'upcoming' ? 'm.ends_at > now()' : 'm.ends_at <= now()'} and ($1::int is null or m.space_id = $1) and (not $2 or ${PUBLIC_WHERE})
     order by m.starts_at ${when === 'upcoming' ? 'asc' : 'desc'} limit 200`,
    [opts.spaceId ?? null, opts.publicOnly],
  );
}

/** Meetings of a public calendar feed: a space's (or all), from 90 days back on, never of an unpublished space. */
export async function feedMeetings(ctx: AppContext, spaceId: number | null): Promise<Meeting[]> {
  return ctx.database.query<Meeting>(
    `select ${MEETING_COLUMNS} ${FROM} where ($1::int is null or m.space_id = $1) and ${PUBLIC_WHERE} and m.ends_at > now() - interval '90 days' order by m.starts_at limit 500`,
    [spaceId],
  );
}

export interface MyRegistration {
  status: 'confirmed' | 'waiting' | 'cancelled';
  /** 1-based place in the waiting list. */
  position: number | null;
}

export async function myRegistration(db: Q, meetingId: number, userId: string): Promise<MyRegistration | null> {
  const [r] = await db.query<MyRegistration>(
    `select r.status, case when r.status = 'waiting' then (
         select count(*)::int from meeting_registrations w where w.meeting_id = r.meeting_id and w.status = 'waiting' and (w.queued_at, w.id) <= (r.queued_at, r.id))
       end as position
     from meeting_registrations r where r.meeting_id = $1 and r.user_id = $2`,
    [meetingId, userId],
  );
  return r ?? null;
}

export interface AttachmentInfo {
  id: number;
  filename: string;
  contentType: string;
  size: number;
}

export async function attachments(ctx: AppContext, meetingId: number): Promise<AttachmentInfo[]> {
  return ctx.database.query<AttachmentInfo>('select id, filename, content_type as "contentType", size from meeting_attachments where meeting_id = $1 order by id', [meetingId]);
}

/** Linked proposals with their title when the proposals module's table is there. */
export async function linkedProposals(ctx: AppContext, meetingId: number): Promise<{ id: number; title: string | null }[]> {
  const [t] = await ctx.database.query<{ ok: boolean }>(`select to_regclass('public.proposals') is not null as ok`);
  if (!t?.ok) return ctx.database.query('select proposal_id as id, null as title from meeting_proposals where meeting_id = $1 order by proposal_id', [meetingId]);
  return ctx.database.query<{ id: number; title: string | null }>(
    'select mp.proposal_id as id, p.title from meeting_proposals mp left join proposals p on p.id = mp.proposal_id where mp.meeting_id = $1 order by mp.proposal_id',
    [meetingId],
  );
}

export async function registrations(ctx: AppContext, meetingId: number): Promise<{ name: string; email: string | null; status: string }[]> {
  return ctx.database.query(
    `select u.display_name as name, u.email, r.status from meeting_registrations r join users u on u.id = r.user_id
     where r.meeting_id = $1 and r.status <> 'cancelled' order by case r.status when 'confirmed' then 0 else 1 end, r.queued_at, r.id`,
    [meetingId],
  );
}

export type MeetingWhen = 'upcoming' | 'past' | 'all';

const WHEN: Record<MeetingWhen, string> = { upcoming: 'm.ends_at > now()', past: 'm.ends_at <= now()', all: 'true' };

/** Meetings for the public API and its calendar: upcoming soonest first, past latest first. */
export async function listPublicMeetings(db: Q, f: { when: MeetingWhen; spaceId?: number | undefined }, limit: number, offset = 0): Promise<{ items: Meeting[]; total: number }> {
  const where = `${PUBLIC_WHERE} and ${WHEN[f.when]} and ($1::int is null or m.space_id = $1)`;
  const params = [f.spaceId ?? null];
  const [items, [count]] = await Promise.all([
    db.query<Meeting>(`select ${MEETING_COLUMNS} ${FROM} where ${where} order by m.starts_at ${f.when === 'past' ? 'desc' : 'asc'}, m.id limit ${limit} offset ${offset}`, params),
    db.query<{ n: number }>(`select count(*)::int as n ${FROM} where ${where}`, params),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function getPublicMeeting(db: Q, id: number): Promise<Meeting | undefined> {
  const [m] = await db.query<Meeting>(`select ${MEETING_COLUMNS} ${FROM} where m.id = $1 and ${PUBLIC_WHERE}`, [id]);
  return m;
}

/** A published space, for the `space` filter of the public API. */
export async function publishedSpace(db: Q, id: number): Promise<{ id: number; title: string } | undefined> {
  const [s] = await db.query<{ id: number; title: string }>('select id, title from spaces where id = $1 and published', [id]);
  return s;
}
