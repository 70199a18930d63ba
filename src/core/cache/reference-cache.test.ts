// The in-memory cache of rarely changing data: exact for this process's own writes (seen from the
// statement text, on commit), and for another process's (the tables' NOTIFY), never keeping a read
// that a change overtook.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ReferenceCache } from './reference-cache.ts';
import { writtenTables } from '../db/table-writes.ts';
import { testApp } from '../testing/harness.ts';
import { cachedHostedComponent } from '../../modules/spaces/hosted.ts';
import { makeProposalsComponent } from '../../modules/proposals/testing/fixtures.ts';

const { app, ctx } = await testApp();

test('the tables a statement writes are read from its text', () => {
  assert.deepEqual(writtenTables('update spaces set title = $1 where id = $2'), ['spaces']);
  assert.deepEqual(writtenTables('INSERT INTO "space_components" ("space_id") values ($1)'), ['space_components']);
  assert.deepEqual(writtenTables('delete from public.space_phases where id = 1'), ['space_phases']);
  assert.deepEqual(writtenTables('truncate table areas'), ['areas']);
  assert.deepEqual(writtenTables('with x as (update proposals set supports_count = supports_count + 1 returning id) insert into proposal_supports select id from x'), ['proposals', 'proposal_supports']);
  assert.deepEqual(writtenTables('select updated_at, last_update from settings for update'), [], 'reading, even "for update", writes nothing');
  assert.deepEqual(writtenTables(`insert into settings (key) values ('a') on conflict (key) do update set value = 1`), ['settings', 'set'], 'an upsert names its table (and a harmless "set")');
});

test('a value is read once, then again only after one of its tables changed', async () => {
  const cache = new ReferenceCache();
  let reads = 0;
  const load = async () => ++reads;
  assert.equal(await cache.get('k', ['a', 'b'], load), 1);
  assert.equal(await cache.get('k', ['a', 'b'], load), 1);
  cache.changed(['c']);
  assert.equal(await cache.get('k', ['a', 'b'], load), 1, 'an unrelated table changes nothing');
  cache.changed(['b']);
  assert.equal(await cache.get('k', ['a', 'b'], load), 2);
  assert.equal(reads, 2);
});

test('concurrent misses share one read; a read overtaken by a change is neither kept nor shared', async () => {
  const cache = new ReferenceCache();
  let reads = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const slow = async () => {
    const n = ++reads;
    if (n === 1) await gate;
    return n;
  };
  const first = cache.get('k', ['t'], slow);
  const second = cache.get('k', ['t'], slow);
  cache.changed(['t']);
  const third = cache.get('k', ['t'], slow);
  release();
  assert.deepEqual(await Promise.all([first, second, third]), [1, 1, 2], 'the caller after the change does not get the older read');
  assert.equal(await cache.get('k', ['t'], slow), 2, 'the newer read was kept');
  assert.equal(reads, 2);
});

test('a failed read is not kept', async () => {
  const cache = new ReferenceCache();
  await assert.rejects(cache.get('k', ['t'], async () => Promise.reject(new Error('down'))), /down/);
  assert.equal(await cache.get('k', ['t'], async () => 'up'), 'up');
});

test('entries expire after their lifetime even without a change', async () => {
  const cache = new ReferenceCache({ ttlMs: 30 });
  let reads = 0;
  await cache.get('k', ['t'], async () => ++reads);
  await sleep(60);
  assert.equal(await cache.get('k', ['t'], async () => ++reads), 2);
});

test('a component changed by this process is seen by the next request at once', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const list = () => app.inject({ method: 'GET', url: `/api/v1/proposals?component=${componentId}` });
  assert.equal((await list()).statusCode, 200);
  await ctx.database.query('update space_components set published = false where id = $1', [componentId]);
  assert.equal((await list()).statusCode, 404, 'unpublished: gone from the public at once');
  await ctx.database.transaction(async (tx) => {
    await tx.query('update space_components set published = true where id = $1', [componentId]);
  });
  assert.equal((await list()).statusCode, 200, 'a committed transaction is seen too');
  const c = await cachedHostedComponent(ctx, componentId, 'proposals');
  assert.throws(() => ((c as { title: string }).title = 'x'), TypeError, 'the shared value cannot be changed by a caller');
});

test("another process's change arrives through the table's notification", async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  // A second process's cache: it learns of these writes only from PostgreSQL's NOTIFY.
  const other = new ReferenceCache();
  const stop = await other.listen(ctx.database);
  try {
    const there = { database: ctx.database, cache: other };
    assert.equal((await cachedHostedComponent(there, componentId, 'proposals'))?.published, true);
    await ctx.database.query('update space_components set published = false where id = $1', [componentId]);
    let seen: boolean | undefined = true;
    for (let i = 0; i < 100 && seen; i++) {
      await sleep(10);
      seen = (await cachedHostedComponent(there, componentId, 'proposals'))?.published;
    }
    assert.equal(seen, false, 'the other cache dropped the component within a second');
  } finally {
    await stop();
  }
});

test('settings written by this process are read back at once', async () => {
  await ctx.settings.set('test.reference-cache', { n: 1 });
  assert.deepEqual(await ctx.settings.get('test.reference-cache', { n: 0 }), { n: 1 });
  await ctx.settings.set('test.reference-cache', { n: 2 });
  assert.deepEqual(await ctx.settings.get('test.reference-cache', { n: 0 }), { n: 2 });
});
