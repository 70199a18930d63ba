// The `dezvolt` command as an operator runs it: real processes on real PGlite data dirs. Each CLI
// run opens and migrates a database, so the scenarios are few and each covers a whole workflow.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../core/db/pglite.ts';
import { dezvolt, startDezvolt, stop, stopAll } from '../core/testing/dezvolt-process.ts';

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

after(async () => {
  await stopAll();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function counts(dataDir: string, tables: string[]): Promise<Record<string, number>> {
  const db = await openPglite({ dataDir });
  try {
    const out: Record<string, number> = {};
    for (const t of tables) out[t] = (await db.query<{ n: number }>(`select count(*)::int as n from ${t}`))[0]!.n;
    return out;
  } finally {
    await db.close();
  }
}

test('one process owns a data dir; a second start exits 75 naming it; backup and restore carry the city to another dir', async () => {
  const dataDir = tempDir('dz-cli-a-');
  const first = await startDezvolt({ DEZVOLT_DATA_DIR: dataDir });

  const second = await dezvolt(['start'], { DEZVOLT_DATA_DIR: dataDir, PORT: '0' });
  assert.equal(second.code, 75, second.stderr);
  assert.ok(second.stderr.includes(dataDir), `the message names ${dataDir}: ${second.stderr}`);
  assert.match(second.stderr, /already using the data directory/);

  const health = await fetch(`${first.base}/health`);
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { status: 'ok', database: 'pglite' });
  const home = await fetch(`${first.base}/`, { headers: { accept: 'text/html' } });
  assert.equal(home.status, 200);
  assert.match(await home.text(), /Cluj-Napoca \(demo\)/);

  const stopped = await stop(first);
  assert.equal(stopped.code, 0, `a clean shutdown on SIGTERM\n${stopped.stderr}`);

  // The lock was released, so the CLI can open the same dir now.
  const file = join(tempDir('dz-cli-backup-'), 'city.dzb');
  const backup = await dezvolt(['backup', file], { DEZVOLT_DATA_DIR: dataDir });
  assert.equal(backup.code, 0, backup.stderr);
  assert.match(backup.stdout, /wrote .*city\.dzb: \d+ rows from \d+ tables/);
  assert.ok(statSync(file).size > 1000);

  const otherDir = tempDir('dz-cli-b-');
  const restore = await dezvolt(['restore', file], { DEZVOLT_DATA_DIR: otherDir });
  assert.equal(restore.code, 0, restore.stderr);
  assert.match(restore.stdout, /restored .* on pglite/);

  const tables = ['areas', 'departments', 'department_districts', 'categories', 'users', 'user_roles', 'settings'];
  const [original, copy] = [await counts(dataDir, tables), await counts(otherDir, tables)];
  assert.deepEqual(copy, original);
  assert.ok(original.areas! > 1 && original.users! >= 6, `the demo city was there to copy: ${JSON.stringify(original)}`);
});

test('seed --empty, then migrate finds nothing to do, then create-admin makes the first administrator', async () => {
  const dataDir = tempDir('dz-cli-c-');
  const env = { DEZVOLT_DATA_DIR: dataDir };

  const seed = await dezvolt(['seed', '--empty', '--name', 'Oradea'], env);
  assert.equal(seed.code, 0, seed.stderr);
  assert.match(seed.stdout, /Seeded an empty city named Oradea/);

  const migrate = await dezvolt(['migrate'], env);
  assert.equal(migrate.code, 0, migrate.stderr);
  assert.match(migrate.stdout, /database is up to date/);

  const noPassword = await dezvolt(['create-admin', '--email', 'primar@oradea.ro', '--name', 'Primar'], env);
  assert.equal(noPassword.code, 1, 'without a terminal the password must come from DEZVOLT_ADMIN_PASSWORD');
  assert.match(noPassword.stderr, /DEZVOLT_ADMIN_PASSWORD/);

  const admin = await dezvolt(['create-admin', '--email', 'Primar@Oradea.ro', '--name', 'Primar Oradea'], { ...env, DEZVOLT_ADMIN_PASSWORD: 'o parolă destul de lungă' });
  assert.equal(admin.code, 0, admin.stderr);
  assert.match(admin.stdout, /administrator Primar@Oradea\.ro created/);

  const db = await openPglite({ dataDir });
  try {
    const users = await db.query<{ email: string; roles: string[] }>(
      `select u.email, array_agg(r.role) as roles from users u join user_roles r on r.user_id = u.id group by u.email`,
    );
    assert.deepEqual(users, [{ email: 'primar@oradea.ro', roles: ['admin'] }]);
    const [city] = await db.query<{ name: string }>(`select value->>'name' as name from settings where key = 'city'`);
    assert.equal(city!.name, 'Oradea');
    const [areas] = await db.query<{ n: number }>('select count(*)::int as n from areas');
    assert.equal(areas!.n, 0, 'an empty city has no demo data');
  } finally {
    await db.close();
  }
});
