// `npm run bench [-- FILTER...]`: runs each bench/*.bench.ts in its own process (a clean heap and
// event loop per benchmark), then rewrites BENCHMARKS.md from bench/results/*.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readResults, writeBenchmarksMd } from './report.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const filters = process.argv.slice(2);

const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error(`no bench/*.bench.ts matches ${filters.join(' ')}`);
  process.exit(1);
}

const failed: string[] = [];
for (const f of files) {
  console.log(`\n[bench] ${f}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, f)], { cwd: root, stdio: 'inherit' });
  console.log(`[bench] ${f} finished in ${((Date.now() - started) / 1000).toFixed(1)} s${r.status === 0 ? '' : ` with exit code ${r.status ?? r.signal}`}`);
  if (r.status !== 0) failed.push(f);
}

const resultsDir = path.join(benchDir, 'results');
mkdirSync(resultsDir, { recursive: true });
writeBenchmarksMd(path.join(root, 'BENCHMARKS.md'), readResults(resultsDir));
console.log('\n[bench] BENCHMARKS.md rewritten from bench/results/*.json');
if (failed.length) {
  console.error(`[bench] failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
