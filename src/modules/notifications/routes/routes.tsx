// Notification pages: the list, settings (digest and follows), follow / unfollow anything that a
// module registered, and the one-click unsubscribe from e-mails.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { DIGESTS, type Digest } from '../model.ts';
import { digestOf, followedSpaces, followsOf, listNotifications } from '../queries.ts';
import { markAllRead, openNotification, setDigest } from '../commands.ts';
import { setFollow } from '../notify.ts';
import { followable } from '../followables.ts';
import { validUnsubscribeToken } from '../present.ts';
import { NotificationsPage, SettingsPage, UnsubscribePage, type FollowedItem } from '../pages/pages.tsx';

const uuid = { type: 'string', format: 'uuid' } as const;
const unsubscribeQuery = { type: 'object', required: ['u', 't'], properties: { u: uuid, t: { type: 'string', minLength: 10, maxLength: 100 } } } as const;

function InvalidLink(props: { title: string; text: string }) {
  return (
    <section aria-labelledby="unsubscribe-heading" class="narrow">
      <h1 id="unsubscribe-heading">{props.title}</h1>
      <p>{props.text}</p>
    </section>
  );
}

/** Only local paths, so the follow form cannot be turned into an open redirect. */
function safeNext(next: string | undefined, fallback: string): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : fallback;
}

export function registerNotificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/notifications', { schema: { hide: true } }, async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect('/login?next=/notifications', 303);
    return reply.page(req.t('notifications.title'), <NotificationsPage page={await req.pageContext()} items={await listNotifications(ctx.database, req.actor.id)} />);
  });

  app.get<{ Params: { id: number } }>(
    '/notifications/:id',
    { schema: { hide: true, params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 9007199254740991 } } } } },
    async (req, reply) => {
      if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
      const url = await openNotification(ctx.database, req.actor.id, req.params.id);
      if (!url) return reply.callNotFound();
      return reply.redirect(safeNext(url, '/notifications'), 303);
    },
  );

  app.post('/notifications/read-all', { schema: { hide: true } }, async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect('/login?next=/notifications', 303);
    await markAllRead(ctx.database, req.actor.id);
    return reply.redirectWithNotice('/notifications', 'notifications.notice.allRead');
  });

  app.get('/notifications/settings', { schema: { hide: true } }, async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect('/login?next=/notifications/settings', 303);
    const actor = req.actor;
    const rows = await followsOf(ctx.database, actor.id);
    const follows: FollowedItem[] = [];
    for (const r of rows) {
      const found = await followable(r.type)?.load(ctx, r.id, actor);
      if (found) follows.push({ type: r.type, id: r.id, ...found });
    }
    return reply.page(
      req.t('notifications.settings.title'),
      <SettingsPage page={await req.pageContext()} digest={await digestOf(ctx.database, actor.id)} follows={follows} spaces={await followedSpaces(ctx.database, actor.id)} />,
    );
  });

  app.post<{ Body: { digest: Digest } }>(
    '/notifications/settings',
    { schema: { hide: true, body: { type: 'object', additionalProperties: false, required: ['digest'], properties: { digest: { type: 'string', enum: [...DIGESTS] } } } } },
    async (req, reply) => {
      if (req.actor.kind !== 'user') return reply.redirect('/login?next=/notifications/settings', 303);
      await setDigest(ctx.database, req.actor.id, req.body.digest);
      return reply.redirectWithNotice('/notifications/settings', 'notifications.settings.saved');
    },
  );

  app.post<{ Body: { type: string; id: number; follow: 'on' | 'off'; next?: string } }>(
    '/follow',
    {
      schema: {
        hide: true,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['type', 'id', 'follow'],
          properties: { type: { type: 'string', pattern: '^[a-z_]{1,40}$' }, id: { type: 'integer', minimum: 1, maximum: 9007199254740991 }, follow: { type: 'string', enum: ['on', 'off'] }, next: { type: 'string', maxLength: 500 } },
        },
      },
    },
    async (req, reply) => {
      const next = safeNext(req.body.next, '/notifications/settings');
      if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
      const on = req.body.follow === 'on';
      // Unfollowing needs nothing but the row; following needs a thing the person may see.
      if (on && !(await followable(req.body.type)?.load(ctx, req.body.id, req.actor))) return reply.callNotFound();
      await setFollow(ctx.database, req.actor.id, req.body.type, req.body.id, on);
      return reply.redirectWithNotice(next, on ? 'notifications.follow.done' : 'notifications.follow.undone');
    },
  );

  app.get<{ Querystring: { u: string; t: string } }>('/notifications/unsubscribe', { schema: { hide: true, querystring: unsubscribeQuery } }, async (req, reply) => {
    if (!validUnsubscribeToken(ctx.secret, req.query.u, req.query.t)) {
      return reply.page(req.t('notifications.unsubscribe.title'), <InvalidLink title={req.t('notifications.unsubscribe.title')} text={req.t('notifications.unsubscribe.invalid')} />, { status: 400 });
    }
    return reply.page(req.t('notifications.unsubscribe.title'), <UnsubscribePage page={await req.pageContext()} userId={req.query.u} token={req.query.t} done={false} />);
  });

  // The signed token is the authority here (no session, no CSRF token): mail clients that support
  // RFC 8058 POST "List-Unsubscribe=One-Click" to this address directly.
  app.post<{ Querystring: { u: string; t: string } }>(
    '/notifications/unsubscribe',
    { schema: { hide: true, querystring: unsubscribeQuery }, config: { csrf: false } },
    async (req, reply) => {
      if (!validUnsubscribeToken(ctx.secret, req.query.u, req.query.t)) {
        return reply.page(req.t('notifications.unsubscribe.title'), <InvalidLink title={req.t('notifications.unsubscribe.title')} text={req.t('notifications.unsubscribe.invalid')} />, { status: 400 });
      }
      if ((await ctx.database.query('select 1 from users where id = $1', [req.query.u])).length) await setDigest(ctx.database, req.query.u, 'off');
      return reply.page(req.t('notifications.unsubscribe.title'), <UnsubscribePage page={await req.pageContext()} userId={req.query.u} token={req.query.t} done />);
    },
  );
}
