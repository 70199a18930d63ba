// One interface over the two engines: embedded PGlite (default) and PostgreSQL (DATABASE_URL).
// Everything above this file speaks PostgreSQL SQL through Drizzle or `query`.
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';

/** Drizzle handle. Both drivers share the pg-core query builder; typed as the node-postgres flavour. */
export type Db = NodePgDatabase<Record<string, never>>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Parameterised single statement; returns rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], opts?: QueryOptions): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction on one connection. */
  transaction<T>(fn: (tx: TxQuery) => Promise<T>): Promise<T>;
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

export interface QueryOptions {
  /**
   * Parse and plan the statement once per connection and reuse that plan (PostgreSQL; PGlite runs it
   * as usual). For hot statements with a fixed text whose best plan does not depend on the values of
   * their parameters: the plan is generic, chosen without them. Limits and offsets belong in the
   * parameters, or every page would be a statement of its own.
   */
  prepare?: boolean;
}

export interface TxQuery {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], opts?: QueryOptions): Promise<T[]>;
  exec(sql: string): Promise<void>;
  db: Db;
}
