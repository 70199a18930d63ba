// Read-only JSON API of meetings — the list (upcoming or past, by space), one meeting — and the same
// as iCalendar, written by the module's own RFC 5545 serializer (ics.ts).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { problemSchema } from '../../../core/http/problem.ts';
import { id32, idParams, notFound, pagingProperties } from '../../../core/http/api-schemas.ts';
import { meetingPolicy } from '../policy.ts';
import { attachments, getPublicMeeting, listPublicMeetings, publishedSpace, type MeetingWhen } from '../queries.ts';
import { icsCalendar } from '../ics.ts';
import { icsEvent } from './public.tsx';
import { meetingPageSchema, meetingSchema, presentMeeting, presentMeetingItem } from '../presenters.ts';

const filters = {
  when: { type: 'string', enum: ['upcoming', 'past', 'all'], default: 'upcoming', description: 'upcoming = not ended yet (soonest first); past = ended (latest first)' },
  space: id32,
} as const;
const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { ...filters, ...pagingProperties },
} as const;
const calendarQuery = { type: 'object', additionalProperties: false, properties: filters } as const;
const calendarResponse = { description: 'iCalendar (RFC 5545)', content: { 'text/calendar': { schema: { type: 'string' } } } } as const;

/** A calendar holds at most this many meetings; a feed, not an archive. */
const CALENDAR_LIMIT = 500;

interface Filters {
  when: MeetingWhen;
  space?: number;
}


function sendCalendar(reply: FastifyReply, body: string, filename: string) {
  return reply.type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${filename}"`).header('cache-control', 'public, max-age=300').send(body);
}

export function registerMeetingApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: Filters & { page: number; pageSize: number } }>(
    '/api/v1/meetings',
    {
      schema: {
        tags: ['participation'],
        summary: 'Meetings, upcoming or past, optionally of one space, paginated (registration counts, never who registered)',
        querystring: listQuery,
        response: { 200: meetingPageSchema, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const { when, space, page, pageSize } = req.query;
      if (space !== undefined && !(await publishedSpace(ctx.database, space))) return notFound(reply, `No space ${space}`);
      const { items, total } = await listPublicMeetings(ctx.database, { when, spaceId: space }, pageSize, (page - 1) * pageSize);
      return { items: items.map(presentMeetingItem), total, page, pageSize };
    },
  );

  app.get<{ Querystring: Filters }>(
    '/api/v1/meetings.ics',
    {
      schema: {
        tags: ['participation'],
        summary: `The meetings list as an iCalendar feed (same filters, at most ${CALENDAR_LIMIT} meetings)`,
        querystring: calendarQuery,
        response: { 200: calendarResponse, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const { when, space } = req.query;
      const found = space !== undefined ? await publishedSpace(ctx.database, space) : undefined;
      if (space !== undefined && !found) return notFound(reply, `No space ${space}`);
      const { items } = await listPublicMeetings(ctx.database, { when, spaceId: space }, CALENDAR_LIMIT);
      const name = found ? `${found.title} · ${req.t('meetings.title')}` : `${req.t('meetings.title')} · ${(await ctx.settings.city()).name}`;
      return sendCalendar(reply, icsCalendar({ name, events: items.map((m) => icsEvent(ctx, m)) }), found ? `space-${found.id}.ics` : 'meetings.ics');
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/meetings/:id.ics',
    { schema: { tags: ['participation'], summary: 'One meeting as iCalendar (RFC 5545)', params: idParams, response: { 200: calendarResponse, 404: problemSchema } } },
    async (req, reply) => {
      const m = await getPublicMeeting(ctx.database, req.params.id);
      if (!m || !meetingPolicy.can(req.actor, 'meeting.view', m)) return notFound(reply, `No meeting ${req.params.id}`);
      return sendCalendar(reply, icsCalendar({ events: [icsEvent(ctx, m)] }), `meeting-${m.id}.ics`);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/meetings/:id',
    {
      schema: {
        tags: ['participation'],
        summary: 'One meeting: time, place, online link, places taken, agenda, and minutes once it happened',
        params: idParams,
        response: { 200: meetingSchema, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const m = await getPublicMeeting(ctx.database, req.params.id);
      if (!m || !meetingPolicy.can(req.actor, 'meeting.view', m)) return notFound(reply, `No meeting ${req.params.id}`);
      return presentMeeting(m, await attachments(ctx, m.id));
    },
  );
}
