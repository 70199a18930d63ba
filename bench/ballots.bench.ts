// Ballot casting under load: sustained ballots per second with 50 concurrent clients posting the
// real ballot form over HTTP (CSRF, session, eligibility, validation, the one-ballot constraint,
// receipt), on the embedded database and, when BENCH_DATABASE_URL is set, on PostgreSQL.
// Counts are exact: every voter must get a receipt and the database must hold one ballot each.
// Run: node --import tsx bench/ballots.bench.ts   Writes bench/results/ballots.json.
// BENCH_BALLOTS (default 3000) ballots after a warm-up of 10 %; BENCH_CLIENTS (default 50).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../src/core/config/config.ts';
import { startServer, type RunningServer } from '../src/core/server.ts';
import { makeBudget, makeVoters } from '../src/modules/budgets/testing/fixtures.ts';
import { planSubmissions } from '../src/modules/budgets/testing/ballot-load.ts';
import type { BenchResult } from './report.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BALLOTS = Number(process.env.BENCH_BALLOTS ?? 3000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const WARMUP = Math.max(50, Math.round(BALLOTS / 10));
const COSTS = [100, 150, 200, 250, 300, 400, 500, 600, 800, 1000];
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

interface ClientResult {
  elapsed_ms: number;
  requests: number;
  answers: { cast: number; repeated: number; already: number; error: number };
  p50_ms: number;
  p99_ms: number;
}

async function runClient(url: string, voters: { cookie: string; csrf: string }[], plan: ReturnType<typeof planSubmissions>): Promise<ClientResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dezvolt-ballots-'));
  const file = path.join(dir, 'job.json');
  writeFileSync(file, JSON.stringify({ url, clients: CLIENTS, voters, plan }));
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'ballot-client.ts'), file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c: string) => (out += c));
    const [code] = (await once(child, 'close')) as [number];
    if (code !== 0) throw new Error(`ballot client exited with ${code}`);
    return JSON.parse(out.trim().split('\n').pop()!) as ClientResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(server: RunningServer): Promise<Record<string, number | boolean>> {
  const { ctx } = server;
  const [admin] = await ctx.database.query<{ id: string }>(`insert into users (email, display_name, email_verified_at) values ('bench-admin@example.test', 'Bench', now()) returning id`);
  const { budgetId, projectIds } = await makeBudget(ctx, admin!.id, { costs: COSTS, budget: { amount: 2000 } });
  const projects = projectIds.map((id, i) => ({ id, cost: COSTS[i]! }));
  const url = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}/budgets/ballots/${budgetId}`;
  const noExtras = { retryRate: 0, doubleRate: 0 };

  const warmVoters = await makeVoters(ctx, WARMUP, 'warm');
  await runClient(url, warmVoters, planSubmissions(WARMUP, projects, 2000, { seed: 1, ...noExtras }));
  const voters = await makeVoters(ctx, BALLOTS, 'bench');
  const r = await runClient(url, voters, planSubmissions(BALLOTS, projects, 2000, { seed: 2, ...noExtras }));
  const [stored] = await ctx.database.query<{ n: number; voters: number }>('select count(*)::int as n, count(distinct voter_id)::int as voters from pb_ballots where budget_id = $1', [budgetId]);
  const exact = r.answers.cast === BALLOTS && r.answers.error === 0 && stored!.n === BALLOTS + WARMUP && stored!.voters === stored!.n;
  if (!exact) console.error(`counts are not exact: ${JSON.stringify({ answers: r.answers, stored })}`);
  return {
    ballots: BALLOTS,
    clients: CLIENTS,
    seconds: round(r.elapsed_ms / 1000),
    ballots_per_s: round(BALLOTS / (r.elapsed_ms / 1000), 1),
    p50_ms: r.p50_ms,
    p99_ms: r.p99_ms,
    receipts: r.answers.cast,
    stored_ballots: stored!.n - WARMUP,
    exact,
  };
}

function config(env: Record<string, string>) {
  return loadConfig({ PORT: '0', HOST: '127.0.0.1', DEZVOLT_RATE_LIMIT: '0', LOG_LEVEL: 'silent', DEZVOLT_SEED_DEMO: '0', DEZVOLT_SECRET: 'bench-secret-bench-secret', DEZVOLT_SECURE_COOKIES: '0', DEZVOLT_WORKER: '0', ...env });
}

const figures: BenchResult['figures'] = {};
const loadBefore = os.loadavg();

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dezvolt-bench-ballots-'));
console.log(`PGlite: ${BALLOTS} ballots, ${CLIENTS} clients (after ${WARMUP} warm-up ballots)`);
const embedded = await startServer(config({ DEZVOLT_DATA_DIR: dataDir }), () => {});
try {
  figures['PGlite (embedded)'] = await measure(embedded);
} finally {
  await embedded.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`  ${JSON.stringify(figures['PGlite (embedded)'])}`);

const pgUrl = process.env.BENCH_DATABASE_URL;
if (pgUrl) {
  const name = `dz_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  console.log(`PostgreSQL: ${BALLOTS} ballots, ${CLIENTS} clients`);
  try {
    const server = await startServer(config({ DATABASE_URL: u.toString() }), () => {});
    try {
      figures['PostgreSQL'] = await measure(server);
    } finally {
      await server.stop();
    }
    console.log(`  ${JSON.stringify(figures['PostgreSQL'])}`);
  } finally {
    // Not `with (force)`: a pool still closing would die with an unhandled error. Wait for it.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`drop database if exists ${name}`);
        break;
      } catch (err) {
        if (attempt >= 20) {
          console.error(`could not drop ${name}: ${(err as Error).message}`);
          break;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    await admin.end();
  }
} else {
  console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://… to measure it)');
}
const loadAfter = os.loadavg();

const result: BenchResult = {
  name: 'ballots',
  about:
    `Participatory-budgeting ballots cast per second over HTTP by ${CLIENTS} concurrent clients (a separate process, keep-alive connections), each ballot a real form post ` +
    'with session, CSRF, eligibility and validation, the one-ballot-per-voter constraint and a receipt; "exact" means every voter got a receipt and the database holds exactly one ballot per voter.',
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadavg: { before: loadBefore.map((x) => round(x)), after: loadAfter.map((x) => round(x)) },
  },
  input: { ballot: 'knapsack, 10 projects, 1–4 chosen', warmup_ballots: WARMUP, postgres: pgUrl ? 'measured' : 'not measured (BENCH_DATABASE_URL unset)' },
  figures,
};
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
writeFileSync(path.join(root, 'bench', 'results', 'ballots.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`wrote bench/results/ballots.json (load average ${result.machine.loadavg.before.join(' ')} before, ${result.machine.loadavg.after.join(' ')} after)`);
if (Object.values(figures).some((f) => f.exact === false)) process.exitCode = 1;
