import type { Config } from '../config/config.ts';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export type DatabaseConfig = Pick<
  Config,
  'databaseUrl' | 'dataDir' | 'databaseConnectTimeoutMs' | 'databaseIdleTimeoutMs' | 'databaseStatementTimeoutMs'
> & Partial<Pick<Config, 'databasePrepare'>>;

export async function openDatabase(cfg: DatabaseConfig): Promise<Database> {
  if (cfg.databaseUrl) {
    return openPostgres(cfg.databaseUrl, 10, {
      connectTimeoutMs: cfg.databaseConnectTimeoutMs,
      idleTimeoutMs: cfg.databaseIdleTimeoutMs,
      statementTimeoutMs: cfg.databaseStatementTimeoutMs,
      prepare: cfg.databasePrepare ?? true,
    });
  }
  return openPglite({ dataDir: cfg.dataDir });
}
