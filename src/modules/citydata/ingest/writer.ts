// Group commit: observations queue up while a transaction is being written; the next transaction
// takes everything queued (up to maxBatch). A message is settled only after its batch has committed,
// and the broker acknowledges a QoS 1 message only then. Under light load a batch is one message and
// leaves at once; under load batches grow and the commit cost is shared.
//
// One transaction at a time, on purpose: a second one overlapping the first (measured on PostgreSQL)
// only split the queue into smaller batches that then waited for each other's row locks on the same
// entities; it was no faster and slower under load. Acknowledgements thus leave in arrival order.
import type { AppContext } from '../../../core/context.ts';
import { applyObservations, type Observation } from './apply.ts';
import { fileWorkOrders } from '../rules/work-orders.ts';
import type { IngestStats } from './stats.ts';

interface Queued {
  obs: Observation;
  done: (err?: Error) => void;
}

export class BatchWriter {
  private queue: Queued[] = [];
  private flushing: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly stats: IngestStats,
    private readonly maxBatch = 4000,
  ) {}

  /** `done` is called once the observation is committed, or with the error that kept it from being stored. */
  write(obs: Observation, done: (err?: Error) => void): void {
    if (this.closed) return done(new Error('ingestion is stopping'));
    this.queue.push({ obs, done });
    // After the current socket reads: what they carry joins the first batch.
    if (!this.flushing) this.flushing = new Promise<void>((r) => setImmediate(r)).then(() => this.drain());
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.commit();
    } finally {
      this.flushing = undefined;
    }
  }

  private async commit(): Promise<void> {
    let batch: Queued[] | undefined;
    // The batch is taken once the transaction is open: what arrived while it opened rides along.
    const take = () => (batch ??= this.queue.splice(0, this.maxBatch));
    const drops = this.stats.takeUnsaved();
    let result;
    try {
      result = await this.ctx.database.transaction(async (tx) => {
        const r = await applyObservations(this.ctx, tx, take().map((q) => q.obs), { mergeState: true });
        for (const [name, n] of drops) {
          await tx.query('insert into citydata_counters (name, n) values ($1, $2) on conflict (name) do update set n = citydata_counters.n + excluded.n', [name, n]);
        }
        return r;
      });
    } catch (err) {
      this.stats.restoreUnsaved(drops);
      for (const q of take()) q.done(err as Error);
      return;
    }
    const done = take();
    this.stats.stored(done.length - result.duplicates, result.duplicates);
    for (const q of done) q.done();
    if (result.transitions.some((t) => t.triggered && t.rule.action === 'work_order')) {
      fileWorkOrders(this.ctx).catch((err) => console.error('[citydata] filing work orders failed', err));
    }
  }

  /** Waits for everything queued to commit, then refuses new writes. */
  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.closed = true;
  }
}
