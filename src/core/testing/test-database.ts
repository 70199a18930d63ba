// Test databases: PGlite in memory, started from a pre-migrated template when scripts/test.mjs made
// one (saves ~10 s per test file), or a fresh PostgreSQL database per test process when
// DATABASE_URL_TEST is set.
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../db/database.ts';
import { openPglite } from '../db/pglite.ts';
import { openPostgres } from '../db/postgres.ts';

export const PGLITE_TEMPLATE = process.env.DEZVOLT_TEST_TEMPLATE ?? '.tmp/pglite-template.tar.gz';
export const PG_TEMPLATE_DB = 'dz_test_template';

export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL_TEST;
  if (url) {
    const name = `dz_test_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const [tpl] = (await admin.query('select 1 from pg_database where datname = $1', [PG_TEMPLATE_DB])).rows;
      await admin.query(`create database ${name}${tpl ? ` template ${PG_TEMPLATE_DB}` : ''}`);
    } finally {
      await admin.end();
    }
    const u = new URL(url);
    u.pathname = `/${name}`;
    return openPostgres(u.toString(), 5);
  }
  if (existsSync(PGLITE_TEMPLATE)) {
    return openPglite({ loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE)]) });
  }
  return openPglite({});
}
