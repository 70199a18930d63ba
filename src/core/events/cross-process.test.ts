// Two real `dezvolt start` processes on one PostgreSQL: an event raised by a request to one reaches
// a browser streaming from the other (LISTEN/NOTIFY). Meaningless on PGlite, where one process owns
// the database, so without DATABASE_URL_TEST this file registers nothing.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '../db/postgres.ts';
import { closeContext, createContext } from '../create-context.ts';
import { createAdmin } from '../admin/create-admin.ts';
import { testConfig } from '../testing/harness.ts';
import { PG_TEMPLATE_DB } from '../testing/test-database.ts';
import { startDezvolt, stopAll } from '../testing/dezvolt-process.ts';
import { openSse, type SseClient } from '../testing/sse-client.ts';

const serverUrl = process.env.DATABASE_URL_TEST;

async function createDatabase(url: string): Promise<{ name: string; url: string }> {
  const name = `dz_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const [tpl] = (await admin.query('select 1 from pg_database where datname = $1', [PG_TEMPLATE_DB])).rows;
    await admin.query(`create database ${name}${tpl ? ` template ${PG_TEMPLATE_DB}` : ''}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return { name, url: u.toString() };
}

async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/** name=value pairs of a response's Set-Cookie headers, merged into `jar`. */
function keepCookies(res: Response, jar: Map<string, string>): string {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

if (serverUrl) {
  const db = await createDatabase(serverUrl);
  const sse: SseClient[] = [];
  after(async () => {
    for (const c of sse) c.close();
    await stopAll();
    await dropDatabase(serverUrl, db.name);
  });

  test('an announcement published through one process reaches the event stream of another within 10 s', async () => {
    const email = 'admin-cross@example.test';
    const password = 'cross-process-password';
    const ctx = await createContext(testConfig(), { database: await openPostgres(db.url, 2) });
    try {
      const created = await createAdmin(ctx, { email, name: 'Cross Process', password });
      assert.equal(created.kind, 'created');
    } finally {
      await closeContext(ctx);
    }

    const env = { DATABASE_URL: db.url, DEZVOLT_SEED_DEMO: '0', LOG_LEVEL: 'warn' };
    const [a, b] = await Promise.all([startDezvolt(env), startDezvolt(env)]);
    assert.notEqual(a.child.pid, b.child.pid);

    const stream = await openSse(`${b.base}/events/stream`, { cookie: 'dz_lang=en' });
    sse.push(stream);
    assert.equal(stream.status, 200);

    const jar = new Map<string, string>();
    const login = await fetch(`${a.base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    assert.equal(login.status, 200, await login.clone().text());
    let cookie = keepCookies(login, jar);
    const me = await fetch(`${a.base}/api/v1/me`, { headers: { cookie } });
    assert.equal(me.status, 200);
    cookie = keepCookies(me, jar);
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    assert.ok(csrfToken);

    const text = `Apa caldă revine azi în Mărăști (${randomBytes(4).toString('hex')})`;
    const posted = await fetch(`${a.base}/api/v1/announcements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ text }),
    });
    assert.equal(posted.status, 201, await posted.clone().text());
    const { id } = (await posted.json()) as { id: number };

    const msg = await stream.next((m) => m.event === 'city' && (JSON.parse(m.data) as { id: number }).id === id, 10_000);
    const data = JSON.parse(msg.data) as { type: string; text: string };
    assert.equal(data.type, 'announcement.published');
    assert.ok(data.text.includes(text), `the stream shows the announcement: ${data.text}`);
  });
}
