// Ingestion counters. Dropped messages (unknown device, wrong key, unreadable payload) are counted in
// memory and added to citydata_counters with the next committed batch; the log names each reason once
// a minute at most, so a misconfigured device cannot flood it.
export type DropReason = 'unknown_key' | 'unknown_device' | 'bad_topic' | 'bad_payload';

export class IngestStats {
  received = 0;
  committed = 0;
  duplicates = 0;
  /** Transactions that stored messages: committed / batches is the mean group-commit size. */
  batches = 0;
  private unsaved = new Map<string, number>();
  private lastLog = new Map<string, number>();

  drop(reason: DropReason, detail: string): void {
    const name = `dropped.${reason}`;
    this.unsaved.set(name, (this.unsaved.get(name) ?? 0) + 1);
    const now = Date.now();
    if ((this.lastLog.get(reason) ?? 0) < now - 60_000) {
      this.lastLog.set(reason, now);
      console.warn(`[citydata] dropped a message (${reason}): ${detail}`);
    }
  }

  stored(n: number, duplicates: number): void {
    this.committed += n;
    this.duplicates += duplicates;
    this.batches++;
  }

  takeUnsaved(): [string, number][] {
    const out = [...this.unsaved];
    this.unsaved = new Map();
    return out;
  }

  restoreUnsaved(entries: [string, number][]): void {
    for (const [k, n] of entries) this.unsaved.set(k, (this.unsaved.get(k) ?? 0) + n);
  }
}
