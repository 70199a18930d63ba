// Tally engine benchmark on Łódź 2022 (160 projects, 90 494 voters), the largest sample.
// Run: node --import tsx bench/tally.bench.ts   (samples: $PABULIB_DIR or ../shared/pabulib-sample)
// Writes bench/results/tally.json; exits 1 if a median misses its target.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPbFile } from '../src/modules/budgets/pabulib/read.ts';
import type { PbElection } from '../src/modules/budgets/pabulib/types.ts';
import { tally } from '../src/modules/budgets/tally/tally.ts';
import { sharedDir } from '../src/core/testing/shared-dir.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sampleDir = process.env['PABULIB_DIR']
  ? path.resolve(process.env['PABULIB_DIR'])
  : sharedDir('pabulib-sample');
const file = path.join(sampleDir, 'Poland_Lodz_2022.pb');

interface Figure {
  runs: number;
  median_ms: number;
  min_ms: number;
  target_ms?: number;
  met?: boolean;
  detail?: string;
}

const round = (x: number) => Math.round(x * 100) / 100;

async function measure(runs: number, fn: () => unknown, target?: number, detail?: string): Promise<Figure> {
  await fn(); // warm-up: JIT and lazy allocations are not what we want to measure
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times.length % 2 ? times[(times.length - 1) / 2]! : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
  const fig: Figure = { runs, median_ms: round(median), min_ms: round(times[0]!) };
  if (target !== undefined) Object.assign(fig, { target_ms: target, met: median < target });
  if (detail) fig.detail = detail;
  return fig;
}

function mustTally(e: PbElection, rule: string) {
  const r = tally(e, rule);
  if (!r.ok) throw new Error(`${rule}: ${r.error.message}`);
  return r.value;
}

const loadBefore = os.loadavg();
const read = await readPbFile(file);
if (!read.ok) {
  console.error(`cannot load ${file}: ${JSON.stringify(read.error)}`);
  process.exit(1);
}
const lodz = read.value;
// Same election without the PROJECTS `votes` column, so greedy must count 90k ballots itself.
const lodzNoColumn: PbElection = { ...lodz, projects: lodz.projects.map((p) => ({ ...p, votes: null })) };
const add1 = mustTally(lodz, 'equalshares/add1');

const figures: Record<string, Figure> = {
  'parse Poland_Lodz_2022.pb': await measure(5, () => readPbFile(file)),
  greedy: await measure(25, () => mustTally(lodz, 'greedy'), 200),
  'greedy (scores counted from VOTES)': await measure(25, () => mustTally(lodzNoColumn, 'greedy'), 200),
  equalshares: await measure(7, () => mustTally(lodz, 'equalshares')),
  'equalshares/add1': await measure(7, () => mustTally(lodz, 'equalshares/add1'), 2000, `${add1.add1?.runs} MES runs, endowment ${add1.add1?.endowment}, ${add1.selected.length} projects, spent ${add1.spent}`),
};
const loadAfter = os.loadavg();

const result = {
  name: 'tally',
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadavg: { before: loadBefore.map(round), after: loadAfter.map(round) },
  },
  input: { file: path.basename(file), projects: lodz.projects.length, voters: lodz.votes.length },
  figures,
};
const outDir = path.join(repoRoot, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'tally.json'), JSON.stringify(result, null, 2) + '\n');

console.log(`tally bench on ${path.basename(file)} (${lodz.votes.length} voters), ${result.machine.cpus} CPUs`);
console.log(`loadavg before ${result.machine.loadavg.before.join(' ')}, after ${result.machine.loadavg.after.join(' ')}`);
for (const [name, f] of Object.entries(figures)) {
  const target = f.target_ms === undefined ? '' : `  target < ${f.target_ms} ms: ${f.met ? 'met' : 'MISSED'}`;
  console.log(`${name.padEnd(36)} median ${String(f.median_ms).padStart(8)} ms  min ${String(f.min_ms).padStart(8)} ms${target}${f.detail ? `  (${f.detail})` : ''}`);
}
if (Object.values(figures).some((f) => f.met === false)) process.exitCode = 1;
