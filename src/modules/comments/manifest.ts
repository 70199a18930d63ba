// Comments and debates. Threads attach to anything a module registers as commentable (proposals,
// debates, …); as a space component the module hosts debates.
import { defineModule } from '../../core/modules/manifest.ts';
import { commentsMigrations } from './migrations.ts';
import { commentsMessages } from './messages.ts';
import { commentPolicy } from './policy.ts';
import { registerCommentRoutes } from './routes/comments.tsx';
import { registerDebateRoutes } from './routes/debates.tsx';
import { registerCommentable } from './commentables.ts';
import { registerFollowable } from '../notifications/followables.ts';
import { DEBATES_COMPONENT, loadDebate } from './debates.ts';
import { seedCommentsDemo } from './seed.ts';
import { DEFAULT_SPAM_RULES, SPAM_SETTINGS_KEY } from './spam.ts';
import { mergeMessages } from '../../core/i18n/catalog.ts';
import { commentsSettingsMessages } from './messages-settings.ts';

export const commentsModule = defineModule({
  name: 'comments',
  title: 'debates.title',
  migrations: commentsMigrations,
  messages: mergeMessages(commentsMessages, commentsSettingsMessages),
  actions: Object.fromEntries(commentPolicy.actions.map((a) => [a, a])),
  spaceComponent: DEBATES_COMPONENT,
  settings: {
    key: SPAM_SETTINGS_KEY,
    schema: {
      type: 'object',
      properties: { maxPerWindow: { type: 'integer', minimum: 0 }, windowMinutes: { type: 'integer', minimum: 0 }, maxLinks: { type: 'integer', minimum: 0 }, duplicateHours: { type: 'integer', minimum: 0 } },
    } as never,
    defaults: { ...DEFAULT_SPAM_RULES },
  },
  routes(app, ctx) {
    registerCommentable('debate', {
      async load(c, id, actor) {
        const found = await loadDebate(c, id, actor);
        return found && { title: found.debate.title, url: `/debates/${id}`, open: found.component.flags.commentsOpen && !found.debate.closed };
      },
      async countChanged(tx, id, delta) {
        await tx.query('update debates set comments_count = comments_count + $2 where id = $1', [id, delta]);
      },
    });
    registerFollowable('debate', {
      async load(c, id, actor) {
        const found = await loadDebate(c, id, actor);
        return found && { title: found.debate.title, url: `/debates/${id}` };
      },
    });
    registerCommentRoutes(app, ctx);
    registerDebateRoutes(app, ctx);
  },
  seeds: { demo: seedCommentsDemo },
  nav: [{ href: '/moderation/comments', label: 'comments.moderation.title', audience: 'admin' }],
  async personalData(ctx, userId) {
    const [comments, votes, flags] = await Promise.all([
      ctx.database.query(`select id::int as id, subject_type as "subjectType", subject_id::text as "subjectId", body, stance, created_at as "createdAt" from comments where author_id = $1 order by id`, [userId]),
      ctx.database.query(`select comment_id::int as "commentId", value from comment_votes where user_id = $1`, [userId]),
      ctx.database.query(`select comment_id::int as "commentId", reason, created_at as "createdAt" from comment_flags where user_id = $1`, [userId]),
    ]);
    return { comments, votes, flags };
  },
  async eraseUser(_ctx, userId, tx) {
    // Comments stay as part of the discussion without their author; the text is kept only in its
    // masked public form so no personal data written in it survives.
    await tx.query('update comments set author_id = null, body = body_public where author_id = $1', [userId]);
    await tx.query('update debates set author_id = null where author_id = $1', [userId]);
    await tx.query('update comments set hidden_by = null where hidden_by = $1', [userId]);
  },
});
