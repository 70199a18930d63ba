// The durable job queue on the real test database. Each test registers its own uniquely named
// jobs on its own JobQueue and reads their rows back, so other tests' jobs never interfere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../testing/harness.ts';
import { unique } from '../testing/factories.ts';
import { backoffSeconds, JobQueue } from './queue.ts';

const { ctx } = await testApp();

interface JobRow {
  status: string;
  attempts: number;
  last_error: string | null;
  finished_at: string | null;
  /** Seconds from now until the job is due again. */
  due_in: number;
}

async function job(id: number): Promise<JobRow> {
  const [row] = await ctx.database.query<JobRow>(
    `select status, attempts, last_error, finished_at::text, extract(epoch from run_at - now())::float8 as due_in from jobs where id = $1`,
    [id],
  );
  assert.ok(row, `job ${id} exists`);
  return row;
}

/** Pretend the backoff delay has passed. */
async function makeDue(id: number): Promise<void> {
  await ctx.database.query('update jobs set run_at = now() where id = $1', [id]);
}

test('backoff doubles from 5 s and is capped at one hour', () => {
  assert.deepEqual([1, 2, 3, 4].map(backoffSeconds), [5, 10, 20, 40]);
  assert.equal(backoffSeconds(30), 3600);
});

test('a due job runs exactly once and is marked done', async () => {
  const queue = new JobQueue(ctx.database);
  const name = unique('test.once-');
  const seen: { payload: Record<string, unknown>; attempt: number }[] = [];
  queue.register(name, async (payload, job) => {
    seen.push({ payload, attempt: job.attempt });
  });
  const id = await queue.enqueue(name, { city: 'Cluj-Napoca', n: 3 });
  assert.ok(id);
  await queue.runDue();
  await queue.runDue();
  assert.deepEqual(seen, [{ payload: { city: 'Cluj-Napoca', n: 3 }, attempt: 1 }]);
  const row = await job(id);
  assert.equal(row.status, 'done');
  assert.equal(row.attempts, 1);
  assert.ok(row.finished_at);
});

test('a job scheduled for later does not run before its time', async () => {
  const queue = new JobQueue(ctx.database);
  const name = unique('test.later-');
  let runs = 0;
  queue.register(name, async () => void runs++);
  const id = await queue.enqueue(name, {}, { runAt: new Date(Date.now() + 3600_000) });
  await queue.runDue();
  assert.equal(runs, 0);
  assert.equal((await job(id!)).status, 'queued');
  await makeDue(id!);
  await queue.runDue();
  assert.equal(runs, 1);
});

test('a failing job is retried with exponential backoff, then marked failed after max_attempts', async () => {
  const queue = new JobQueue(ctx.database);
  const name = unique('test.flaky-');
  const attempts: { attempt: number; lastAttempt: boolean }[] = [];
  queue.register(name, async (_payload, job) => {
    attempts.push({ attempt: job.attempt, lastAttempt: job.lastAttempt });
    throw new Error(`boom ${job.attempt}`);
  });
  const id = (await queue.enqueue(name, {}, { maxAttempts: 3 }))!;

  await queue.runDue();
  let row = await job(id);
  assert.equal(row.status, 'queued');
  assert.equal(row.attempts, 1);
  assert.equal(row.last_error, 'boom 1');
  assert.ok(row.due_in > backoffSeconds(1) - 2 && row.due_in <= backoffSeconds(1), `due again in ~${backoffSeconds(1)} s, got ${row.due_in}`);
  await queue.runDue();
  assert.equal(attempts.length, 1, 'not retried before its backoff has passed');

  await makeDue(id);
  await queue.runDue();
  row = await job(id);
  assert.equal(row.status, 'queued');
  assert.equal(row.attempts, 2);
  assert.equal(row.last_error, 'boom 2');
  assert.ok(row.due_in > backoffSeconds(2) - 2 && row.due_in <= backoffSeconds(2), `due again in ~${backoffSeconds(2)} s, got ${row.due_in}`);

  await makeDue(id);
  await queue.runDue();
  row = await job(id);
  assert.equal(row.status, 'failed');
  assert.equal(row.attempts, 3);
  assert.equal(row.last_error, 'boom 3');
  assert.ok(row.finished_at);
  assert.deepEqual(attempts, [
    { attempt: 1, lastAttempt: false },
    { attempt: 2, lastAttempt: false },
    { attempt: 3, lastAttempt: true },
  ]);

  await makeDue(id);
  await queue.runDue();
  assert.equal(attempts.length, 3, 'a failed job is never run again');
});

test('a second enqueue with the same dedupe key is ignored', async () => {
  const queue = new JobQueue(ctx.database);
  const name = unique('test.dedupe-');
  const payloads: unknown[] = [];
  queue.register(name, async (payload) => void payloads.push(payload));
  const key = unique('key-');
  const first = await queue.enqueue(name, { v: 1 }, { dedupeKey: key });
  const second = await queue.enqueue(name, { v: 2 }, { dedupeKey: key });
  assert.ok(first);
  assert.equal(second, null);
  const [count] = await ctx.database.query<{ n: number }>('select count(*)::int as n from jobs where dedupe_key = $1', [key]);
  assert.equal(count!.n, 1);
  await queue.runDue();
  assert.deepEqual(payloads, [{ v: 1 }]);
});

test('a job nobody handles fails at once with the reason, without retries', async () => {
  const queue = new JobQueue(ctx.database);
  const name = unique('test.unknown-');
  const id = (await queue.enqueue(name, {}, { maxAttempts: 5 }))!;
  await queue.runDue();
  const row = await job(id);
  assert.equal(row.status, 'failed');
  assert.equal(row.attempts, 1);
  assert.match(row.last_error ?? '', new RegExp(`no handler registered for job "${name}"`));
});

test('two workers running due jobs at the same time never run one job twice', async () => {
  const name = unique('test.concurrent-');
  const ran: { worker: string; id: number }[] = [];
  const workers = ['a', 'b'].map((worker) => {
    const queue = new JobQueue(ctx.database);
    // The pause keeps each job in flight while the other worker claims, so their claims interleave.
    queue.register(name, async (_payload, job) => {
      ran.push({ worker, id: job.jobId });
      await new Promise((r) => setTimeout(r, 5));
    });
    return queue;
  });
  const ids: number[] = [];
  for (let i = 0; i < 40; i++) ids.push((await workers[0]!.enqueue(name, { i }))!);

  await Promise.all(workers.map((w) => w.runDue()));

  const counts = new Map<number, number>();
  for (const r of ran) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1);
  assert.deepEqual(twice, [], 'jobs run more than once');
  assert.deepEqual([...counts.keys()].sort((x, y) => x - y), ids);
  for (const w of ['a', 'b']) assert.ok(ran.some((r) => r.worker === w), `worker ${w} ran no job, so the two never competed`);
  const rows = await ctx.database.query<{ status: string; attempts: number }>('select status, attempts from jobs where name = $1', [name]);
  assert.ok(rows.every((r) => r.status === 'done' && r.attempts === 1));
});
