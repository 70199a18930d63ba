import type { Config } from '../config/config.ts';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export async function openDatabase(cfg: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl);
  return openPglite({ dataDir: cfg.dataDir });
}
