// Live updates for the map and table over server-sent events. One poller per process reads the
// entities changed since its last look (every 2 s, only while someone listens) and fans the changes
// out; polling the table rather than an in-process emitter lets every app process on one PostgreSQL
// show readings that another process's broker received.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { changedSince, type LiveItem } from '../queries.ts';
import { formatReading } from '../pages/format.ts';
import { seesPrivate, typeQuery } from './public.tsx';
import type { Translate } from '../../../core/i18n/catalog.ts';

type Listener = (items: (LiveItem & { public: boolean })[]) => void;

class Poller {
  private listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private since = new Date().toISOString();

  constructor(
    private readonly ctx: AppContext,
    private readonly everyMs: number,
  ) {}

  add(fn: Listener): () => void {
    this.listeners.add(fn);
    if (!this.timer) {
      this.since = new Date().toISOString();
      this.schedule();
    }
    return () => {
      this.listeners.delete(fn);
      if (this.listeners.size === 0 && this.timer) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
    };
  }

  private schedule(): void {
    this.timer = setTimeout(() => void this.tick(), this.everyMs);
  }

  private async tick(): Promise<void> {
    try {
      const { items, until } = await changedSince(this.ctx, this.since);
      this.since = until;
      if (items.length) for (const fn of this.listeners) fn(items);
    } catch (err) {
      console.error('[citydata] live poll failed', err);
    }
    if (this.listeners.size > 0) this.schedule();
    else this.timer = undefined;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }
}

/** The compact form the island reads: [urn, type, name, value as text, lng, lat, raw value, updatedAt]. */
function compact(t: Translate, locale: string, i: LiveItem): unknown[] {
  return [i.urn, i.type, i.name, formatReading(t, locale, i.value, i.unit), i.lng, i.lat, typeof i.value === 'number' ? i.value : i.value === null ? null : String(i.value), i.updatedAt];
}

export function registerStreamRoutes(app: FastifyInstance, ctx: AppContext): void {
  const poller = new Poller(ctx, 2_000);
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    poller.stop();
    for (const res of open) res.end();
  });
  app.get<{ Querystring: { type?: string } }>(
    '/citydata/stream',
    { config: { rateLimit: false }, schema: { tags: ['city data'], summary: 'Server-sent events: sensors whose latest state changed (event "state")', querystring: typeQuery } },
    (req, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      open.add(res);
      res.write(': connected\n\nretry: 5000\n\n');
      const privateToo = seesPrivate(req);
      const type = req.query.type || undefined;
      const unsubscribe = poller.add((items) => {
        const mine = items.filter((i) => (privateToo || i.public) && (!type || i.type === type));
        if (mine.length) res.write(`event: state\ndata: ${JSON.stringify(mine.map((i) => compact(req.t, req.locale, i)))}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
      req.raw.on('close', () => {
        open.delete(res);
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
}
