// Durable jobs in the `jobs` table, claimed with FOR UPDATE SKIP LOCKED so several workers (or app
// processes on one PostgreSQL) never run a job twice at once. Failures retry with exponential backoff.
// Chosen over pg-boss/graphile-worker because those need a real PostgreSQL server and PGlite is our default.
import type { Database, TxQuery } from '../db/database.ts';

export interface JobContext {
  attempt: number;
  jobId: number;
  /** True when a failure of this attempt marks the job failed instead of retrying it. */
  lastAttempt: boolean;
}
export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

export interface EnqueueOptions {
  runAt?: Date;
  /** A second enqueue with the same key is ignored while the first exists. */
  dedupeKey?: string;
  maxAttempts?: number;
}

interface ClaimedJob {
  id: number;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 5 * 2 ** Math.max(0, attempt - 1));
}

export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly database: Database, private readonly pollMs = 1000) {}

  register(name: string, handler: JobHandler): void {
    if (this.handlers.has(name)) throw new Error(`job ${name} registered twice`);
    this.handlers.set(name, handler);
  }

  async enqueue(name: string, payload: Record<string, unknown>, opts: EnqueueOptions = {}, tx?: TxQuery): Promise<number | null> {
    const q = tx ?? this.database;
    const rows = await q.query<{ id: number }>(
      `insert into jobs (name, payload, run_at, dedupe_key, max_attempts)
       values ($1, $2, coalesce($3::timestamptz, now()), $4, $5)
       on conflict (dedupe_key) do nothing returning id::int as id`,
      [name, JSON.stringify(payload), opts.runAt?.toISOString() ?? null, opts.dedupeKey ?? null, opts.maxAttempts ?? 5],
    );
    return rows[0]?.id ?? null;
  }

  private async claim(): Promise<ClaimedJob | undefined> {
    const [job] = await this.database.query<ClaimedJob>(
      `update jobs set status = 'running', attempts = attempts + 1, locked_until = now() + interval '5 minutes'
       where id = (
         select id from jobs
         where (status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now())
         order by run_at, id for update skip locked limit 1)
       returning id::int as id, name, payload, attempts, max_attempts`,
    );
    return job;
  }

  /** Runs due jobs until none is left (or `max` ran). Returns how many ran. */
  async runDue(max = 100): Promise<number> {
    let n = 0;
    while (n < max) {
      const job = await this.claim();
      if (!job) break;
      n++;
      const handler = this.handlers.get(job.name);
      try {
        if (!handler) throw new Error(`no handler registered for job "${job.name}"`);
        await handler(job.payload, { attempt: job.attempts, jobId: job.id, lastAttempt: job.attempts >= job.max_attempts });
        await this.database.query(`update jobs set status = 'done', finished_at = now(), locked_until = null where id = $1`, [job.id]);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (job.attempts >= job.max_attempts || !handler) {
          await this.database.query(
            `update jobs set status = 'failed', last_error = $2, finished_at = now(), locked_until = null where id = $1`,
            [job.id, message],
          );
        } else {
          await this.database.query(
            `update jobs set status = 'queued', last_error = $2, locked_until = null,
               run_at = now() + make_interval(secs => $3) where id = $1`,
            [job.id, message, backoffSeconds(job.attempts)],
          );
        }
      }
    }
    return n;
  }

  start(): void {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runDue()
        .then(() => undefined)
        .catch((err) => console.error('[jobs] worker error', err))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.pollMs);
        });
    };
    this.timer = setTimeout(tick, 50);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
