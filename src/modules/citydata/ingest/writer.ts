// Group commit: observations queue up while a transaction is being written; the next transaction
// takes everything queued (up to maxBatch). A message's promise resolves only after its batch has
// committed, and the broker acknowledges a QoS 1 message only then. Under light load a batch is one
// message and leaves at once; under load batches grow and the commit cost is shared.
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
    private readonly maxBatch = 2000,
  ) {}

  /** Resolves once the observation is committed. */
  write(obs: Observation): Promise<void> {
    if (this.closed) return Promise.reject(new Error('ingestion is stopping'));
    return new Promise((resolve, reject) => {
      this.queue.push({ obs, done: (err) => (err ? reject(err) : resolve()) });
      if (!this.flushing) this.flushing = new Promise<void>((r) => setImmediate(r)).then(() => this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.commit(batch);
      }
    } finally {
      this.flushing = undefined;
    }
  }

  private async commit(batch: Queued[]): Promise<void> {
    const drops = this.stats.takeUnsaved();
    try {
      const result = await this.ctx.database.transaction(async (tx) => {
        const r = await applyObservations(this.ctx, tx, batch.map((q) => q.obs), { mergeState: true });
        for (const [name, n] of drops) {
          await tx.query('insert into citydata_counters (name, n) values ($1, $2) on conflict (name) do update set n = citydata_counters.n + excluded.n', [name, n]);
        }
        return r;
      });
      this.stats.stored(batch.length - result.duplicates, result.duplicates);
      for (const q of batch) q.done();
      if (result.transitions.some((t) => t.triggered && t.rule.action === 'work_order')) {
        fileWorkOrders(this.ctx).catch((err) => console.error('[citydata] filing work orders failed', err));
      }
    } catch (err) {
      this.stats.restoreUnsaved(drops);
      for (const q of batch) q.done(err as Error);
    }
  }

  /** Waits for everything queued to commit, then refuses new writes. */
  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.closed = true;
  }
}
