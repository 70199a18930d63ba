// Notifications: follow anything, read what happened in the app, and get it by e-mail at once, daily,
// weekly or never, with one-click unsubscribe. Other modules call notify.ts and registerFollowable.
import { defineModule } from '../../core/modules/manifest.ts';
import { notificationsMigrations } from './migrations.ts';
import { notificationsMessages } from './messages.ts';
import { registerNotificationRoutes } from './routes/routes.tsx';
import { ensureDigestSchedule, runDigestJob, sendDigest } from './digest.ts';
import { unreadCount } from './queries.ts';

export const notificationsModule = defineModule({
  name: 'notifications',
  title: 'notifications.title',
  migrations: notificationsMigrations,
  messages: notificationsMessages,
  routes(app, ctx) {
    registerNotificationRoutes(app, ctx);
    app.addHook('onReady', async () => {
      await ensureDigestSchedule(ctx);
    });
  },
  jobs: {
    // Registered as notifications.digest (DIGEST_JOB) and notifications.send (SEND_JOB).
    async digest(ctx) {
      await runDigestJob(ctx);
    },
    async send(ctx, payload) {
      await sendDigest(ctx, String(payload.userId));
    },
  },
  async homeCard(ctx, actor, t) {
    if (actor.kind !== 'user') return null;
    const count = await unreadCount(ctx.database, actor.id);
    if (!count) return null;
    return { title: t('notifications.title'), body: t('notifications.card', { count }), href: '/notifications', linkLabel: t('notifications.cardLink') };
  },
  async personalData(ctx, userId) {
    const [follows, notifications, prefs] = await Promise.all([
      ctx.database.query(`select subject_type as "subjectType", subject_id::text as "subjectId", created_at as "createdAt" from follows where user_id = $1`, [userId]),
      ctx.database.query(`select kind, url, params, created_at as "createdAt", read_at as "readAt", emailed_at as "emailedAt" from notifications where user_id = $1 order by created_at`, [userId]),
      ctx.database.query(`select digest, last_digest_at as "lastDigestAt" from notification_prefs where user_id = $1`, [userId]),
    ]);
    return { follows, notifications, preferences: prefs[0] ?? null };
  },
  async eraseUser(_ctx, userId, tx) {
    await tx.query('delete from follows where user_id = $1', [userId]);
    await tx.query('delete from notifications where user_id = $1', [userId]);
    await tx.query('delete from notification_prefs where user_id = $1', [userId]);
  },
});
