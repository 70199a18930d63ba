// HTTP throughput of Dezvolt against a floor: a bare node:http server replaying, byte for byte,
// the status, headers and body Dezvolt answered for the same URL. The gap is what the framework,
// the request context (session, language, CSRF) and page rendering cost.
// Run: node --import tsx bench/http.bench.ts   Writes bench/results/http.json.
// The load generator (autocannon) runs in a child process so it does not share the servers' event loop.
import { spawn } from 'node:child_process';
import { createServer, get, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/core/config/config.ts';
import { startServer } from '../src/core/server.ts';
import type { BenchResult } from './report.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const URLS = ['/', '/health'];
const CONNECTIONS = 10;
const WARMUP_S = 2;
const DURATION_S = 10;

interface Captured {
  status: number;
  /** Flat [name, value, name, value, ...] as received, minus what node:http writes by itself. */
  headers: string[];
  body: Buffer;
}

interface CannonResult {
  requests: { mean: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

// Node writes these per connection; copying them would only duplicate them.
const HOP_BY_HOP = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

function capture(url: string): Promise<Captured> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers: string[] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          if (!HOP_BY_HOP.has(res.rawHeaders[i]!.toLowerCase())) headers.push(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        }
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function rawServer(responses: Map<string, Captured>): Promise<Server> {
  const server = createServer((req, res) => {
    const r = responses.get(req.url ?? '');
    if (!r) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(r.status, r.headers);
    res.end(r.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

async function cannon(url: string, seconds: number): Promise<CannonResult> {
  const child = spawn(process.execPath, [path.join(root, 'node_modules/autocannon/autocannon.js'), '--json', '-c', String(CONNECTIONS), '-d', String(seconds), url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (c: string) => (out += c));
  const [code] = (await once(child, 'close')) as [number];
  if (code !== 0) throw new Error(`autocannon exited with ${code} for ${url}`);
  return JSON.parse(out.trim().split('\n').pop()!) as CannonResult;
}

async function measure(url: string): Promise<Record<string, number>> {
  await cannon(url, WARMUP_S);
  const r = await cannon(url, DURATION_S);
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return { req_per_s: round(r.requests.mean, 0), p50_ms: r.latency.p50, p99_ms: r.latency.p99, requests: r.requests.total };
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dezvolt-bench-'));
const config = loadConfig({
  DEZVOLT_DATA_DIR: dataDir,
  PORT: '0',
  HOST: '127.0.0.1',
  DEZVOLT_RATE_LIMIT: '0',
  LOG_LEVEL: 'silent',
  DEZVOLT_SEED_DEMO: '1',
  DEZVOLT_SECRET: 'bench-secret-bench-secret',
});
console.log(`starting Dezvolt with the demo city on ${dataDir}`);
const dezvolt = await startServer(config, () => {});
let raw: Server | undefined;
try {
  const base = `http://127.0.0.1:${(dezvolt.app.server.address() as AddressInfo).port}`;
  const responses = new Map<string, Captured>();
  for (const u of URLS) {
    const c = await capture(base + u);
    if (c.status !== 200) throw new Error(`GET ${u} answered ${c.status}`);
    responses.set(u, c);
  }
  raw = await rawServer(responses);
  const rawBase = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;

  const loadBefore = os.loadavg();
  const figures: BenchResult['figures'] = {};
  for (const u of URLS) {
    const bytes = responses.get(u)!.body.length;
    for (const [label, b] of [['Dezvolt', base], ['raw node:http, same bytes', rawBase]] as const) {
      const name = `GET ${u} · ${label}`;
      console.log(`${name}: ${WARMUP_S} s warm-up, then ${DURATION_S} s with ${CONNECTIONS} connections`);
      figures[name] = { ...(await measure(b + u)), body_bytes: bytes };
      console.log(`  ${figures[name]!.req_per_s} req/s, p99 ${figures[name]!.p99_ms} ms`);
    }
  }
  const loadAfter = os.loadavg();

  const result: BenchResult = {
    name: 'http',
    about:
      `Requests per second (mean over ${DURATION_S} s after a ${WARMUP_S} s warm-up, ${CONNECTIONS} connections, autocannon in its own process) ` +
      'and latency percentiles of Dezvolt on PGlite with the demo city, next to a bare node:http server replaying the same status, headers and body.',
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu_model: os.cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadavg: { before: loadBefore.map((x) => round(x)), after: loadAfter.map((x) => round(x)) },
    },
    input: { database: 'PGlite (demo seed)', rate_limit: 'off', logging: 'off', connections: CONNECTIONS, duration_s: DURATION_S },
    figures,
  };
  const outDir = path.join(root, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'http.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`wrote bench/results/http.json (load average ${result.machine.loadavg.before.join(' ')} before, ${result.machine.loadavg.after.join(' ')} after)`);
} finally {
  raw?.close();
  await dezvolt.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
