import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database, Db, TxQuery } from './database.ts';
import { lockDataDir } from './lock.ts';

export const PGLITE_EXTENSIONS = { postgis, unaccent, pg_trgm };

export interface PgliteOptions {
  /** Directory to persist to; undefined keeps the database in memory (tests). */
  dataDir?: string;
  /** A `dumpDataDir` tarball to start from (test template, restore). */
  loadDataDir?: Blob;
}

export async function openPglite(opts: PgliteOptions): Promise<Database> {
  const release = opts.dataDir ? await lockDataDir(opts.dataDir) : undefined;
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      extensions: PGLITE_EXTENSIONS,
    });
  } catch (err) {
    await release?.();
    throw err;
  }
  const db = drizzle(client) as unknown as Db;
  const query = async <T>(sql: string, params?: unknown[]): Promise<T[]> =>
    (await client.query<T>(sql, params ?? [])).rows;
  return {
    kind: 'pglite',
    db,
    query,
    async exec(sql) {
      await client.exec(sql);
    },
    async transaction(fn) {
      return client.transaction(async (tx) => {
        const txq: TxQuery = {
          query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params ?? [])).rows,
          exec: async (sql: string) => void (await tx.exec(sql)),
          db: drizzle(tx as unknown as PGlite) as unknown as Db,
        };
        return fn(txq);
      });
    },
    async listen(channel, onPayload) {
      const unsub = await client.listen(channel, onPayload);
      return async () => unsub();
    },
    async notify(channel, payload) {
      await client.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      await client.close();
      await release?.();
    },
    // Exposed for backup of the raw data dir and the test template.
    ...({ pglite: client } as object),
  };
}

export function pgliteClient(database: Database): PGlite | undefined {
  return (database as unknown as { pglite?: PGlite }).pglite;
}
