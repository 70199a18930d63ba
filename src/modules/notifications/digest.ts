// E-mail about notifications, as each person chose: at once, at most daily, at most weekly, or never.
// The digest job runs every hour (the queue has no cron, so each run books the next hour's run and
// every app start books the current hour). Sending marks the notifications e-mailed in the same
// transaction that queues the mail, so a retried or doubled run never sends them twice.
import type { AppContext } from '../../core/context.ts';
import type { Locale } from '../../core/config/config.ts';
import { DEFAULT_DIGEST, type Digest } from './model.ts';
import { notificationText, unsubscribeUrl } from './present.ts';

export const DIGEST_JOB = 'notifications.digest';
const HOUR_MS = 3600_000;
// A little slack so a daily digest does not slip by an hour every day.
const PERIOD_MS: Record<Digest, number> = { immediate: 0, daily: 24 * HOUR_MS - 10 * 60_000, weekly: 7 * 24 * HOUR_MS - 10 * 60_000, off: Infinity };

export const hourKey = (at: Date) => `${DIGEST_JOB}:${at.toISOString().slice(0, 13)}`;

export async function ensureDigestSchedule(ctx: AppContext, now = new Date()): Promise<void> {
  await ctx.jobs.enqueue(DIGEST_JOB, {}, { dedupeKey: hourKey(now) });
}

async function scheduleNext(ctx: AppContext, now: Date): Promise<void> {
  const next = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  await ctx.jobs.enqueue(DIGEST_JOB, {}, { runAt: next, dedupeKey: hourKey(next) });
}

export type DigestOutcome = 'sent' | 'nothing' | 'not_due' | 'off' | 'no_address';

/** Sends this person's pending notifications if their choice makes them due at `now`. */
export async function sendDigest(ctx: AppContext, userId: string, now = new Date()): Promise<DigestOutcome> {
  // Read before the transaction: on PGlite a query outside it would wait for it to end.
  const city = (await ctx.settings.city()).name;
  return ctx.database.transaction(async (tx) => {
    await tx.query(`insert into notification_prefs (user_id, digest) values ($1, $2) on conflict do nothing`, [userId, DEFAULT_DIGEST]);
    const [u] = await tx.query<{ email: string | null; locale: Locale; verified: boolean; digest: Digest; last: Date | string | null }>(
      `select u.email, u.locale, u.email_verified_at is not null and u.erased_at is null and u.disabled_at is null as verified, p.digest, p.last_digest_at as last
       from users u join notification_prefs p on p.user_id = u.id where u.id = $1 for update of p`,
      [userId],
    );
    if (!u) return 'nothing';
    if (u.digest === 'off') return 'off';
    if (!u.email || !u.verified) return 'no_address';
    if (u.last && now.getTime() - new Date(u.last).getTime() < PERIOD_MS[u.digest]) return 'not_due';
    const pending = await tx.query<{ id: number; kind: string; url: string; params: Record<string, string | number> }>(
      `select id::int as id, kind, url, params from notifications where user_id = $1 and emailed_at is null and read_at is null order by created_at, id limit 100 for update`,
      [userId],
    );
    if (!pending.length) return 'nothing';
    const t = ctx.catalog.translator(u.locale);
    const lines = pending.map((n) => `- ${notificationText(t, n)}\n  ${ctx.config.baseUrl}${n.url}`);
    const text = [
      t('notifications.mail.intro', { city }),
      '',
      ...lines,
      '',
      t('notifications.mail.all', { link: `${ctx.config.baseUrl}/notifications` }),
      t('notifications.mail.settings', { link: `${ctx.config.baseUrl}/notifications/settings` }),
      t('notifications.mail.unsubscribe', { link: unsubscribeUrl(ctx.config.baseUrl, ctx.secret, userId) }),
    ].join('\n');
    await ctx.mail.enqueue({ to: u.email, subject: t('notifications.mail.subject', { count: pending.length, city }), text }, tx);
    await tx.query('update notifications set emailed_at = $2 where id = any($1::bigint[])', [pending.map((n) => n.id), now.toISOString()]);
    await tx.query('update notification_prefs set last_digest_at = $2 where user_id = $1', [userId, now.toISOString()]);
    return 'sent';
  });
}

/** Everyone with something pending; returns how many e-mails went out. */
export async function runDigests(ctx: AppContext, now = new Date()): Promise<number> {
  const users = await ctx.database.query<{ user_id: string }>(
    `select distinct n.user_id from notifications n
     left join notification_prefs p on p.user_id = n.user_id
     where n.emailed_at is null and n.read_at is null and coalesce(p.digest, $1) <> 'off'`,
    [DEFAULT_DIGEST],
  );
  let sent = 0;
  for (const { user_id } of users) if ((await sendDigest(ctx, user_id, now)) === 'sent') sent++;
  return sent;
}

export async function runDigestJob(ctx: AppContext): Promise<void> {
  const now = new Date();
  await scheduleNext(ctx, now);
  await runDigests(ctx, now);
}
