// Load generator for bench/ballots.bench.ts, run in its own process so that it does not share the
// server's event loop: N clients post ballots over keep-alive HTTP connections as fast as the
// server answers. Input: a JSON file (argv[2]); output: one JSON line on stdout.
import { readFileSync } from 'node:fs';
import { ballotForm, classify, runConcurrently, type Answer, type Submission } from '../src/modules/budgets/testing/ballot-load.ts';

interface Job {
  url: string;
  clients: number;
  voters: { cookie: string; csrf: string }[];
  plan: Submission[];
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Job;
const answers: Record<Answer, number> = { cast: 0, repeated: 0, already: 0, error: 0 };
const latencies: number[] = [];
const started = performance.now();
await runConcurrently(job.plan, job.clients, async (s) => {
  const voter = job.voters[s.voter]!;
  const t0 = performance.now();
  const res = await fetch(job.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: voter.cookie },
    body: ballotForm(s, voter.csrf),
    redirect: 'manual',
  });
  const body = await res.text();
  latencies.push(performance.now() - t0);
  answers[classify(res.status, body)]++;
});
const elapsed = performance.now() - started;
latencies.sort((a, b) => a - b);
const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]! * 10) / 10;
process.stdout.write(JSON.stringify({ elapsed_ms: Math.round(elapsed), requests: latencies.length, answers, p50_ms: pct(0.5), p99_ms: pct(0.99) }) + '\n');
