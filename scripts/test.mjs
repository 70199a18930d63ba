// `npm test`: type-check, unit + HTTP integration tests (node:test via tsx), then browser e2e
// (Playwright on Debian Chromium with axe). On PGlite by default; on PostgreSQL when
// DATABASE_URL_TEST is set. `--only unit` or `--only e2e` runs one half.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const filters = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--only');

function run(cmd, cmdArgs, env = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`[test] ${cmd} ${cmdArgs.slice(0, 3).join(' ')}… finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    console.error(`[test] FAILED: ${cmd} ${cmdArgs.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (/\.test\.tsx?$/.test(name)) out.push(relative(root, p));
  }
  return out.sort();
}

const engine = process.env.DATABASE_URL_TEST ? 'PostgreSQL' : 'PGlite';
console.log(`[test] database engine: ${engine}`);

if (only !== 'e2e') {
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.']);
  run(process.execPath, ['--import', 'tsx', 'scripts/make-test-template.ts']);
  let files = findTests(join(root, 'src'));
  if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
  run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=dot', ...files], { LOG_LEVEL: 'silent' });
}

if (only !== 'unit' && filters.length === 0) {
  if (!existsSync('/usr/bin/chromium')) {
    console.error('[test] /usr/bin/chromium is missing: install it with `apt-get install chromium` (.ci/run does)');
    process.exit(1);
  }
  run(process.execPath, [join(root, 'node_modules/@playwright/test/cli.js'), 'test']);
}

if (process.env.DATABASE_URL_TEST) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL_TEST });
  await admin.connect();
  const rows = (await admin.query(`select datname from pg_database where datname like 'dz\\_test\\_%' or datname like 'dz\\_e2e\\_%'`)).rows;
  for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
  await admin.end();
}
console.log(`[test] all passed on ${engine}`);
