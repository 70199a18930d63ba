// The API other modules use: follow and unfollow, and notify people inside the transaction that
// caused the news. People who chose "immediate" get their e-mail from a job right after the commit.
import type { AppContext } from '../../core/context.ts';
import type { Database, TxQuery } from '../../core/db/database.ts';

type Q = Pick<Database, 'query'> | TxQuery;

export async function setFollow(q: Q, userId: string, subjectType: string, subjectId: number, follow: boolean): Promise<void> {
  if (follow) await q.query('insert into follows (user_id, subject_type, subject_id) values ($1, $2, $3) on conflict do nothing', [userId, subjectType, subjectId]);
  else await q.query('delete from follows where user_id = $1 and subject_type = $2 and subject_id = $3', [userId, subjectType, subjectId]);
}

export async function isFollowing(q: Q, userId: string | undefined, subjectType: string, subjectId: number): Promise<boolean> {
  if (!userId) return false;
  return (await q.query('select 1 from follows where user_id = $1 and subject_type = $2 and subject_id = $3', [userId, subjectType, subjectId])).length > 0;
}

export async function followersOf(q: Q, subjectType: string, subjectId: number): Promise<string[]> {
  return (await q.query<{ user_id: string }>('select user_id from follows where subject_type = $1 and subject_id = $2', [subjectType, subjectId])).map((r) => r.user_id);
}

export interface NewNotification {
  /** Message key suffix: shown with `notifications.kind.<kind>` and `params`. */
  kind: string;
  subjectType: string;
  subjectId: number;
  url: string;
  params: Record<string, string | number>;
  /** Who caused it; never notified about their own action. */
  actorId?: string | null;
}

export const SEND_JOB = 'notifications.send';

/** Notifies each recipient once (duplicates and the actor are dropped); returns how many. */
export async function notify(ctx: AppContext, tx: TxQuery, recipients: string[], n: NewNotification): Promise<number> {
  const ids = [...new Set(recipients)].filter((id) => id !== n.actorId);
  if (!ids.length) return 0;
  const rows = await tx.query<{ user_id: string; digest: string | null }>(
    `insert into notifications (user_id, kind, subject_type, subject_id, url, params)
     select u.id, $2, $3, $4, $5, $6 from users u where u.id = any($1::uuid[]) and u.erased_at is null and u.disabled_at is null
     returning user_id, (select digest from notification_prefs p where p.user_id = notifications.user_id) as digest`,
    [ids, n.kind, n.subjectType, n.subjectId, n.url, JSON.stringify(n.params)],
  );
  for (const r of rows) {
    // One pending send per person: several notifications in a burst go out in one e-mail.
    if (r.digest === 'immediate') await ctx.jobs.enqueue(SEND_JOB, { userId: r.user_id }, { dedupeKey: `${SEND_JOB}:${r.user_id}:${Date.now() - (Date.now() % 60_000)}` }, tx);
  }
  return rows.length;
}

/** Notifies everyone following (subjectType, subjectId), plus `extra` people. */
export async function notifyFollowers(ctx: AppContext, tx: TxQuery, n: NewNotification, extra: string[] = []): Promise<number> {
  return notify(ctx, tx, [...(await followersOf(tx, n.subjectType, n.subjectId)), ...extra], n);
}
