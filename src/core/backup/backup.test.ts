// Backup and restore between two real databases: every table must come back byte for byte
// (geometry, jsonb, timestamps, odd text), sequences continue, and a damaged or foreign file is
// refused without touching the data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { testApp } from '../testing/harness.ts';
import { makeDepartment, makeUser, unique } from '../testing/factories.ts';
import { openTestDatabase, PGLITE_TEMPLATE } from '../testing/test-database.ts';
import { openPglite } from '../db/pglite.ts';
import { migrate } from '../db/migrate.ts';
import { migrationSets } from '../create-context.ts';
import { allModules } from '../../modules/index.ts';
import type { Database } from '../db/database.ts';
import { readBackupHeader, restoreBackup, writeBackup, type BackupHeader } from './backup.ts';

const { ctx } = await testApp();

const dir = mkdtempSync(join(tmpdir(), 'dz-backup-test-'));
const file = join(dir, 'city.dzb');
let target: Database;
let header: BackupHeader;
const areaSlug = unique('area-');
const odd = 'Cluj "centru"\\nline\ttab ș ț ă î â 🚲 \'quote\'';

before(async () => {
  target = await openTestDatabase();
  await migrate(target, migrationSets(allModules));

  await ctx.database.query(
    `insert into areas (kind, slug, name, geom) values ('district', $1, $2,
       ST_GeomFromText('MULTIPOLYGON(((23.55 46.75,23.62 46.75,23.62 46.79,23.55 46.79,23.55 46.75)),((23.7 46.8,23.71 46.8,23.71 46.81,23.7 46.8)))', 4326))`,
    [areaSlug, 'Zorilor (test)'],
  );
  await ctx.settings.set(unique('backup.test.'), { text: odd, nested: { list: [1, 2.5, null, true], empty: {} } });
  const dep = await makeDepartment(ctx, odd);
  await ctx.database.query(`update departments set created_at = '2024-02-29 23:59:59.123456+02' where id = $1`, [dep.id]);
  await makeUser(ctx, { role: 'official', departmentIds: [dep.id] });
  await ctx.events.publish({ type: 'test.backup', public: true, payload: { text: odd, n: 12345678901234 } });
  await ctx.mail.enqueue({ to: 'a@example.test', subject: odd, text: `${odd}\nsecond line\r\nthird` });
  await target.query(`insert into departments (slug, name) values ('only-in-target', 'Dispare la restaurare')`);
  header = await writeBackup(ctx.database, file);
});

after(async () => {
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function tables(db: Database): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r'
       and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
     order by 1`,
  );
  return rows.map((r) => r.name);
}

/** Every row of every table as text, in a stable order: equal snapshots mean equal contents. */
async function snapshot(db: Database): Promise<Record<string, string[]>> {
  await db.exec(`set timezone = 'UTC'`);
  const out: Record<string, string[]> = {};
  for (const t of await tables(db)) {
    if (t === 'schema_migrations') continue;
    // Sorted here, not in SQL, so two engines with different collations compare equal.
    out[t] = (await db.query<{ r: string }>(`select x::text as r from "${t}" x`)).map((r) => r.r).sort();
  }
  return out;
}

/** Rewrites a backup file line by line (header first) into a new file. */
function rewrite(name: string, fn: (lines: string[]) => string[]): string {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
  const out = join(dir, name);
  writeFileSync(out, gzipSync(fn(lines).join('\n') + '\n'));
  return out;
}

test('a backup restores into another database with every row identical and sequences moved on', async () => {
  assert.equal(header.engine, ctx.database.kind);
  assert.ok(header.tables.find((t) => t.name === 'areas')!.rows >= 1);
  assert.deepEqual(await readBackupHeader(file), header);

  const outcome = await restoreBackup(target, file);
  assert.equal(outcome.kind, 'restored');
  const [source, restored] = [await snapshot(ctx.database), await snapshot(target)];
  assert.deepEqual(Object.keys(restored), Object.keys(source));
  for (const t of Object.keys(source)) assert.deepEqual(restored[t], source[t], `table ${t} differs after restore`);
  assert.ok(source.areas!.some((r) => r.includes(areaSlug)), 'the fixture rows are part of the comparison');

  // The rows are real values again, not just equal text.
  const [area] = await target.query<{ valid: boolean; parts: number; srid: number }>(
    `select ST_IsValid(geom) as valid, ST_NumGeometries(geom) as parts, ST_SRID(geom) as srid from areas where slug = $1`,
    [areaSlug],
  );
  assert.deepEqual(area, { valid: true, parts: 2, srid: 4326 });
  const [dep] = await target.query<{ utc: string }>(
    `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as utc from departments where name = $1`,
    [odd],
  );
  assert.equal(dep!.utc, '2024-02-29 21:59:59.123456');
  const [ev] = await target.query<{ payload: { text: string; n: number } }>(`select payload from events where type = 'test.backup'`);
  assert.deepEqual(ev!.payload, { text: odd, n: 12345678901234 });

  // New rows continue after the restored ids instead of colliding with them.
  for (const [table, insert] of [
    ['areas', `insert into areas (kind, slug, name, geom) values ('district', '${unique('new-')}', 'Nou', ST_Multi(ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))', 4326))) returning id::bigint as id`],
    ['departments', `insert into departments (slug, name) values ('${unique('new-')}', 'Nou') returning id::bigint as id`],
    ['events', `insert into events (type) values ('test.after-restore') returning id::bigint as id`],
  ] as const) {
    const [restoredMax] = await target.query<{ max: string }>(`select max(id)::text as max from ${table}`);
    const [row] = await target.query<{ id: string }>(insert);
    assert.ok(BigInt(row!.id) > BigInt(restoredMax!.max), `${table}: new id ${row!.id} after restored max ${restoredMax!.max}`);
  }
});

test('a damaged or foreign file is refused as invalid and the data stays as it was', async () => {
  const before = await snapshot(target);
  const bytes = readFileSync(file);
  const put = (name: string, content: string | Buffer) => (writeFileSync(join(dir, name), content), join(dir, name));
  const candidates: [what: string, path: string, reason: RegExp][] = [
    ['not gzip at all', put('text.dzb', 'hello, this is a text file\n'), /not a readable Dezvolt backup/],
    ['an empty file', put('empty.dzb', ''), /not a readable Dezvolt backup/],
    ['gzip of something else', put('other.dzb', gzipSync('{"hello":"world"}\n{"t":"users","r":"x"}\n')), /not a readable Dezvolt backup/],
    ['gzip of JSON null', put('null.dzb', gzipSync('null\n')), /not a readable Dezvolt backup/],
    ['the first half of a backup', put('half.dzb', bytes.subarray(0, Math.floor(bytes.length / 2))), /damaged/],
    ['a backup missing its last row', rewrite('short.dzb', (lines) => lines.slice(0, -1)), /incomplete: table \w+ has \d+ of its \d+ rows/],
    ['a row that is not a row of its table', rewrite('bad-row.dzb', (lines) => [...lines, JSON.stringify({ t: 'departments', r: '(not,a,department' })]), /rows of table departments do not fit/],
    ['a row of a table the header does not list', rewrite('stray.dzb', (lines) => [...lines, JSON.stringify({ t: 'pg_authid', r: '()' })]), /names no table listed in its header \(pg_authid\)/],
  ];
  for (const [what, path, reason] of candidates) {
    const outcome = await restoreBackup(target, path);
    assert.equal(outcome.kind, 'invalid', `${what} was accepted`);
    assert.match(outcome.kind === 'invalid' ? outcome.reason : '', reason, what);
  }
  assert.deepEqual(await snapshot(target), before, 'a refused restore changed the data');
});

test('a backup from a newer Dezvolt (unknown migrations) is refused', async () => {
  const newer = rewrite('newer.dzb', ([head, ...rows]) => {
    const h = JSON.parse(head!) as BackupHeader;
    return [JSON.stringify({ ...h, migrations: [...h.migrations, 'core/999_from_the_future'] }), ...rows];
  });
  const outcome = await restoreBackup(target, newer);
  assert.equal(outcome.kind, 'invalid');
  assert.match(outcome.kind === 'invalid' ? outcome.reason : '', /newer Dezvolt.*core\/999_from_the_future/);
});

test('restoring keeps this database’s own migration record, so the next start does not re-run migrations', async () => {
  const record = async () => (await target.query<{ m: string }>(`select module || '/' || name as m from schema_migrations order by 1`)).map((r) => r.m);
  const mine = await record();
  // A backup made before the last migration existed: its header and rows both lack it.
  const last = mine.at(-1)!;
  const older = rewrite('older.dzb', ([head, ...rows]) => {
    const h = JSON.parse(head!) as BackupHeader;
    const [module, name] = last.split('/') as [string, string];
    const kept = rows.filter((l) => {
      const { t, r } = JSON.parse(l) as { t: string; r: string };
      return !(t === 'schema_migrations' && r.startsWith(`(${module},${name},`));
    });
    const tablesInHeader = h.tables.map((t) => (t.name === 'schema_migrations' ? { ...t, rows: t.rows - 1 } : t));
    return [JSON.stringify({ ...h, migrations: h.migrations.filter((m) => m !== last), tables: tablesInHeader }), ...kept];
  });
  const outcome = await restoreBackup(target, older);
  assert.equal(outcome.kind, 'restored');
  assert.deepEqual(await record(), mine);
  const applied = await migrate(target, migrationSets(allModules));
  assert.deepEqual(applied.applied, []);
});

// Only a PostgreSQL run has two engines to move between.
if (ctx.database.kind === 'postgres') {
  test('a PostgreSQL backup restores into PGlite, and a PGlite backup back into PostgreSQL, unchanged', async () => {
    const embedded = await openPglite(existsSync(PGLITE_TEMPLATE) ? { loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE)]) } : {});
    try {
      await migrate(embedded, migrationSets(allModules));
      const fromPostgres = join(dir, 'from-postgres.dzb');
      assert.equal((await writeBackup(ctx.database, fromPostgres)).engine, 'postgres');
      assert.equal((await restoreBackup(embedded, fromPostgres)).kind, 'restored');
      const source = await snapshot(ctx.database);
      assert.deepEqual(await snapshot(embedded), source);

      const fromPglite = join(dir, 'from-pglite.dzb');
      assert.equal((await writeBackup(embedded, fromPglite)).engine, 'pglite');
      assert.equal((await restoreBackup(target, fromPglite)).kind, 'restored');
      assert.deepEqual(await snapshot(target), source);
    } finally {
      await embedded.close();
    }
  });
}
