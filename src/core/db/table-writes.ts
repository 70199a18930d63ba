// Which tables a statement writes, seen from its text, so this process learns of its own writes the
// moment they commit (a page read right after an admin's change shows it). Other processes' writes
// arrive as notifications (core/cache/reference-cache.ts); this is only the fast path.
import type { Database, TxQuery } from './database.ts';

// insert into / update / delete from / truncate [table] [only] name, quoted or not, anywhere in the
// text (CTEs write too). "on conflict … do update set" yields "set", which no cache watches.
const WRITE = /\b(?:insert\s+into|update|delete\s+from|truncate(?:\s+table)?)\s+(?:only\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi;
const known = new Map<string, readonly string[]>();
const KNOWN_MAX = 5000;
const NONE: readonly string[] = [];

export function writtenTables(sql: string): readonly string[] {
  let tables = known.get(sql);
  if (tables) return tables;
  const found = new Set<string>();
  for (const m of sql.matchAll(WRITE)) found.add(m[1]!.toLowerCase());
  tables = found.size === 0 ? NONE : [...found];
  // Texts are mostly fixed; ones built from values would grow this without end, so they are not kept.
  if (known.size < KNOWN_MAX) known.set(sql, tables);
  return tables;
}

/**
 * The same database, telling `onWrite` which tables a statement wrote once it has succeeded, and
 * which a transaction wrote once it has ended (committed or not). Writes through the Drizzle handle
 * are not seen here.
 */
export function watchWrites(database: Database, onWrite: (tables: readonly string[]) => void): Database {
  const seen = (sql: string) => {
    const t = writtenTables(sql);
    if (t.length > 0) onWrite(t);
  };
  return {
    ...database,
    kind: database.kind,
    db: database.db,
    async query(sql, params, opts) {
      const rows = await database.query(sql, params, opts);
      seen(sql);
      return rows as never;
    },
    async exec(sql) {
      await database.exec(sql);
      seen(sql);
    },
    async transaction(fn) {
      const wrote = new Set<string>();
      const note = (sql: string) => {
        for (const t of writtenTables(sql)) wrote.add(t);
      };
      try {
        return await database.transaction((tx) => {
          const watched: TxQuery = {
            db: tx.db,
            async query(sql, params, opts) {
              note(sql);
              return tx.query(sql, params, opts);
            },
            async exec(sql) {
              note(sql);
              return tx.exec(sql);
            },
          };
          return fn(watched);
        });
      } finally {
        // Also after a rollback: a needless reload costs less than missing a write that did commit
        // before an error surfaced.
        if (wrote.size > 0) onWrite([...wrote]);
      }
    },
    listen: (channel, onPayload) => database.listen(channel, onPayload),
    notify: (channel, payload) => database.notify(channel, payload),
    close: () => database.close(),
  };
}
