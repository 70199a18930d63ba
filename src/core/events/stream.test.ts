// GET /events/stream over a real socket: only public events, in the reader's language, only
// committed ones, and an open stream never holds up shutdown.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../testing/harness.ts';
import { unique } from '../testing/factories.ts';
import { openSse, type SseClient } from '../testing/sse-client.ts';
import { buildApp } from '../http/app.ts';

const { app, ctx } = await testApp();

let base = '';
const clients: SseClient[] = [];

before(async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});

after(() => {
  for (const c of clients) c.close();
});

async function connect(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const c = await openSse(url, headers);
  clients.push(c);
  return c;
}

function cityEvent(c: SseClient, type: string) {
  return c.next((m) => m.event === 'city' && (JSON.parse(m.data) as { type: string }).type === type);
}

test('the stream carries public events only, translated into the dz_lang cookie language', async () => {
  const sse = await connect(`${base}/events/stream`, { cookie: 'dz_lang=hu' });
  assert.equal(sse.status, 200);
  assert.match(String(sse.headers['content-type']), /^text\/event-stream/);

  const privateType = unique('test.private-');
  const publicType = unique('test.public-');
  await ctx.events.publish({ type: privateType, public: false, payload: {} });
  const published = await ctx.events.publish({ type: publicType, public: true, payload: { n: 1 } });

  const msg = await cityEvent(sse, publicType);
  const data = JSON.parse(msg.data) as { id: number; type: string; at: string; text: string };
  assert.equal(data.id, published.id);
  assert.equal(msg.id, String(published.id));
  assert.equal(data.text, ctx.catalog.translator('hu')('event.generic', { type: publicType }));
  assert.notEqual(data.text, ctx.catalog.translator('ro')('event.generic', { type: publicType }));
  // The private event was published first, so had it been sent it would already be here.
  assert.ok(!sse.messages.some((m) => m.data.includes(privateType)), 'a private event reached the public stream');
});

test('an event published in a rolled-back transaction never reaches the stream', async () => {
  const sse = await connect(`${base}/events/stream`);
  const rolledBack = unique('test.rolled-back-');
  const committed = unique('test.committed-');
  await assert.rejects(
    ctx.database.transaction(async (tx) => {
      await ctx.events.publish({ type: rolledBack, public: true, payload: {} }, tx);
      throw new Error('abort the transaction');
    }),
    /abort the transaction/,
  );
  await ctx.database.transaction(async (tx) => {
    await ctx.events.publish({ type: committed, public: true, payload: {} }, tx);
  });
  await cityEvent(sse, committed);
  assert.ok(!sse.messages.some((m) => m.data.includes(rolledBack)), 'a rolled-back event was streamed');
  const stored = await ctx.database.query('select 1 from events where type = $1', [rolledBack]);
  assert.equal(stored.length, 0);
});

test('an event too large for a notification travels by id and still reaches the stream', async () => {
  const sse = await connect(`${base}/events/stream`, { cookie: 'dz_lang=en' });
  const type = unique('test.large-');
  // Multi-byte letters: the 8000-byte NOTIFY limit counts bytes, not characters.
  const published = await ctx.events.publish({ type, public: true, payload: { body: 'ș'.repeat(5000) } });
  const msg = await cityEvent(sse, type);
  const data = JSON.parse(msg.data) as { id: number; text: string; at: string };
  assert.equal(data.id, published.id);
  assert.equal(data.at, published.at);
  assert.equal(data.text, ctx.catalog.translator('en')('event.generic', { type }));
});

test('closing the server ends open streams instead of waiting for the browsers to leave', async () => {
  const second = await buildApp(ctx);
  await second.listen({ port: 0, host: '127.0.0.1' });
  const sse = await connect(`http://127.0.0.1:${(second.server.address() as { port: number }).port}/events/stream`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), 5000)));
  const outcome = await Promise.race([second.close().then(() => 'closed' as const), timeout]);
  clearTimeout(timer);
  assert.equal(outcome, 'closed', 'app.close() was still waiting for the open event stream after 5 s');
  await sse.ended;
});
