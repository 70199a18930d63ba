// Comment forms: post, edit (within the window), vote, flag, hide and restore; the moderators'
// queue of reported comments; the thread as JSON.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { str } from '../../../core/http/form-errors.ts';
import { problem, problemSchema, sendProblem } from '../../../core/http/problem.ts';
import { ForbiddenPage } from '../../../core/admin/guard.tsx';
import { commentable, type CommentableInfo } from '../commentables.ts';
import { commentPolicy, type CommentSubject } from '../policy.ts';
import { findComment, flaggedComments, thread, type CommentRef, type CommentView } from '../queries.ts';
import { editComment, postComment, type Stance } from '../commands/post.ts';
import { FLAG_REASONS, flagComment, setCommentHidden, voteComment, type FlagReason } from '../commands/react.ts';
import { spamRules } from '../spam.ts';
import { EditCommentPage, FlaggedPage, RejectedCommentPage } from '../pages/standalone.tsx';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 9007199254740991 } } } as const;
const bodyText = { type: 'string', maxLength: 3000 } as const;

export function registerCommentRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function loadWithSubject(req: FastifyRequest, id: number): Promise<{ comment: CommentRef; info: CommentableInfo; subject: CommentSubject } | null> {
    const comment = await findComment(ctx.database, id);
    const info = comment && (await commentable(comment.subjectType)?.load(ctx, comment.subjectId, req.actor));
    if (!comment || !info) return null;
    return { comment, info, subject: { open: info.open, authorId: comment.authorId, hidden: comment.hidden, editable: comment.editable } };
  }

  const forbidden = (req: FastifyRequest, reply: FastifyReply) => reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
  const toLogin = (req: FastifyRequest, reply: FastifyReply, next: string) => reply.redirect(`/login?next=${encodeURIComponent(next)}`, 303);

  app.post<{ Body: { subjectType: string; subjectId: number; parentId?: number; body: string; stance?: Stance } }>(
    '/comments',
    {
      schema: {
        hide: true,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['subjectType', 'subjectId', 'body'],
          properties: {
            subjectType: { type: 'string', pattern: '^[a-z_]{1,40}$' },
            subjectId: { type: 'integer', minimum: 1, maximum: 9007199254740991 },
            parentId: { type: 'integer', minimum: 1, maximum: 9007199254740991 },
            body: bodyText,
            stance: { type: 'string', enum: ['for', 'against', 'neutral'] },
          },
        },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const info = await commentable(b.subjectType)?.load(ctx, b.subjectId, req.actor);
      if (!info) return reply.callNotFound();
      if (req.actor.kind !== 'user') return toLogin(req, reply, info.url);
      const outcome = await postComment(ctx, req.actor, { subjectType: b.subjectType, subjectId: b.subjectId, parentId: b.parentId ?? null, body: b.body, stance: b.stance ?? null });
      const rejected = async (message: string, status: number) =>
        reply.page(req.t('comments.rejected.title'), <RejectedCommentPage page={await req.pageContext()} info={info} message={message} subjectType={b.subjectType} subjectId={b.subjectId} parentId={b.parentId} body={b.body} />, { status });
      switch (outcome.kind) {
        case 'posted':
          return reply.redirectWithNotice(outcome.url, 'comments.notice.posted');
        case 'not_found':
          return reply.callNotFound();
        case 'closed':
          return reply.redirectWithNotice(info.url, 'comments.notice.closed');
        case 'invalid':
          return rejected(req.t('comments.err.body'), 400);
        case 'spam':
          return rejected(req.t(`comments.err.${outcome.reason}`, { max: (await spamRules(ctx)).maxLinks }), outcome.reason === 'rate_limited' ? 429 : 422);
      }
    },
  );

  app.get<{ Params: { id: number } }>('/comments/:id/edit', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    if (req.actor.kind !== 'user') return toLogin(req, reply, req.url);
    const found = await loadWithSubject(req, req.params.id);
    if (!found) return reply.callNotFound();
    if (!commentPolicy.can(req.actor, 'comment.edit', found.subject)) return forbidden(req, reply);
    return reply.page(req.t('comments.editTitle'), <EditCommentPage page={await req.pageContext()} comment={found.comment} info={found.info} />);
  });

  app.post<{ Params: { id: number }; Body: { body: string } }>(
    '/comments/:id/edit',
    { schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['body'], properties: { body: bodyText } } } },
    async (req, reply) => {
      if (req.actor.kind !== 'user') return toLogin(req, reply, `/comments/${req.params.id}/edit`);
      const found = await loadWithSubject(req, req.params.id);
      if (!found) return reply.callNotFound();
      if (!commentPolicy.can(req.actor, 'comment.edit', found.subject)) return forbidden(req, reply);
      const outcome = await editComment(ctx, req.actor, req.params.id, req.body.body);
      if (outcome.kind === 'invalid') {
        return reply.page(req.t('comments.editTitle'), <EditCommentPage page={await req.pageContext()} comment={{ ...found.comment, body: req.body.body }} info={found.info} error={req.t('comments.err.body')} />, { status: 400 });
      }
      if (outcome.kind === 'forbidden') return reply.redirectWithNotice(`${found.info.url}#comment-${req.params.id}`, 'comments.err.editClosed');
      if (outcome.kind === 'not_found') return reply.callNotFound();
      return reply.redirectWithNotice(`${found.info.url}#comment-${req.params.id}`, 'comments.notice.edited');
    },
  );

  app.post<{ Params: { id: number }; Body: { value: 'agree' | 'disagree' | 'none' } }>(
    '/comments/:id/vote',
    { schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['value'], properties: { value: { type: 'string', enum: ['agree', 'disagree', 'none'] } } } } },
    async (req, reply) => {
      const found = await loadWithSubject(req, req.params.id);
      if (!found) return reply.callNotFound();
      if (req.actor.kind !== 'user') return toLogin(req, reply, found.info.url);
      if (!commentPolicy.can(req.actor, 'comment.vote', found.subject)) return forbidden(req, reply);
      await voteComment(ctx, req.actor, req.params.id, req.body.value === 'agree' ? 1 : req.body.value === 'disagree' ? -1 : 0);
      return reply.redirectWithNotice(`${found.info.url}#comment-${req.params.id}`, 'comments.notice.voted');
    },
  );

  app.post<{ Params: { id: number }; Body: { reason: FlagReason } }>(
    '/comments/:id/flag',
    { schema: { hide: true, params: idParams, body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', enum: [...FLAG_REASONS] } } } } },
    async (req, reply) => {
      const found = await loadWithSubject(req, req.params.id);
      if (!found) return reply.callNotFound();
      if (req.actor.kind !== 'user') return toLogin(req, reply, found.info.url);
      if (!commentPolicy.can(req.actor, 'comment.flag', found.subject)) return forbidden(req, reply);
      await flagComment(ctx, req.actor, req.params.id, req.body.reason);
      return reply.redirectWithNotice(`${found.info.url}#comment-${req.params.id}`, 'comments.notice.flagged');
    },
  );

  for (const action of ['hide', 'restore'] as const) {
    app.post<{ Params: { id: number } }>(
      `/comments/:id/${action}`,
      {
        schema: {
          hide: true,
          params: idParams,
          body:
            action === 'hide'
              ? { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' } } }
              : { type: 'object', additionalProperties: false, properties: {} },
        },
      },
      async (req, reply) => {
        if (req.actor.kind !== 'user') return toLogin(req, reply, '/');
        const found = await loadWithSubject(req, req.params.id);
        if (!found) return reply.callNotFound();
        if (!commentPolicy.can(req.actor, 'comment.moderate', found.subject)) return forbidden(req, reply);
        await setCommentHidden(ctx, req.actor, req.params.id, action === 'hide', str(req.body, 'reason') ?? '');
        return reply.redirectWithNotice(`${found.info.url}#comment-${req.params.id}`, action === 'hide' ? 'comments.notice.hidden' : 'comments.notice.restored');
      },
    );
  }

  app.get('/moderation/comments', { schema: { hide: true } }, async (req, reply) => {
    if (req.actor.kind !== 'user') return toLogin(req, reply, '/moderation/comments');
    if (!commentPolicy.can(req.actor, 'comment.moderate')) return forbidden(req, reply);
    const flagged = await flaggedComments(ctx.database);
    const withUrls = [];
    for (const c of flagged) {
      const info = await commentable(c.subjectType)?.load(ctx, c.subjectId, req.actor);
      withUrls.push({ ...c, url: info ? `${info.url}#comment-${c.id}` : null, title: info?.title ?? c.subjectType });
    }
    return reply.page(req.t('comments.moderation.title'), <FlaggedPage page={await req.pageContext()} items={withUrls} />);
  });

  const commentSchema: Record<string, unknown> = {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      author: { type: ['string', 'null'] },
      body: { type: ['string', 'null'] },
      stance: { type: ['string', 'null'] },
      agree: { type: 'integer' },
      disagree: { type: 'integer' },
      createdAt: { type: 'string', format: 'date-time' },
      edited: { type: 'boolean' },
      hidden: { type: 'boolean' },
      replies: { type: 'array', items: { type: 'object', additionalProperties: true } },
    },
  };
  const present = (c: CommentView): Record<string, unknown> => ({
    id: c.id,
    author: c.author,
    body: c.hidden ? null : c.bodyPublic,
    stance: c.stance,
    agree: c.agree,
    disagree: c.disagree,
    createdAt: c.createdAt,
    edited: c.edited,
    hidden: c.hidden,
    replies: c.replies.map(present),
  });

  app.get<{ Querystring: { subjectType: string; subjectId: number } }>(
    '/api/v1/comments',
    {
      schema: {
        tags: ['participation'],
        summary: 'The comment thread of a proposal, debate or other commentable thing (public text; hidden comments without text)',
        querystring: {
          type: 'object',
          required: ['subjectType', 'subjectId'],
          properties: { subjectType: { type: 'string', pattern: '^[a-z_]{1,40}$' }, subjectId: { type: 'integer', minimum: 1, maximum: 9007199254740991 } },
        },
        response: { 200: { type: 'array', items: commentSchema }, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const info = await commentable(req.query.subjectType)?.load(ctx, req.query.subjectId, req.actor);
      if (!info) return sendProblem(reply, problem(404, 'not-found', 'Not found', `No ${req.query.subjectType} ${req.query.subjectId}`));
      return (await thread(ctx.database, req.query.subjectType, req.query.subjectId, undefined)).map(present);
    },
  );
}
