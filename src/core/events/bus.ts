// Domain events: stored in `events` (the public ones feed "what is happening now"), delivered to
// in-process subscribers (SSE streams). Delivery always goes through LISTEN/NOTIFY: on PostgreSQL an
// event raised in one app process reaches browsers connected to any other, and on both engines a
// notification is only delivered when its transaction commits, so a rolled-back event is never seen.
import { EventEmitter } from 'node:events';
import type { Database, TxQuery } from '../db/database.ts';

export interface DomainEvent {
  id: number;
  type: string;
  public: boolean;
  payload: Record<string, unknown>;
  at: string;
}

export interface NewEvent {
  type: string;
  public: boolean;
  payload: Record<string, unknown>;
}

const CHANNEL = 'dezvolt_events';

export class EventBus {
  private readonly emitter = new EventEmitter();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private readonly database: Database) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    this.unlisten = await this.database.listen(CHANNEL, (raw) => {
      void this.onNotification(raw);
    });
  }

  private async onNotification(raw: string): Promise<void> {
    try {
      const msg = JSON.parse(raw) as { id: number } | DomainEvent;
      if ('type' in msg) {
        this.emitter.emit('event', msg);
        return;
      }
      // Large payloads travel by id only (NOTIFY payloads are limited to 8000 bytes).
      const [row] = await this.database.query<DomainEvent>(
        `select id::int as id, type, public, payload, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at from events where id = $1`,
        [msg.id],
      );
      if (row) this.emitter.emit('event', row);
    } catch (err) {
      console.error('[events] bad notification', err);
    }
  }

  /** Records and delivers an event. Pass `tx` to record it in the caller's transaction. */
  async publish(ev: NewEvent, tx?: TxQuery): Promise<DomainEvent> {
    const q = tx ?? this.database;
    const [row] = await q.query<{ id: number; at: string }>(
      `insert into events (type, public, payload) values ($1, $2, $3)
       returning id::int as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at`,
      [ev.type, ev.public, JSON.stringify(ev.payload)],
    );
    const full: DomainEvent = { ...ev, id: row!.id, at: row!.at };
    const body = JSON.stringify(full);
    // Inside a transaction the notification waits for the commit and vanishes on rollback.
    await q.query('select pg_notify($1, $2)', [CHANNEL, Buffer.byteLength(body) < 7900 ? body : JSON.stringify({ id: full.id })]);
    return full;
  }

  subscribe(fn: (ev: DomainEvent) => void): () => void {
    this.emitter.on('event', fn);
    return () => this.emitter.off('event', fn);
  }

  async recentPublic(limit: number): Promise<DomainEvent[]> {
    return this.database.query<DomainEvent>(
      `select id::int as id, type, public, payload, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
       from events where public order by at desc, id desc limit $1`,
      [limit],
    );
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.emitter.removeAllListeners();
  }
}
