// Load generator for the reports benchmark, run as its own process so it never shares an event
// loop with the servers it measures: `node --import tsx bench/reports-cannon.ts spec.json`.
// Every request is drawn at random from the spec's list (different bounding boxes, ids, pages,
// bodies), so no answer can be served from a cache warmed by the previous identical request.
// Latency percentiles are exact, computed from every response's time; prints one JSON line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface CannonRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** Base64, so binary multipart bodies survive the JSON spec file. */
  body?: string;
}

export interface CannonSpec {
  url: string;
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  duration: number;
  /** Exactly this many requests, each one answered before the run ends. */
  amount?: number;
  timeoutS: number;
  requests: CannonRequest[];
}

export interface CannonOutcome {
  requests: number;
  seconds: number;
  req_per_s: number;
  latency_ms: { p50: number; p95: number; p99: number; max: number; mean: number };
  status: Record<string, number>;
  errors: number;
  timeouts: number;
  mean_bytes: number;
}

interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

interface AutocannonInstance {
  on(event: 'response', fn: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
}
type Autocannon = (
  opts: Record<string, unknown>,
  done: (err: Error | null, result: { errors: number; timeouts: number; duration: number }) => void,
) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (x: number) => Math.round(x * 10) / 10;

function runCannon(spec: CannonSpec): Promise<CannonOutcome> {
  const pool: RawRequest[] = spec.requests.map((r) => ({
    method: r.method,
    path: r.path,
    headers: r.headers ?? {},
    ...(r.body !== undefined ? { body: Buffer.from(r.body, 'base64') } : {}),
  }));
  const latencies: number[] = [];
  const status: Record<string, number> = {};
  let bytes = 0;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        ...(spec.amount ? { amount: spec.amount } : { duration: spec.duration }),
        timeout: spec.timeoutS,
        requests: [
          {
            setupRequest: (req: RawRequest) => {
              const next = pool[Math.floor(Math.random() * pool.length)]!;
              return { ...req, method: next.method, path: next.path, headers: { ...req.headers, ...next.headers }, body: next.body ?? Buffer.alloc(0) };
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const seconds = (performance.now() - started) / 1000;
        latencies.sort((a, b) => a - b);
        resolve({
          requests: latencies.length,
          seconds: round(seconds),
          req_per_s: round(latencies.length / seconds),
          latency_ms: {
            p50: round(percentile(latencies, 50)),
            p95: round(percentile(latencies, 95)),
            p99: round(percentile(latencies, 99)),
            max: round(latencies[latencies.length - 1] ?? 0),
            mean: round(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)),
          },
          status,
          errors: result.errors,
          timeouts: result.timeouts,
          mean_bytes: Math.round(bytes / Math.max(1, latencies.length)),
        });
      },
    );
    instance.on('response', (_client, statusCode, resBytes, responseTime) => {
      latencies.push(responseTime);
      status[statusCode] = (status[statusCode] ?? 0) + 1;
      bytes += resBytes;
    });
  });
}

// The parent imports only this file's types (erased), so this runs only as the child process.
const spec = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as CannonSpec;
process.stdout.write(JSON.stringify(await runCannon(spec)) + '\n');
