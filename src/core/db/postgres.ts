import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Database, Db, TxQuery } from './database.ts';

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Fail fast with a readable message when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = drizzle(pool) as unknown as Db;
  const listeners = new Map<string, Set<(p: string) => void>>();
  let listenClient: pg.PoolClient | undefined;

  async function ensureListenClient(): Promise<pg.PoolClient> {
    if (listenClient) return listenClient;
    listenClient = await pool.connect();
    listenClient.on('notification', (msg) => {
      for (const fn of listeners.get(msg.channel) ?? []) fn(msg.payload ?? '');
    });
    return listenClient;
  }

  return {
    kind: 'postgres',
    db,
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params as unknown[])).rows as T[];
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const txq: TxQuery = {
          query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params as unknown[])).rows as T[],
          exec: async (sql: string) => void (await client.query(sql)),
          db: drizzle(client) as unknown as Db,
        };
        const out = await fn(txq);
        await client.query('commit');
        return out;
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      const c = await ensureListenClient();
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await c.query(`listen "${channel.replace(/"/g, '')}"`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async notify(channel, payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      listenClient?.release();
      listenClient = undefined;
      await pool.end();
    },
  };
}
