import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from './pglite.ts';
import { DataDirLockedError } from './lock.ts';

test('a second owner of one PGlite data dir is refused with a clear message, and the first keeps its data', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dz-lock-'));
  const first = await openPglite({ dataDir: join(dir, 'db') });
  try {
    await first.exec(`create table kept (v text); insert into kept values ('still here')`);
    await assert.rejects(openPglite({ dataDir: join(dir, 'db') }), (err: unknown) => {
      assert.ok(err instanceof DataDirLockedError);
      assert.match(err.message, /Another Dezvolt process is already using the data directory/);
      assert.match(err.message, new RegExp(join(dir, 'db').replace(/[/.]/g, '\\$&')));
      return true;
    });
    assert.deepEqual(await first.query('select v from kept'), [{ v: 'still here' }]);
  } finally {
    await first.close();
  }
  // Released on close: the next process can own it and sees the data.
  const again = await openPglite({ dataDir: join(dir, 'db') });
  assert.deepEqual(await again.query('select v from kept'), [{ v: 'still here' }]);
  await again.close();
  rmSync(dir, { recursive: true, force: true });
});
