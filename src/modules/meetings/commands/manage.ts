// Organising meetings: create, edit (the calendar SEQUENCE goes up, the reminder follows the new
// start, a larger room moves people up from the waiting list), cancel, and afterwards record the
// attendance, the minutes, attachments and the proposals the meeting dealt with.
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { meetingPolicy } from '../policy.ts';
import { getMeeting } from '../queries.ts';
import { localToUtc, meetingWhen } from '../format.ts';
import { scheduleReminder } from '../reminders.ts';
import { promoteWaiting } from './registration.ts';

export interface MeetingInput {
  title: string;
  description: string;
  spaceId: number | null;
  date: string;
  startTime: string;
  endTime: string;
  format: 'in_person' | 'online' | 'hybrid';
  address: string;
  lat: string;
  lng: string;
  onlineUrl: string;
  capacity: string;
  registrationOpen: boolean;
}

export type ManageOutcome = { kind: 'saved'; id: number } | { kind: 'not_found' } | { kind: 'forbidden' } | { kind: 'invalid'; errors: FieldError[] };

interface Checked {
  startsAt: Date;
  endsAt: Date;
  point: { lat: number; lng: number } | null;
  capacity: number | null;
  onlineUrl: string | null;
}

async function check(ctx: AppContext, input: MeetingInput): Promise<{ errors: FieldError[]; value?: Checked }> {
  const errors: FieldError[] = [];
  if (!input.title.trim() || input.title.length > 200) errors.push({ field: 'title', reason: 'meetings.err.title' });
  const startsAt = localToUtc(input.date, input.startTime);
  const endsAt = localToUtc(input.date, input.endTime);
  if (!startsAt) errors.push({ field: 'date', reason: 'meetings.err.date' });
  else if (!endsAt || endsAt <= startsAt) errors.push({ field: 'endTime', reason: 'meetings.err.endTime' });
  const needsPlace = input.format !== 'online';
  const needsLink = input.format !== 'in_person';
  if (needsPlace && !input.address.trim()) errors.push({ field: 'address', reason: 'meetings.err.address' });
  let point: Checked['point'] = null;
  if (input.lat.trim() || input.lng.trim()) {
    const lat = Number(input.lat.trim().replace(',', '.'));
    const lng = Number(input.lng.trim().replace(',', '.'));
    if (!input.lat.trim() || !input.lng.trim() || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) errors.push({ field: 'lat', reason: 'meetings.err.point' });
    else point = { lat, lng };
  }
  const url = input.onlineUrl.trim();
  if (needsLink && !/^https?:\/\/[^\s]+$/.test(url)) errors.push({ field: 'onlineUrl', reason: 'meetings.err.onlineUrl' });
  let capacity: number | null = null;
  if (input.capacity.trim()) {
    capacity = /^\d{1,6}$/.test(input.capacity.trim()) ? Number(input.capacity.trim()) : 0;
    if (capacity < 1) errors.push({ field: 'capacity', reason: 'meetings.err.capacity' });
  }
  if (input.spaceId !== null && !(await ctx.database.query('select 1 from spaces where id = $1', [input.spaceId])).length) errors.push({ field: 'spaceId', reason: 'meetings.err.space' });
  if (errors.length || !startsAt || !endsAt) return { errors };
  return { errors, value: { startsAt, endsAt, point, capacity, onlineUrl: needsLink ? url : null } };
}

export async function createMeeting(ctx: AppContext, actor: Actor, input: MeetingInput): Promise<ManageOutcome> {
  if (actor.kind !== 'user' || !meetingPolicy.can(actor, 'meeting.manage')) return { kind: 'forbidden' };
  const { errors, value: v } = await check(ctx, input);
  if (!v) return { kind: 'invalid', errors };
  const id = await ctx.database.transaction(async (tx) => {
    const [m] = await tx.query<{ id: number }>(
      `insert into meetings (title, description, space_id, starts_at, ends_at, format, address, location, online_url, capacity, registration_open, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, case when $8::float8 is null then null else ST_SetSRID(ST_MakePoint($9, $8), 4326) end, $10, $11, $12, $13) returning id`,
      [input.title.trim(), input.description.trim(), input.spaceId, v.startsAt.toISOString(), v.endsAt.toISOString(), input.format, input.format === 'online' ? '' : input.address.trim(), v.point?.lat ?? null, v.point?.lng ?? null, v.onlineUrl, v.capacity, input.registrationOpen, actor.id],
    );
    await scheduleReminder(ctx, tx, m!.id, v.startsAt);
    await ctx.events.publish({ type: 'meeting.scheduled', public: true, payload: { id: m!.id, title: input.title.trim() } }, tx);
    return m!.id;
  });
  return { kind: 'saved', id };
}

export async function updateMeeting(ctx: AppContext, actor: Actor, id: number, input: MeetingInput): Promise<ManageOutcome> {
  if (!meetingPolicy.can(actor, 'meeting.manage')) return { kind: 'forbidden' };
  const { errors, value: v } = await check(ctx, input);
  if (!v) return (await getMeeting(ctx.database, id)) ? { kind: 'invalid', errors } : { kind: 'not_found' };
  return ctx.database.transaction(async (tx) => {
    await tx.query('select id from meetings where id = $1 for update', [id]);
    const before = await getMeeting(tx, id);
    if (!before) return { kind: 'not_found' } as const;
    if (v.capacity !== null && v.capacity < before.confirmed) {
      return { kind: 'invalid', errors: [{ field: 'capacity', reason: 'meetings.err.capacityBelowConfirmed' }] } as const;
    }
    await tx.query(
      `update meetings set title = $2, description = $3, space_id = $4, starts_at = $5, ends_at = $6, format = $7, address = $8,
         location = case when $9::float8 is null then null else ST_SetSRID(ST_MakePoint($10, $9), 4326) end, online_url = $11, capacity = $12,
         registration_open = $13, sequence = sequence + 1, updated_at = now()
       where id = $1`,
      [id, input.title.trim(), input.description.trim(), input.spaceId, v.startsAt.toISOString(), v.endsAt.toISOString(), input.format, input.format === 'online' ? '' : input.address.trim(), v.point?.lat ?? null, v.point?.lng ?? null, v.onlineUrl, v.capacity, input.registrationOpen],
    );
    if (new Date(before.startsAt).getTime() !== v.startsAt.getTime()) {
      await tx.query(`update meeting_registrations set reminded_at = null where meeting_id = $1`, [id]);
      await scheduleReminder(ctx, tx, id, v.startsAt);
    }
    await promoteWaiting(ctx, tx, (await getMeeting(tx, id))!);
    return { kind: 'saved', id } as const;
  });
}

export async function cancelMeeting(ctx: AppContext, actor: Actor, id: number): Promise<ManageOutcome> {
  if (!meetingPolicy.can(actor, 'meeting.manage')) return { kind: 'forbidden' };
  return ctx.database.transaction(async (tx) => {
    const rows = await tx.query<{ id: number }>(`update meetings set status = 'cancelled', sequence = sequence + 1, updated_at = now() where id = $1 and status = 'scheduled' returning id`, [id]);
    const meeting = await getMeeting(tx, id);
    if (!meeting) return { kind: 'not_found' } as const;
    if (!rows.length) return { kind: 'saved', id } as const;
    const people = await tx.query<{ email: string | null; locale: 'ro' | 'en' | 'hu'; display_name: string }>(
      `select u.email, u.locale, u.display_name from meeting_registrations r join users u on u.id = r.user_id where r.meeting_id = $1 and r.status in ('confirmed','waiting')`,
      [id],
    );
    for (const p of people) {
      if (!p.email) continue;
      const t = ctx.catalog.translator(p.locale);
      const params = { name: p.display_name, title: meeting.title, when: meetingWhen(p.locale, meeting.startsAt), link: `${ctx.config.baseUrl}/meetings/${id}` };
      await ctx.mail.enqueue({ to: p.email, subject: t('meetings.mail.cancelled.subject', params), text: t('meetings.mail.cancelled.body', params) }, tx);
    }
    return { kind: 'saved', id } as const;
  });
}

export async function recordOutcome(ctx: AppContext, actor: Actor, id: number, input: { attendanceCount: string; minutes: string }): Promise<ManageOutcome> {
  const meeting = await getMeeting(ctx.database, id);
  if (!meeting) return { kind: 'not_found' };
  if (!meetingPolicy.can(actor, 'meeting.recordOutcome', meeting)) return { kind: 'forbidden' };
  const errors: FieldError[] = [];
  const count = input.attendanceCount.trim();
  if (count && !/^\d{1,6}$/.test(count)) errors.push({ field: 'attendanceCount', reason: 'meetings.err.attendance' });
  if (input.minutes.length > 50000) errors.push({ field: 'minutes', reason: 'meetings.err.minutes' });
  if (errors.length) return { kind: 'invalid', errors };
  await ctx.database.query('update meetings set attendance_count = $2, minutes = $3, updated_at = now() where id = $1', [id, count ? Number(count) : null, input.minutes.trim() || null]);
  return { kind: 'saved', id };
}

const SIGNATURES: { type: string; test: (b: Buffer) => boolean }[] = [
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
];
const OFFICE: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

/** The content type of an accepted document, judged by its bytes (and, for zip-based office files, its extension). */
export function documentType(data: Buffer, filename: string): string | null {
  const sig = SIGNATURES.find((s) => s.test(data));
  if (sig) return sig.type;
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && OFFICE[ext]) return OFFICE[ext]!;
  return null;
}

export async function addAttachment(ctx: AppContext, actor: Actor, id: number, file: { filename: string; data: Buffer }): Promise<ManageOutcome> {
  const meeting = await getMeeting(ctx.database, id);
  if (!meeting) return { kind: 'not_found' };
  if (!meetingPolicy.can(actor, 'meeting.recordOutcome', meeting)) return { kind: 'forbidden' };
  const filename = file.filename.replace(/[\\/\r\n"]/g, '_').trim().slice(-200) || 'document';
  const type = documentType(file.data, filename);
  if (!type) return { kind: 'invalid', errors: [{ field: 'file', reason: 'meetings.err.fileType' }] };
  await ctx.database.query('insert into meeting_attachments (meeting_id, filename, content_type, size, data) values ($1, $2, $3, $4, $5)', [id, filename, type, file.data.length, file.data]);
  return { kind: 'saved', id };
}

export async function removeAttachment(ctx: AppContext, actor: Actor, id: number, attachmentId: number): Promise<ManageOutcome> {
  if (!meetingPolicy.can(actor, 'meeting.manage')) return { kind: 'forbidden' };
  const rows = await ctx.database.query('delete from meeting_attachments where id = $1 and meeting_id = $2 returning id', [attachmentId, id]);
  return rows.length ? { kind: 'saved', id } : { kind: 'not_found' };
}

export async function linkProposal(ctx: AppContext, actor: Actor, id: number, proposalId: number, link: boolean): Promise<ManageOutcome> {
  if (!meetingPolicy.can(actor, 'meeting.manage')) return { kind: 'forbidden' };
  if (!(await getMeeting(ctx.database, id))) return { kind: 'not_found' };
  if (!link) {
    await ctx.database.query('delete from meeting_proposals where meeting_id = $1 and proposal_id = $2', [id, proposalId]);
    return { kind: 'saved', id };
  }
  const [t] = await ctx.database.query<{ ok: boolean }>(`select to_regclass('public.proposals') is not null as ok`);
  const exists = t?.ok && (await ctx.database.query('select 1 from proposals where id = $1', [proposalId])).length > 0;
  if (!exists) return { kind: 'invalid', errors: [{ field: 'proposalId', reason: 'meetings.err.proposal' }] };
  await ctx.database.query('insert into meeting_proposals (meeting_id, proposal_id) values ($1, $2) on conflict do nothing', [id, proposalId]);
  return { kind: 'saved', id };
}
