// The PostgreSQL adapter survives the server dropping its connections (restart, pg_terminate_backend):
// the process keeps running, the loss is logged, and the next query and notification work again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from './postgres.ts';

const adminUrl = process.env.DATABASE_URL_TEST;

async function admin<T>(fn: (c: pg.Client) => Promise<T>, database?: string): Promise<T> {
  const u = new URL(adminUrl!);
  if (database) u.pathname = `/${database}`;
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('queries and LISTEN work again after the server terminates every connection', { skip: !adminUrl && 'needs PostgreSQL (set DATABASE_URL_TEST)' }, async (t) => {
  const name = `dz_test_reconnect_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  t.after(() => admin((c) => c.query(`drop database if exists ${name} with (force)`)));

  const crashes: unknown[] = [];
  const onCrash = (err: unknown) => crashes.push(err);
  process.on('uncaughtException', onCrash);
  t.after(() => process.off('uncaughtException', onCrash));

  const logged: string[] = [];
  const u = new URL(adminUrl!);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 3, { logError: (line) => logged.push(line), statementTimeoutMs: 5000 });
  t.after(() => database.close());

  const heard: string[] = [];
  await database.listen('dz_reconnect', (p) => heard.push(p));
  // Two pooled connections sit idle besides the LISTEN one.
  const [before] = await database.transaction(async (tx) => {
    await database.query('select 1');
    return tx.query<{ pid: number }>('select pg_backend_pid() as pid');
  });
  const [timeout] = await database.query<{ statement_timeout: string }>('show statement_timeout');
  assert.equal(timeout?.statement_timeout, '5s');
  await database.notify('dz_reconnect', 'before');
  await until('the first notification arrives', () => heard.includes('before'));

  const killed = await admin(async (c) => {
    const { rows } = await c.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    await c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    return rows.map((r) => r.pid);
  }, name);
  assert.ok(killed.length >= 3, `terminated ${killed.length} backends`);
  assert.ok(killed.includes(before!.pid));

  // Each dropped connection is reported (idle ones by the pool, the LISTEN one by the adapter).
  await until('every lost connection is logged', () => logged.filter((l) => /connection lost/.test(l)).length >= killed.length);
  assert.ok(logged.some((l) => /idle PostgreSQL connection lost \(57P01/.test(l)), logged.join('\n'));
  assert.ok(logged.some((l) => /LISTEN connection lost/.test(l)), logged.join('\n'));

  const [after] = await database.query<{ pid: number; one: number }>('select pg_backend_pid() as pid, 1 as one');
  assert.equal(after?.one, 1);
  assert.ok(!killed.includes(after!.pid), 'the query ran on a new connection');
  const [fromTx] = await database.transaction((tx) => tx.query<{ n: number }>('select 2 as n'));
  assert.equal(fromTx?.n, 2);

  await until('LISTEN is restored', () => logged.some((l) => /LISTEN connection restored/.test(l)));
  await database.notify('dz_reconnect', 'after');
  await until('a notification arrives on the new LISTEN connection', () => heard.includes('after'));

  assert.deepEqual(crashes, []);
});

test('a transaction whose connection is terminated fails, and the pool carries on', { skip: !adminUrl && 'needs PostgreSQL (set DATABASE_URL_TEST)' }, async (t) => {
  const name = `dz_test_reconnect_tx_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  t.after(() => admin((c) => c.query(`drop database if exists ${name} with (force)`)));
  const crashes: unknown[] = [];
  const onCrash = (err: unknown) => crashes.push(err);
  process.on('uncaughtException', onCrash);
  t.after(() => process.off('uncaughtException', onCrash));

  const logged: string[] = [];
  const u = new URL(adminUrl!);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 2, { logError: (line) => logged.push(line) });
  t.after(() => database.close());
  await database.exec('create table t (n int)');

  await assert.rejects(
    database.transaction(async (tx) => {
      await tx.query('insert into t values (1)');
      const [{ pid }] = (await tx.query<{ pid: number }>('select pg_backend_pid() as pid')) as [{ pid: number }];
      await admin((c) => c.query('select pg_terminate_backend($1)', [pid]));
      // Idle inside the transaction while the backend dies: the client's 'error' must not crash us.
      await until('the loss is noticed', () => logged.some((l) => /inside a transaction/.test(l)));
      await tx.query('insert into t values (2)');
    }),
  );
  const rows = await database.query<{ n: number }>('select n from t');
  assert.deepEqual(rows, [], 'nothing of the broken transaction was committed');
  assert.deepEqual(crashes, []);
});

test('a prepared statement is planned once per connection, generically, and prepared again on a new one', { skip: !adminUrl && 'needs PostgreSQL (set DATABASE_URL_TEST)' }, async (t) => {
  const name = `dz_test_prepare_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  t.after(() => admin((c) => c.query(`drop database if exists ${name} with (force)`)));
  const u = new URL(adminUrl!);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 1, { logError: () => {} });
  t.after(() => database.close());
  await database.exec('create table t (n int primary key); insert into t select generate_series(1, 100)');

  const page = (offset: number) => database.query<{ n: number }>('select n from t order by n limit $1 offset $2', [3, offset], { prepare: true });
  for (let i = 0; i < 8; i++) assert.deepEqual((await page(i * 3)).map((r) => r.n), [i * 3 + 1, i * 3 + 2, i * 3 + 3], 'each page is right');
  const stats = () => database.query<{ statement: string; generic_plans: number; custom_plans: number }>(`select statement, generic_plans::int, custom_plans::int from pg_prepared_statements where statement like '%from t order by n%'`);
  assert.deepEqual(await stats(), [{ statement: 'select n from t order by n limit $1 offset $2', generic_plans: 8, custom_plans: 0 }], 'one statement, never re-planned for its values');
  assert.equal((await database.query('select 1 from t where n = $1', [5])).length, 1);
  assert.equal((await database.query<{ n: number }>(`select count(*)::int as n from pg_prepared_statements`))[0]!.n, 1, 'statements without the option are not kept');

  // A new connection (the old one terminated) prepares it again.
  const [{ pid }] = (await database.query<{ pid: number }>('select pg_backend_pid() as pid')) as [{ pid: number }];
  await admin((c) => c.query('select pg_terminate_backend($1)', [pid]), name);
  await until('the pool has a new connection', async () => (await database.query('select 1').then(() => true, () => false)));
  assert.deepEqual((await page(0)).map((r) => r.n), [1, 2, 3]);

  const plain = await openPostgres(u.toString(), 1, { prepare: false, logError: () => {} });
  t.after(() => plain.close());
  await plain.query('select n from t order by n limit $1 offset $2', [3, 0], { prepare: true });
  assert.equal((await plain.query<{ n: number }>(`select count(*)::int as n from pg_prepared_statements`))[0]!.n, 0, 'DATABASE_PREPARE=0 prepares nothing');
});
