import type { Database } from '../../core/db/database.ts';
import { DEFAULT_DIGEST, type Digest } from './model.ts';
import type { NotificationRow } from './present.ts';

type Q = Pick<Database, 'query'>;

export async function listNotifications(db: Q, userId: string, limit = 50): Promise<NotificationRow[]> {
  const rows = await db.query<{ id: number; kind: string; url: string; params: Record<string, string | number>; created_at: Date | string; read: boolean }>(
    `select id::int as id, kind, url, params, created_at, read_at is not null as read from notifications where user_id = $1 order by created_at desc, id desc limit $2`,
    [userId, limit],
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, url: r.url, params: r.params, read: r.read, createdAt: new Date(r.created_at).toISOString() }));
}

export async function unreadCount(db: Q, userId: string): Promise<number> {
  const [r] = await db.query<{ n: number }>('select count(*)::int as n from notifications where user_id = $1 and read_at is null', [userId]);
  return r?.n ?? 0;
}

export async function digestOf(db: Q, userId: string): Promise<Digest> {
  const [r] = await db.query<{ digest: Digest }>('select digest from notification_prefs where user_id = $1', [userId]);
  return r?.digest ?? DEFAULT_DIGEST;
}

export async function followsOf(db: Q, userId: string): Promise<{ type: string; id: number }[]> {
  return db.query(`select subject_type as type, subject_id::int as id from follows where user_id = $1 order by created_at desc limit 200`, [userId]);
}

export async function followedSpaces(db: Q, userId: string): Promise<{ slug: string; title: string }[]> {
  return db.query(`select s.slug, s.title from space_followers f join spaces s on s.id = f.space_id where f.user_id = $1 and s.published order by s.title`, [userId]);
}
