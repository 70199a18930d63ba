// A real server-sent-events client over node:http for tests that listen on a port (the in-memory
// `app.inject` cannot hold a stream open).
import { request, type IncomingHttpHeaders } from 'node:http';

export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

export interface SseClient {
  status: number;
  headers: IncomingHttpHeaders;
  /** Every message received so far, in order (comments excluded). */
  messages: SseMessage[];
  /** Resolves with the first message (already received or still to come) matching `pred`. */
  next(pred: (m: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

function parse(block: string): SseMessage | undefined {
  const m: SseMessage = { data: '' };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (!line || line.startsWith(':')) continue;
    const i = line.indexOf(':');
    const field = i < 0 ? line : line.slice(0, i);
    const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
    if (field === 'data') data.push(value);
    else if (field === 'id') m.id = value;
    else if (field === 'event') m.event = value;
  }
  if (!data.length) return undefined;
  m.data = data.join('\n');
  return m;
}

export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const messages: SseMessage[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      let endedResolve!: () => void;
      const ended = new Promise<void>((r) => (endedResolve = r));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk.replace(/\r\n/g, '\n');
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const m = parse(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
          if (m) messages.push(m);
        }
        for (const w of waiters) w();
      });
      res.on('end', () => endedResolve());
      res.on('close', () => endedResolve());
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        messages,
        ended,
        close: () => req.destroy(),
        next(pred, timeoutMs = 5000) {
          return new Promise((ok, fail) => {
            const check = () => {
              const found = messages.find(pred);
              if (!found) return;
              waiters.delete(check);
              clearTimeout(timer);
              ok(found);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching server-sent event within ${timeoutMs} ms; received: ${JSON.stringify(messages)}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
      });
    });
    req.on('error', reject);
    req.end();
  });
}
