// What the public JSON API says about a meeting: when and where, the online link (public on the
// meeting page too; the model has no private link), how many places are taken — counts only, never
// who registered — and, once it happened, attendance, minutes and attachments.
import type { AttachmentInfo, Meeting } from './queries.ts';
import { pageSchema } from '../../core/http/api-schemas.ts';

const nullableString = { type: ['string', 'null'] } as const;
const nullableInteger = { type: ['integer', 'null'] } as const;

export const meetingItemSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    title: { type: 'string' },
    description: { type: 'string', description: 'what the meeting is about: its agenda' },
    startsAt: { type: 'string', format: 'date-time' },
    endsAt: { type: 'string', format: 'date-time' },
    status: { type: 'string', enum: ['scheduled', 'cancelled'] },
    format: { type: 'string', enum: ['in_person', 'online', 'hybrid'] },
    place: {
      anyOf: [{ type: 'null' }, { type: 'object', properties: { address: { type: 'string' }, lat: { type: ['number', 'null'] }, lng: { type: ['number', 'null'] } } }],
      description: 'null for online meetings',
    },
    onlineUrl: { ...nullableString, description: 'null for in-person meetings' },
    space: { anyOf: [{ type: 'null' }, { type: 'object', properties: { id: { type: 'integer' }, title: { type: 'string' }, slug: { type: 'string' } } }] },
    registration: {
      type: 'object',
      properties: {
        open: { type: 'boolean', description: 'a signed-in person can register (or join the waiting list) now' },
        capacity: { ...nullableInteger, description: 'null = no limit' },
        confirmed: { type: 'integer' },
        waiting: { type: 'integer' },
      },
    },
    attendanceCount: { ...nullableInteger, description: 'recorded after the meeting' },
    url: { type: 'string' },
    calendarUrl: { type: 'string', description: 'this meeting as iCalendar (RFC 5545)' },
  },
} as const;

export const meetingPageSchema = pageSchema(meetingItemSchema);

export const meetingSchema = {
  type: 'object',
  properties: {
    ...meetingItemSchema.properties,
    minutes: { ...nullableString, description: 'published once the meeting has happened' },
    attachments: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'integer' }, filename: { type: 'string' }, contentType: { type: 'string' }, size: { type: 'integer' }, url: { type: 'string' } } },
    },
  },
} as const;

/** Held as planned and already started: what it recorded afterwards may be shown. */
const happened = (m: Meeting) => !m.upcoming && m.status === 'scheduled';

export function presentMeetingItem(m: Meeting) {
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    status: m.status,
    format: m.format,
    place: m.format === 'online' ? null : { address: m.address, lat: m.lat, lng: m.lng },
    onlineUrl: m.format === 'in_person' ? null : m.onlineUrl,
    space: m.spaceId !== null && m.spaceTitle !== null && m.spaceSlug !== null ? { id: m.spaceId, title: m.spaceTitle, slug: m.spaceSlug } : null,
    registration: { open: m.status === 'scheduled' && m.registrationOpen && m.upcoming, capacity: m.capacity, confirmed: m.confirmed, waiting: m.waiting },
    attendanceCount: happened(m) ? m.attendanceCount : null,
    url: `/meetings/${m.id}`,
    calendarUrl: `/api/v1/meetings/${m.id}.ics`,
  };
}

export function presentMeeting(m: Meeting, files: AttachmentInfo[]) {
  return {
    ...presentMeetingItem(m),
    minutes: happened(m) ? m.minutes : null,
    attachments: files.map((a) => ({ id: a.id, filename: a.filename, contentType: a.contentType, size: a.size, url: `/meetings/${m.id}/attachments/${a.id}` })),
  };
}
