import type { Database } from '../../core/db/database.ts';
import type { Digest } from './model.ts';

type Q = Pick<Database, 'query'>;

export async function setDigest(db: Q, userId: string, digest: Digest): Promise<void> {
  await db.query(
    `insert into notification_prefs (user_id, digest, updated_at) values ($1, $2, now())
     on conflict (user_id) do update set digest = excluded.digest, updated_at = now()`,
    [userId, digest],
  );
}

export async function markAllRead(db: Q, userId: string): Promise<number> {
  return (await db.query('update notifications set read_at = now() where user_id = $1 and read_at is null returning 1', [userId])).length;
}

/** Opening a notification marks it read; returns where it points, only for its owner. */
export async function openNotification(db: Q, userId: string, id: number): Promise<string | null> {
  const [r] = await db.query<{ url: string }>('update notifications set read_at = coalesce(read_at, now()) where id = $1 and user_id = $2 returning url', [id, userId]);
  return r?.url ?? null;
}
