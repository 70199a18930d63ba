// Organising meetings under /admin/meetings.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { ForbiddenPage, sendNotFound } from '../../../core/admin/guard.tsx';
import { formErrors } from '../../../core/http/form-errors.ts';
import { verifyCsrf } from '../../../core/http/request-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { meetingPolicy } from '../policy.ts';
import { attachments, getMeeting, linkedProposals, listMeetings, registrations } from '../queries.ts';
import { addAttachment, cancelMeeting, createMeeting, linkProposal, recordOutcome, removeAttachment, updateMeeting, type ManageOutcome, type MeetingInput } from '../commands/manage.ts';
import { AdminMeetingList, AdminMeetingPage, type MeetingFormValues } from '../pages/admin-pages.tsx';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;
const MAX_ATTACHMENT = 10 * 1024 * 1024;

async function guard(req: FastifyRequest, reply: FastifyReply) {
  if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(req.method === 'GET' ? req.url : '/admin/meetings')}`, 303);
  if (!meetingPolicy.can(req.actor, 'meeting.manage')) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
}

const s = (max: number) => ({ type: 'string', maxLength: max }) as const;
const meetingBody = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'date', 'startTime', 'endTime', 'format'],
  properties: {
    title: s(200),
    description: s(20000),
    spaceId: { type: 'string', pattern: '^\\d{0,9}$' },
    date: s(10),
    startTime: s(5),
    endTime: s(5),
    format: { type: 'string', enum: ['in_person', 'online', 'hybrid'] },
    address: s(300),
    lat: s(30),
    lng: s(30),
    onlineUrl: s(500),
    capacity: s(10),
    registrationOpen: { type: 'string', enum: ['on'] },
  },
} as const;
const MEETING_FIELDS = { title: 'meetings.err.title', date: 'meetings.err.date', startTime: 'meetings.err.date', endTime: 'meetings.err.endTime', format: 'meetings.err.format', address: 'meetings.err.address', onlineUrl: 'meetings.err.onlineUrl', capacity: 'meetings.err.capacity', spaceId: 'meetings.err.space', lat: 'meetings.err.point', lng: 'meetings.err.point' };
type MeetingBody = Omit<MeetingFormValues, 'registrationOpen'> & { registrationOpen?: 'on' };

const input = (b: MeetingBody): MeetingInput => ({
  title: b.title ?? '',
  description: b.description ?? '',
  spaceId: b.spaceId ? Number(b.spaceId) : null,
  date: b.date ?? '',
  startTime: b.startTime ?? '',
  endTime: b.endTime ?? '',
  format: (b.format as MeetingInput['format']) ?? 'in_person',
  address: b.address ?? '',
  lat: b.lat ?? '',
  lng: b.lng ?? '',
  onlineUrl: b.onlineUrl ?? '',
  capacity: b.capacity ?? '',
  registrationOpen: b.registrationOpen === 'on',
});
const values = (b: MeetingBody | undefined): MeetingFormValues => ({ ...(b ?? {}), registrationOpen: b?.registrationOpen === 'on' });

export function registerAdminMeetingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const spaces = () => ctx.database.query<{ id: number; title: string }>('select id, title from spaces order by title');

  const listPage = async (req: FastifyRequest, reply: FastifyReply, v?: MeetingFormValues, errors?: FieldError[]) => {
    const meetings = [...(await listMeetings(ctx, 'upcoming', { publicOnly: false })), ...(await listMeetings(ctx, 'past', { publicOnly: false }))];
    return reply.page(req.t('meetings.admin.title'), <AdminMeetingList page={await req.pageContext()} meetings={meetings} spaces={await spaces()} {...(v ? { values: v } : {})} {...(errors ? { errors } : {})} />, {
      status: errors?.length ? 400 : 200,
    });
  };

  const meetingPage = async (req: FastifyRequest, reply: FastifyReply, id: number, v?: MeetingFormValues, errors?: FieldError[]) => {
    const m = await getMeeting(ctx.database, id);
    if (!m) return sendNotFound(req, reply);
    return reply.page(
      m.title,
      <AdminMeetingPage
        page={await req.pageContext()}
        m={m}
        spaces={await spaces()}
        registrations={await registrations(ctx, id)}
        attachments={await attachments(ctx, id)}
        proposals={await linkedProposals(ctx, id)}
        canRecord={meetingPolicy.can(req.actor, 'meeting.recordOutcome', m)}
        {...(v ? { values: v } : {})}
        {...(errors ? { errors } : {})}
      />,
      { status: errors?.length ? 400 : 200 },
    );
  };

  const answer = (req: FastifyRequest, reply: FastifyReply, outcome: ManageOutcome, onInvalid: (errors: FieldError[]) => Promise<FastifyReply>) => {
    switch (outcome.kind) {
      case 'saved':
        return reply.redirectWithNotice(`/admin/meetings/${outcome.id}`, 'meetings.admin.saved');
      case 'not_found':
        return sendNotFound(req, reply);
      case 'forbidden':
        return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
      case 'invalid':
        return onInvalid(outcome.errors.map((e) => ({ field: e.field, reason: req.t(e.reason) })));
    }
  };

  app.get('/admin/meetings', { schema: { hide: true }, preHandler: guard }, async (req, reply) => listPage(req, reply));

  app.post<{ Body: MeetingBody }>('/admin/meetings', { schema: { hide: true, body: meetingBody }, attachValidation: true, preValidation: guard }, async (req, reply) => {
    const errors = formErrors(req, MEETING_FIELDS);
    if (errors.length) return listPage(req, reply, values(req.body), errors);
    const outcome = await createMeeting(ctx, req.actor, input(req.body));
    return answer(req, reply, outcome, (errs) => listPage(req, reply, values(req.body), errs));
  });

  app.get<{ Params: { id: number } }>('/admin/meetings/:id', { schema: { hide: true, params: idParams }, preHandler: guard }, async (req, reply) => meetingPage(req, reply, req.params.id));

  app.post<{ Params: { id: number }; Body: MeetingBody }>('/admin/meetings/:id', { schema: { hide: true, params: idParams, body: meetingBody }, attachValidation: true, preValidation: guard }, async (req, reply) => {
    const errors = formErrors(req, MEETING_FIELDS);
    if (errors.length) return meetingPage(req, reply, req.params.id, values(req.body), errors);
    const outcome = await updateMeeting(ctx, req.actor, req.params.id, input(req.body));
    return answer(req, reply, outcome, (errs) => meetingPage(req, reply, req.params.id, values(req.body), errs));
  });

  app.post<{ Params: { id: number } }>('/admin/meetings/:id/cancel', { schema: { hide: true, params: idParams }, preValidation: guard }, async (req, reply) =>
    answer(req, reply, await cancelMeeting(ctx, req.actor, req.params.id), async () => meetingPage(req, reply, req.params.id)),
  );

  app.post<{ Params: { id: number }; Body: { attendanceCount?: string; minutes?: string } }>(
    '/admin/meetings/:id/outcome',
    { schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, properties: { attendanceCount: s(10), minutes: s(50000) } } }, attachValidation: true, preValidation: guard },
    async (req, reply) => {
      const errors = formErrors(req, { attendanceCount: 'meetings.err.attendance', minutes: 'meetings.err.minutes' });
      if (errors.length) return meetingPage(req, reply, req.params.id, undefined, errors);
      const outcome = await recordOutcome(ctx, req.actor, req.params.id, { attendanceCount: req.body.attendanceCount ?? '', minutes: req.body.minutes ?? '' });
      return answer(req, reply, outcome, (errs) => meetingPage(req, reply, req.params.id, undefined, errs));
    },
  );

  app.post<{ Params: { id: number }; Querystring: { _csrf?: string } }>('/admin/meetings/:id/attachments', { schema: { hide: true, params: idParams }, config: { csrf: 'handler' }, preValidation: guard }, async (req, reply) => {
    let file: { filename: string; data: Buffer } | undefined;
    let csrf: string | undefined;
    let tooLarge = false;
    try {
      for await (const part of req.parts({ limits: { fileSize: MAX_ATTACHMENT, files: 1, fields: 5 } })) {
        if (part.type === 'file') {
          const data = await part.toBuffer();
          if (data.length) file = { filename: part.filename, data };
        } else if (part.fieldname === '_csrf' && typeof part.value === 'string') csrf = part.value;
      }
    } catch (err) {
      if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
      tooLarge = true;
    }
    verifyCsrf(req, req.query._csrf ?? csrf);
    if (tooLarge || !file) return meetingPage(req, reply, req.params.id, undefined, [{ field: 'file', reason: req.t(tooLarge ? 'meetings.err.fileSize' : 'meetings.err.fileMissing') }]);
    const outcome = await addAttachment(ctx, req.actor, req.params.id, file);
    return answer(req, reply, outcome, (errs) => meetingPage(req, reply, req.params.id, undefined, errs));
  });

  const attParams = { type: 'object', required: ['id', 'aid'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 }, aid: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;
  app.post<{ Params: { id: number; aid: number } }>('/admin/meetings/:id/attachments/:aid/delete', { schema: { hide: true, params: attParams }, preValidation: guard }, async (req, reply) =>
    answer(req, reply, await removeAttachment(ctx, req.actor, req.params.id, req.params.aid), async () => meetingPage(req, reply, req.params.id)),
  );

  app.post<{ Params: { id: number }; Body: { proposalId?: string; link: 'on' | 'off' } }>(
    '/admin/meetings/:id/proposals',
    {
      schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['link'], properties: { proposalId: { type: 'string', maxLength: 10 }, link: { type: 'string', enum: ['on', 'off'] } } } },
      attachValidation: true,
      preValidation: guard,
    },
    async (req, reply) => {
      const raw = req.body?.proposalId ?? '';
      if (req.validationError || !/^\d{1,9}$/.test(raw) || Number(raw) < 1) return meetingPage(req, reply, req.params.id, undefined, [{ field: 'proposalId', reason: req.t('meetings.err.proposal') }]);
      const outcome = await linkProposal(ctx, req.actor, req.params.id, Number(raw), req.body.link === 'on');
      return answer(req, reply, outcome, (errs) => meetingPage(req, reply, req.params.id, undefined, errs));
    },
  );
}
