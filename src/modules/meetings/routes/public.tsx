// Public meeting pages, registration forms, calendar files and attachment downloads.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { meetingPolicy } from '../policy.ts';
import { attachments, feedMeetings, getMeeting, linkedProposals, listMeetings, myRegistration, type Meeting } from '../queries.ts';
import { cancelRegistration, register } from '../commands/registration.ts';
import { icsCalendar, type IcsEvent } from '../ics.ts';
import { MeetingList } from '../pages/meeting-list.tsx';
import { MeetingPage } from '../pages/meeting-page.tsx';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;

export function icsEvent(ctx: AppContext, m: Meeting): IcsEvent {
  const host = new URL(ctx.config.baseUrl).hostname;
  const link = `${ctx.config.baseUrl}/meetings/${m.id}`;
  const where = m.format === 'online' ? m.onlineUrl ?? '' : m.format === 'hybrid' ? `${m.address} / ${m.onlineUrl}` : m.address;
  return {
    uid: `meeting-${m.uid}@${host}`,
    title: m.title,
    description: [m.description, m.onlineUrl ? m.onlineUrl : '', link].filter(Boolean).join('\n\n'),
    startsAt: new Date(m.startsAt),
    endsAt: new Date(m.endsAt),
    createdAt: new Date(m.createdAt),
    updatedAt: new Date(m.updatedAt),
    sequence: m.sequence,
    cancelled: m.status === 'cancelled',
    location: where,
    geo: m.lat !== null && m.lng !== null ? { lat: m.lat, lng: m.lng } : null,
    url: link,
  };
}

function sendIcs(reply: FastifyReply, body: string, filename: string, inline: boolean) {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${filename}"`)
    .header('cache-control', 'public, max-age=300')
    .send(body);
}

export function registerPublicMeetingRoutes(app: FastifyInstance, ctx: AppContext): void {
  // A meeting the actor may not see does not exist for them: every route answers 404 alike.
  const viewable = async (actor: Actor, id: number) => meetingPolicy.can(actor, 'meeting.view', await getMeeting(ctx.database, id));

  app.get<{ Querystring: { space?: number } }>(
    '/meetings',
    { schema: { hide: true, querystring: { type: 'object', properties: { space: { type: 'integer', minimum: 1, maximum: 2147483647 } } } } },
    async (req, reply) => {
      const [space] = req.query.space ? await ctx.database.query<{ id: number; slug: string; title: string }>('select id, slug, title from spaces where id = $1 and published', [req.query.space]) : [];
      if (req.query.space && !space) return reply.callNotFound();
      return reply.page(
        req.t('meetings.title'),
        <MeetingList page={await req.pageContext()} upcoming={await listMeetings(ctx, 'upcoming', { spaceId: space?.id, publicOnly: true })} past={await listMeetings(ctx, 'past', { spaceId: space?.id, publicOnly: true })} {...(space ? { space } : {})} />,
      );
    },
  );

  app.get('/meetings.ics', { schema: { hide: true } }, async (req, reply) => {
    const city = await ctx.settings.city();
    const events = (await feedMeetings(ctx, null)).map((m) => icsEvent(ctx, m));
    return sendIcs(reply, icsCalendar({ name: `${req.t('meetings.title')} · ${city.name}`, events }), 'meetings.ics', true);
  });

  app.get<{ Params: { id: number } }>('/meetings/spaces/:id.ics', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    // A feed is public (calendar apps fetch it without a session): an unpublished space has none.
    const [space] = await ctx.database.query<{ title: string }>('select title from spaces where id = $1 and published', [req.params.id]);
    if (!space) return reply.callNotFound();
    const events = (await feedMeetings(ctx, req.params.id)).map((m) => icsEvent(ctx, m));
    return sendIcs(reply, icsCalendar({ name: `${space.title} · ${req.t('meetings.title')}`, events }), `space-${req.params.id}.ics`, true);
  });

  app.get<{ Params: { id: number } }>('/meetings/:id.ics', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const m = await getMeeting(ctx.database, req.params.id);
    if (!m || !meetingPolicy.can(req.actor, 'meeting.view', m)) return reply.callNotFound();
    return sendIcs(reply, icsCalendar({ events: [icsEvent(ctx, m)] }), `meeting-${m.id}.ics`, false);
  });

  app.get<{ Params: { id: number } }>('/meetings/:id', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const m = await getMeeting(ctx.database, req.params.id);
    if (!m || !meetingPolicy.can(req.actor, 'meeting.view', m)) return reply.callNotFound();
    return reply.page(
      m.title,
      <MeetingPage
        page={await req.pageContext()}
        m={m}
        mine={req.actor.kind === 'user' ? await myRegistration(ctx.database, m.id, req.actor.id) : null}
        canRegister={meetingPolicy.can(req.actor, 'meeting.register', m)}
        canCancel={meetingPolicy.can(req.actor, 'meeting.cancelRegistration', m)}
        attachments={await attachments(ctx, m.id)}
        proposals={await linkedProposals(ctx, m.id)}
        canManage={meetingPolicy.can(req.actor, 'meeting.manage', m)}
      />,
    );
  });

  app.post<{ Params: { id: number } }>('/meetings/:id/register', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    if (!(await viewable(req.actor, req.params.id))) return reply.callNotFound();
    if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/meetings/${req.params.id}`)}`, 303);
    const outcome = await register(ctx, req.actor, req.params.id);
    switch (outcome.kind) {
      case 'not_found':
        return reply.callNotFound();
      case 'forbidden':
        return reply.redirectWithNotice(`/meetings/${req.params.id}`, 'meetings.registrationNotPossible');
      case 'already':
      case 'confirmed':
        return reply.redirectWithNotice(`/meetings/${req.params.id}`, 'meetings.registered');
      case 'waiting':
        return reply.redirectWithNotice(`/meetings/${req.params.id}`, 'meetings.waitingListed');
    }
  });

  app.post<{ Params: { id: number } }>('/meetings/:id/cancel-registration', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    if (!(await viewable(req.actor, req.params.id))) return reply.callNotFound();
    if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/meetings/${req.params.id}`)}`, 303);
    const outcome = await cancelRegistration(ctx, req.actor, req.params.id);
    if (outcome.kind === 'not_found') return reply.callNotFound();
    if (outcome.kind === 'forbidden') return reply.redirectWithNotice(`/meetings/${req.params.id}`, 'meetings.registrationNotPossible');
    return reply.redirectWithNotice(`/meetings/${req.params.id}`, 'meetings.registrationCancelled');
  });

  const attParams = { type: 'object', required: ['id', 'aid'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 }, aid: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;
  app.get<{ Params: { id: number; aid: number } }>('/meetings/:id/attachments/:aid', { schema: { hide: true, params: attParams } }, async (req, reply) => {
    if (!(await viewable(req.actor, req.params.id))) return reply.callNotFound();
    const [a] = await ctx.database.query<{ filename: string; content_type: string; data: Buffer }>('select filename, content_type, data from meeting_attachments where id = $1 and meeting_id = $2', [req.params.aid, req.params.id]);
    if (!a) return reply.callNotFound();
    const ascii = a.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '_');
    return reply
      .type(a.content_type)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .header('cache-control', 'public, max-age=3600')
      .send(Buffer.from(a.data));
  });
}
