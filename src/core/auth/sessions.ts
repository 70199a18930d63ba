import type { Database } from '../db/database.ts';
import { randomToken, sha256 } from './tokens.ts';

export const SESSION_COOKIE = 'dz_session';
export const SESSION_DAYS = 30;

export async function createSession(database: Database, userId: string): Promise<string> {
  const token = randomToken();
  await database.query(
    `insert into sessions (id, user_id, expires_at) values ($1, $2, now() + make_interval(days => $3))`,
    [sha256(token), userId, SESSION_DAYS],
  );
  return token;
}

/** Returns the user id for a live session and slides its expiry (at most once a minute). */
export async function resolveSession(database: Database, token: string): Promise<string | null> {
  const [row] = await database.query<{ user_id: string }>(
    `update sessions set last_seen_at = now(), expires_at = now() + make_interval(days => $2)
     where id = $1 and expires_at > now() and last_seen_at < now() - interval '1 minute'
     returning user_id`,
    [sha256(token), SESSION_DAYS],
  );
  if (row) return row.user_id;
  const [fresh] = await database.query<{ user_id: string }>('select user_id from sessions where id = $1 and expires_at > now()', [sha256(token)]);
  return fresh?.user_id ?? null;
}

export async function destroySession(database: Database, token: string): Promise<void> {
  await database.query('delete from sessions where id = $1', [sha256(token)]);
}

export async function destroyUserSessions(database: Database, userId: string): Promise<void> {
  await database.query('delete from sessions where user_id = $1', [userId]);
}
