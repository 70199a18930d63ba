// Data that nearly every request reads and that changes a few times a day (settings, spaces and their
// components and phases, categories, districts), kept in memory and dropped the moment one of its
// tables changes: at once for this process's own writes (core/db/table-writes.ts), within
// milliseconds for another process's, announced by a statement trigger's NOTIFY. A lifetime bounds
// what a lost notification (LISTEN connection down) could leave stale.
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/database.ts';

export const TABLE_CHANGE_CHANNEL = 'dz_table_change';

/** SQL for a migration: each table announces every statement that changes it (once per statement). */
export function notifyChangesSql(tables: readonly string[]): string {
  return tables
    .map(
      (t) => `create trigger ${t}_notify_change after insert or update or delete or truncate on ${t}
        for each statement execute function dz_notify_table_change();`,
    )
    .join('\n');
}

/** The trigger function; a core migration creates it once. */
export const NOTIFY_FUNCTION_SQL = `
  create or replace function dz_notify_table_change() returns trigger language plpgsql as $f$
  begin
    perform pg_notify('${TABLE_CHANGE_CHANNEL}', tg_table_name);
    return null;
  end $f$;`;

interface Entry {
  value: unknown;
  /** The generation of each table the entry was read from, when the read began. */
  tables: readonly string[];
  generations: number[];
}

export interface ReferenceCacheOptions {
  /** Backstop lifetime of an entry. */
  ttlMs?: number;
  maxEntries?: number;
}

export class ReferenceCache {
  private readonly generation = new Map<string, number>();
  private readonly entries: LRUCache<string, Entry>;
  /** Reads under way: `value` is the promise. */
  private readonly loading = new Map<string, Entry>();

  constructor(opts: ReferenceCacheOptions = {}) {
    this.entries = new LRUCache<string, Entry>({ max: opts.maxEntries ?? 5000, ttl: opts.ttlMs ?? 60_000 });
  }

  /** Listens for other processes' changes; returns the unsubscribe. */
  listen(database: Pick<Database, 'listen'>): Promise<() => Promise<void>> {
    return database.listen(TABLE_CHANGE_CHANNEL, (table) => this.changed([table]));
  }

  changed(tables: readonly string[]): void {
    for (const t of tables) this.generation.set(t, (this.generation.get(t) ?? 0) + 1);
  }

  /**
   * The value under `key`, read by `load` from `tables` when missing or when one of them changed
   * since. Callers share the value: it must not be mutated. Concurrent misses share one read; a read
   * overtaken by a change is returned to its callers but not kept.
   */
  async get<T>(key: string, tables: readonly string[], load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && this.current(hit)) return hit.value as T;
    // A read begun before a change is not shared with callers who came after it.
    const pending = this.loading.get(key);
    if (pending && this.current(pending)) return pending.value as Promise<T>;
    const generations = tables.map((t) => this.generation.get(t) ?? 0);
    const done = () => {
      if (this.loading.get(key) === inflight) this.loading.delete(key);
    };
    const read = load().then(
      (value) => {
        done();
        const entry: Entry = { value, tables, generations };
        if (this.current(entry)) this.entries.set(key, entry);
        return value;
      },
      (err: unknown) => {
        done();
        throw err;
      },
    );
    const inflight: Entry = { value: read, tables, generations };
    this.loading.set(key, inflight);
    return read;
  }

  private current(e: Entry): boolean {
    for (let i = 0; i < e.tables.length; i++) if ((this.generation.get(e.tables[i]!) ?? 0) !== e.generations[i]) return false;
    return true;
  }
}
