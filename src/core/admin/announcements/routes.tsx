// The announcement form (/admin/announcements) and its JSON twin (POST /api/v1/announcements),
// which other processes and tests use to raise a public event.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { FieldError } from '../../http/problem.ts';
import { formErrors, str } from '../../http/form-errors.ts';
import { problem, problemSchema, sendProblem } from '../../http/problem.ts';
import { adminActor, requireApi, requirePage } from '../guard.tsx';
import { AnnouncementsPage } from './pages.tsx';
import { ANNOUNCEMENT_MAX, publishAnnouncement, recentAnnouncements } from './commands.ts';

const announcementBody = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: { text: { type: 'string', minLength: 1, maxLength: ANNOUNCEMENT_MAX, pattern: '\\S' } },
} as const;

export async function registerAnnouncementRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  async function formPage(req: FastifyRequest, reply: FastifyReply, errors?: FieldError[], text?: string, status = 200) {
    const recent = await recentAnnouncements(ctx);
    return reply.page(req.t('admin.announcements.title'), <AnnouncementsPage page={await req.pageContext()} recent={recent} errors={errors} text={text} />, { status });
  }

  const guard = { preValidation: requirePage('announcement.publish') };

  app.get('/admin/announcements', { schema: { hide: true }, ...guard }, async (req, reply) => formPage(req, reply));

  app.post('/admin/announcements', { schema: { hide: true, body: announcementBody }, attachValidation: true, ...guard }, async (req, reply) => {
    const text = str(req.body, 'text');
    const errors = formErrors(req, { text: 'admin.err.announcement' }).map((e) => (e.field === 'text' ? { ...e, reason: req.t('admin.err.announcement', { max: ANNOUNCEMENT_MAX }) } : e));
    if (errors.length) return formPage(req, reply, errors, text, 400);
    const outcome = await publishAnnouncement(ctx, adminActor(req).id, text!);
    if (outcome.kind === 'empty') return formPage(req, reply, [{ field: 'text', reason: req.t('admin.err.announcement', { max: ANNOUNCEMENT_MAX }) }], text, 400);
    return reply.redirectWithNotice('/admin/announcements', 'admin.notice.announcementPublished');
  });

  app.post(
    '/api/v1/announcements',
    {
      preValidation: requireApi('announcement.publish'),
      schema: {
        tags: ['admin'],
        summary: 'Publish a public city announcement (admins); it appears in "happening now" and on the event stream',
        security: [{ session: [] }],
        body: announcementBody,
        response: {
          201: { type: 'object', required: ['id'], properties: { id: { type: 'integer', description: 'Id of the public event' } } },
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (req, reply) => {
      const outcome = await publishAnnouncement(ctx, adminActor(req).id, (req.body as { text: string }).text);
      if (outcome.kind === 'empty') {
        return sendProblem(reply, problem(400, 'validation', 'Invalid request', 'text: must contain a visible character', [{ field: 'text', reason: 'must contain a visible character' }]));
      }
      return reply.code(201).send({ id: outcome.id });
    },
  );
}
