// Citizen reports at scale: the map API (zoomed in and whole city), the list and report pages,
// Open311 GET requests and POST report, each next to a raw-SQL node:http baseline.
// Run: `npm run bench -- reports`. Always on PGlite with 100,000 reports; also on PostgreSQL with
// 1,000,000 when BENCH_DATABASE_URL names a server (e.g. postgres://postgres@127.0.0.1:5432/postgres),
// in a database dz_bench_reports created for the run and dropped after it.
// BENCH_REPORTS=20000 overrides N for a quick trial, BENCH_DURATION_S the seconds per measurement,
// BENCH_ENGINE=pglite|postgres runs one engine only; BENCH_KEEP_DB=1 keeps the PostgreSQL database afterwards.
// Each engine runs in its own process (bench/reports-engine.ts) and writes bench/results/reports-<engine>.json.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const only = process.env['BENCH_ENGINE'];
const engines = ['pglite', ...(process.env['BENCH_DATABASE_URL'] ? ['postgres'] : [])].filter((e) => !only || e === only);
if (!process.env['BENCH_DATABASE_URL']) console.log('[reports] BENCH_DATABASE_URL is not set: PostgreSQL is skipped, PGlite only');

let failed = false;
for (const engine of engines) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, 'reports-engine.ts'), engine], { cwd: path.resolve(benchDir, '..'), stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[reports] ${engine} run ended with exit code ${r.status ?? r.signal}`);
    failed = true;
  }
}
if (failed) process.exitCode = 1;
