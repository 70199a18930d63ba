// Server-sent events: public domain events, translated for the connection's language.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { eventText } from './present.ts';

export function registerEventStream(app: FastifyInstance, ctx: AppContext): void {
  // A stream never finishes by itself, so server.close() would wait for every open tab to leave.
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });
  app.get(
    '/events/stream',
    {
      config: { rateLimit: false },
      schema: { tags: ['platform'], summary: 'Server-sent event stream of public city events (text/event-stream)' },
    },
    (req, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      open.add(res);
      res.write(': connected\n\nretry: 5000\n\n');
      const unsubscribe = ctx.events.subscribe((ev) => {
        if (!ev.public) return;
        const data = JSON.stringify({ id: ev.id, type: ev.type, at: ev.at, text: eventText(ctx.catalog, req.locale, req.t, ev) });
        res.write(`id: ${ev.id}\nevent: city\ndata: ${data}\n\n`);
      });
      // Comments keep proxies from closing an idle stream.
      const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
      req.raw.on('close', () => {
        open.delete(res);
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
}
