// One engine's run of the reports benchmark: `node --import tsx bench/reports-engine.ts pglite|postgres`
// (reports.bench.ts starts it once per engine). Starts Dezvolt in this process on a fresh database
// with the demo city, bulk-seeds N reports, starts the raw-SQL baseline beside it, checks that both
// answer the same reports, then measures each endpoint on both with autocannon in a child process.
// Writes bench/results/reports-<engine>.json; exits 1 on wrong answers or a missed target.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../src/core/config/config.ts';
import { startServer, type RunningServer } from '../src/core/server.ts';
import { pgliteClient } from '../src/core/db/pglite.ts';
import { createSession } from '../src/core/auth/sessions.ts';
import { hmac, randomToken } from '../src/core/auth/tokens.ts';
import type { BenchResult } from './report.ts';
import type { CannonOutcome, CannonRequest, CannonSpec } from './reports-cannon.ts';
import { startBaseline, type PageShell, type RawQuery } from './reports-baseline.ts';
import { seedBenchReports, type SeedStats } from './reports-seed.ts';
import * as mix from './reports-requests.ts';
import { checkSameAnswers } from './reports-check.ts';

type Engine = 'pglite' | 'postgres';
const engine = process.argv[2] as Engine;
if (engine !== 'pglite' && engine !== 'postgres') throw new Error('usage: reports-engine.ts pglite|postgres');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env['BENCH_REPORTS']) || (engine === 'postgres' ? 1_000_000 : 100_000);
const CONNECTIONS = 50;
const WARMUP_S = 3;
const DURATION_S = Number(process.env['BENCH_DURATION_S']) || 10;
/** The issue's targets, which it sets for PostgreSQL. */
const TARGETS = engine === 'postgres' ? { api: 50, page: 100 } : undefined;
const RATIO_TARGET = 0.6;
const MIN_ANSWERS = 200;
const BENCH_DB = 'dz_bench_reports';

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const log = (line: string) => console.log(`[reports ${engine}] ${line}`);
const tmp = mkdtempSync(path.join(os.tmpdir(), `dezvolt-bench-reports-${engine}-`));

async function cannon(spec: CannonSpec): Promise<CannonOutcome> {
  const file = path.join(tmp, `spec-${randomToken(6)}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/reports-cannon.ts'), file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (c: string) => (out += c));
  const [code] = (await once(child, 'close')) as [number];
  rmSync(file, { force: true });
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  return JSON.parse(out.trim().split('\n').pop()!) as CannonOutcome;
}

/**
 * Waits until the database has finished what the last run left behind: a query keeps running after
 * its client hung up, and it must not slow down the next measurement.
 */
async function drain(database: RunningServer['ctx']['database']): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (engine === 'pglite') {
      await database.query('select 1'); // PGlite runs one statement at a time: this waits for the queue
      if (i >= 2) return;
    } else {
      const [row] = await database.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
      );
      if (row!.n === 0) return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Warm-up, then the measured run; slow endpoints get a longer run so the percentiles rest on enough answers. */
async function measure(url: string, requests: CannonRequest[], database: RunningServer['ctx']['database']): Promise<CannonOutcome & { duration_s: number }> {
  await drain(database);
  const warm = await cannon({ url, connections: CONNECTIONS, duration: WARMUP_S, timeoutS: 300, requests });
  await drain(database);
  // At least ~200 answers (one per connection at the very least) when the warm-up's pace allows it in two minutes.
  const duration = warm.req_per_s * DURATION_S >= MIN_ANSWERS ? DURATION_S : Math.min(120, Math.ceil(MIN_ANSWERS / Math.max(warm.req_per_s, 0.1)));
  const r = await cannon({ url, connections: CONNECTIONS, duration, timeoutS: 300, requests });
  await drain(database);
  return { ...r, duration_s: duration };
}

/** Waits until no more reports carrying `tag` appear (at most two minutes). */
async function settled(database: RunningServer['ctx']['database'], tag: string): Promise<void> {
  let last = -1;
  for (let i = 0; i < 60; i++) {
    const [row] = await database.query<{ n: number }>(`select count(*)::int as n from reports where id > $1 and description like $2`, [firstSeededMax, `%[${tag}]%`]);
    if (row!.n === last) return;
    last = row!.n;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

let firstSeededMax = 0;
const ok2xx = (r: CannonOutcome) => Object.entries(r.status).every(([code]) => code.startsWith('2')) && r.errors === 0 && r.timeouts === 0;
const statusText = (r: CannonOutcome) => Object.entries(r.status).map(([c, n]) => `${n}×${c}`).join(', ') + (r.errors ? `, ${r.errors} errors` : '') + (r.timeouts ? `, ${r.timeouts} timeouts` : '');

// --- database ---------------------------------------------------------------------------------
let databaseUrl: string | undefined;
let adminUrl: string | undefined;
if (engine === 'postgres') {
  adminUrl = process.env['BENCH_DATABASE_URL'];
  if (!adminUrl) throw new Error('BENCH_DATABASE_URL is not set');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
  await admin.query(`create database ${BENCH_DB}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${BENCH_DB}`;
  databaseUrl = u.toString();
}

const config = loadConfig({
  DEZVOLT_DATA_DIR: path.join(tmp, 'data'),
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  PORT: '0',
  HOST: '127.0.0.1',
  DEZVOLT_RATE_LIMIT: '0',
  LOG_LEVEL: 'silent',
  DEZVOLT_SEED_DEMO: '1',
  DEZVOLT_SECRET: 'bench-secret-bench-secret',
});

let dezvolt: RunningServer | undefined;
let baseline: Server | undefined;
let baselinePool: pg.Pool | undefined;
let failed = false;
try {
  log(`starting Dezvolt on ${engine === 'postgres' ? `PostgreSQL database ${BENCH_DB}` : `PGlite in ${config.dataDir}`} (demo seed first)`);
  dezvolt = await startServer(config, () => {});
  const { ctx } = dezvolt;
  const base = `http://127.0.0.1:${(dezvolt.app.server.address() as AddressInfo).port}`;

  log(`seeding ${N.toLocaleString('en')} reports with bulk SQL`);
  const seed: SeedStats = await seedBenchReports(ctx.database, N, log);
  log(`seeded in ${seed.seconds} s: ${seed.reports} reports, ${seed.report_updates} updates, ${seed.report_followers} followers, ${seed.report_photos} photos`);

  firstSeededMax = (await ctx.database.query<{ max: number }>('select max(id)::int as max from reports'))[0]!.max;
  const ids = (await ctx.database.query<{ id: number }>(`select id::int as id from reports where status <> 'unconfirmed' and hidden_at is null order by random() limit 3000`)).map((r) => r.id);
  const categories = (await ctx.database.query<{ code: string }>('select code from categories where active order by code')).map((r) => r.code);
  const districts = (await ctx.database.query<{ id: number }>(`select id from areas where kind = 'district' order by id`)).map((r) => r.id);
  const citizens = (await ctx.database.query<{ id: string }>(`select id from users where email like '%@bench.dezvolt.test' order by email limit ${CONNECTIONS}`)).map((r) => r.id);
  const sessions: mix.SignedIn[] = [];
  for (const id of citizens) {
    const seedValue = randomToken(18);
    sessions.push({ cookie: `dz_csrf=${seedValue}; dz_session=${await createSession(ctx.database, id)}`, csrf: hmac(ctx.secret, seedValue) });
  }
  // Returning visitors carry the CSRF cookie the site gave them; the map island's fetches send it too.
  const visitorCookie = { cookie: `dz_csrf=${randomToken(18)}` };
  const asVisitor = (rs: CannonRequest[]) => rs.map((r) => ({ ...r, headers: { ...r.headers, ...visitorCookie } }));

  // --- baseline on the same database ---------------------------------------------------------
  let rawQuery: RawQuery;
  if (engine === 'postgres') {
    baselinePool = new pg.Pool({ connectionString: databaseUrl, max: 10 }); // the app's pool size
    const pool = baselinePool;
    rawQuery = async <T,>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[];
  } else {
    const client = pgliteClient(ctx.database)!;
    rawQuery = async <T,>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params ?? [])).rows;
  }
  const listHtml = await (await fetch(`${base}/reports`)).text();
  const mainOpen = /<main[^>]*>/.exec(listHtml);
  const mainClose = listHtml.lastIndexOf('</main>');
  if (!mainOpen || mainClose < 0) throw new Error('cannot find <main> in the Dezvolt list page');
  const shell: PageShell = { head: listHtml.slice(0, mainOpen.index + mainOpen[0].length), tail: listHtml.slice(mainClose) };
  baseline = await startBaseline(rawQuery, shell, ctx.config.baseUrl);
  const raw = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}`;

  const open311Status = (await fetch(`${base}/open311/v2/requests.json?page_size=1`)).status;
  const open311Available = open311Status === 200;

  const endpoints: { name: string; target?: number; requests: CannonRequest[]; detail?: string }[] = [
    { name: 'map API, zoomed in (zoom 17, centre)', target: TARGETS?.api, requests: asVisitor(mix.zoomedInRequests()) },
    { name: 'map API, whole city clustered (zoom 12)', target: TARGETS?.api, requests: asVisitor(mix.wholeCityRequests()) },
    { name: 'report list page /reports', target: TARGETS?.page, requests: asVisitor(mix.listRequests()) },
    { name: 'filtered list page /reports?status&category&district', target: TARGETS?.page, requests: asVisitor(mix.filteredListRequests(categories, districts)) },
    { name: 'report page /reports/:id', target: TARGETS?.page, requests: asVisitor(mix.reportPageRequests(ids)) },
    ...(open311Available ? [{ name: 'Open311 GET /open311/v2/requests.json', requests: mix.open311Requests(categories) }] : []),
  ];
  log('checking that Dezvolt and the baseline answer the same reports');
  const details = await checkSameAnswers(base, raw, endpoints.map((e) => e.requests));
  endpoints.forEach((e, i) => (e.detail = details[i]));

  const figures: BenchResult['figures'] = {};
  const loadBefore = os.loadavg();
  for (const e of endpoints) {
    const load = os.loadavg()[0]!;
    log(`${e.name}: Dezvolt`);
    const d = await measure(base, e.requests, ctx.database);
    log(`  ${d.req_per_s} req/s, p95 ${d.latency_ms.p95} ms, p99 ${d.latency_ms.p99} ms (${statusText(d)})`);
    log(`${e.name}: baseline`);
    const b = await measure(raw, e.requests, ctx.database);
    log(`  ${b.req_per_s} req/s, p95 ${b.latency_ms.p95} ms, p99 ${b.latency_ms.p99} ms (${statusText(b)})`);
    const ratio = round(d.req_per_s / b.req_per_s, 2);
    const correct = ok2xx(d) && ok2xx(b);
    if (!correct) failed = true;
    figures[e.name] = {
      req_per_s: d.req_per_s,
      p50_ms: d.latency_ms.p50,
      p95_ms: d.latency_ms.p95,
      p99_ms: d.latency_ms.p99,
      baseline_req_per_s: b.req_per_s,
      baseline_p95_ms: b.latency_ms.p95,
      ratio,
      ...(e.target !== undefined ? { target_p95_ms: e.target, p95_met: d.latency_ms.p95 < e.target } : {}),
      ratio_met: ratio >= RATIO_TARGET,
      kb: round(d.mean_bytes / 1024),
      baseline_kb: round(b.mean_bytes / 1024),
      load_1m: round(load, 2),
      detail: [e.detail, d.duration_s !== DURATION_S ? `${d.duration_s} s run` : '', correct ? '' : `WRONG ANSWERS: Dezvolt ${statusText(d)}; baseline ${statusText(b)}`].filter(Boolean).join('; '),
    };
  }
  if (!open311Available) figures['Open311 GET /open311/v2/requests.json'] = { load_1m: round(os.loadavg()[0]!, 2), detail: `not available: the route answered ${open311Status}` };

  for (const withPhoto of [false, true]) {
    const name = withPhoto ? 'POST /reports, one 4032×3024 phone photo' : 'POST /reports (multipart, no photo)';
    const photo = withPhoto ? await mix.phonePhoto() : undefined;
    const load = os.loadavg()[0]!;
    log(`${name}: Dezvolt`);
    const variants = withPhoto ? 12 : 600;
    await drain(ctx.database);
    const warmTag = `bench-${randomToken(6)}`;
    const warm = await cannon({ url: base, connections: CONNECTIONS, duration: WARMUP_S, timeoutS: 600, requests: mix.postRequests(sessions, categories, warmTag, variants, photo) });
    // Uploads still in flight when the warm-up stopped must land before the measured run starts.
    await settled(ctx.database, warmTag);
    const tag = `bench-${randomToken(6)}`;
    // A fixed number of requests (about DURATION_S at the warm-up's pace), every one answered before
    // the run ends, so the rows created can be compared with the answers.
    const amount = Math.max(CONNECTIONS * 2, Math.round(warm.req_per_s * DURATION_S));
    const r = await cannon({ url: base, connections: CONNECTIONS, duration: DURATION_S, amount, timeoutS: 600, requests: mix.postRequests(sessions, categories, tag, variants, photo) });
    await new Promise((res) => setTimeout(res, 1000));
    const [rows] = await ctx.database.query<{ reports: number; photos: number }>(
      `select count(*)::int as reports, coalesce(sum((select count(*) from report_photos p where p.report_id = r.id)), 0)::int as photos
       from reports r where r.id > $1 and r.description like $2`,
      [firstSeededMax, `%[${tag}]%`],
    );
    const redirects = r.status['303'] ?? 0;
    const correct = redirects === r.requests && rows!.reports === redirects && (!withPhoto || rows!.photos === redirects) && r.errors === 0 && r.timeouts === 0;
    if (!correct) failed = true;
    log(`  ${r.req_per_s} req/s, p95 ${r.latency_ms.p95} ms (${statusText(r)}); ${rows!.reports} reports and ${rows!.photos} photos created`);
    figures[name] = {
      req_per_s: r.req_per_s,
      p50_ms: r.latency_ms.p50,
      p95_ms: r.latency_ms.p95,
      p99_ms: r.latency_ms.p99,
      kb: round((photo?.length ?? 0) / 1024),
      load_1m: round(load, 2),
      detail: `${r.requests} requests → ${redirects} × 303 See Other to the new report, ${rows!.reports} reports${withPhoto ? ` and ${rows!.photos} photos` : ''} created${correct ? '' : ' — MISMATCH'}; kb is the upload`,
    };
  }
  const loadAfter = os.loadavg();

  const serverVersion = engine === 'postgres' ? (await ctx.database.query<{ v: string }>("select current_setting('server_version') as v"))[0]!.v : undefined;
  const result: BenchResult = {
    name: `reports (${engine === 'postgres' ? 'PostgreSQL' : 'PGlite'})`,
    about:
      `Citizen reports at scale on ${engine === 'postgres' ? 'PostgreSQL' : 'PGlite (the embedded default)'}: Dezvolt serving ${N.toLocaleString('en')} bulk-seeded reports, ` +
      `${CONNECTIONS} connections from autocannon in its own process, each request drawn from a varied set (panned bounding boxes, pages, ids, filters), ${WARMUP_S} s warm-up then ${DURATION_S} s; ` +
      `p50/p95/p99 are exact over every answer. The baseline is a bare node:http server running the same SQL on the same database; ratio = Dezvolt req/s ÷ baseline req/s (target ≥ ${RATIO_TARGET})` +
      (TARGETS ? `; the issue's targets are p95 < ${TARGETS.api} ms for the map API and < ${TARGETS.page} ms for pages.` : '; the issue sets no latency target for PGlite.') +
      ' Reproduce with `npm run bench -- reports` (PGlite always; PostgreSQL too when BENCH_DATABASE_URL names a server).',
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu_model: os.cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadavg: { before: loadBefore.map((x) => round(x, 2)), after: loadAfter.map((x) => round(x, 2)) },
    },
    input: {
      engine: engine === 'postgres' ? `PostgreSQL ${serverVersion} (same machine)` : 'PGlite 0.5.8',
      reports: seed.reports,
      report_updates: seed.report_updates,
      report_followers: seed.report_followers,
      report_photos: seed.report_photos,
      seed_seconds: seed.seconds,
      connections: CONNECTIONS,
      warmup_s: WARMUP_S,
      duration_s: DURATION_S,
      rate_limit: 'off',
      logging: 'off',
    },
    figures,
  };
  const outDir = path.join(root, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, `reports-${engine}.json`), JSON.stringify(result, null, 2) + '\n');
  log(`wrote bench/results/reports-${engine}.json (load average ${result.machine.loadavg.before.join(' ')} before, ${result.machine.loadavg.after.join(' ')} after)`);
  const missed = Object.entries(figures).filter(([, f]) => f['p95_met'] === false || f['ratio_met'] === false);
  for (const [name, f] of missed) log(`MISSED ${name}: p95 ${f['p95_ms']} ms (target ${f['target_p95_ms'] ?? '–'}), ratio ${f['ratio']}`);
  if (missed.length) process.exitCode = 1;
} catch (err) {
  failed = true;
  console.error(err);
} finally {
  baseline?.close();
  await baselinePool?.end();
  await dezvolt?.stop();
  if (adminUrl && !process.env['BENCH_KEEP_DB']) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
    await admin.end();
  }
  rmSync(tmp, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
