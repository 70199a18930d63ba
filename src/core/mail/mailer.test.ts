// The outbox and its delivery job against a real SMTP server listening on a free local port.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { testApp } from '../testing/harness.ts';
import { unique } from '../testing/factories.ts';
import { JobQueue } from '../jobs/queue.ts';
import { Mailer, smtpTransport, type MailTransport } from './mailer.ts';

const { ctx } = await testApp();

interface Received {
  from: string;
  to: string[];
  raw: string;
}

const received: Received[] = [];
/** Recipients the server answers with a permanent 550 while listed. */
const refused = new Set<string>();

const smtp = new SMTPServer({
  authOptional: true,
  // No TLS certificate to offer here; plain SMTP on loopback is what a local relay speaks too.
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (refused.has(address.address)) {
      const err = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
      return callback(err);
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      });
      callback();
    });
  },
});
let smtpUrl = '';

before(async () => {
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});

after(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

interface OutboxRow {
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: string | null;
}

async function outbox(id: number): Promise<OutboxRow> {
  const [row] = await ctx.database.query<OutboxRow>('select status, attempts, last_error, sent_at::text from mail_outbox where id = $1', [id]);
  assert.ok(row);
  return row;
}

async function deliveryJob(mailId: number): Promise<{ id: number; status: string; attempts: number; due_in: number }> {
  const [row] = await ctx.database.query<{ id: number; status: string; attempts: number; due_in: number }>(
    `select id::int as id, status, attempts, extract(epoch from run_at - now())::float8 as due_in from jobs where dedupe_key = $1`,
    [`mail:${mailId}`],
  );
  assert.ok(row, `a delivery job exists for mail ${mailId}`);
  return row;
}

function smtpMailer(transport: MailTransport = smtpTransport(smtpUrl)): { mailer: Mailer; queue: JobQueue } {
  const queue = new JobQueue(ctx.database);
  return { mailer: new Mailer(ctx.database, queue, 'Dezvolt <no-reply@dezvolt.test>', transport), queue };
}

/** A TCP peer that accepts connections and never says a word: a hung mail server. */
async function silentServer(): Promise<{ url: string; accepted: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted: () => accepted,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('without SMTP the mail is held in the outbox for an administrator to read', async () => {
  const to = `${unique('held')}@example.test`;
  const id = await ctx.mail.enqueue({ to, subject: 'Confirmare', text: 'Bună ziua' });
  assert.equal((await outbox(id)).status, 'pending');
  await ctx.jobs.runDue();
  const row = await outbox(id);
  assert.equal(row.status, 'held');
  assert.equal(row.sent_at, null);
  assert.equal((await deliveryJob(id)).status, 'done');
  assert.ok(!received.some((m) => m.to.includes(to)));
});

test('with SMTP the mail reaches the server and is marked sent', async () => {
  const { mailer, queue } = smtpMailer();
  const to = `${unique('sent')}@example.test`;
  const subject = unique('Your report ');
  const id = await mailer.enqueue({ to, subject, text: 'Thank you for your report.' });
  await queue.runDue();
  const got = received.find((m) => m.to.includes(to));
  assert.ok(got, 'the SMTP server received the message');
  assert.equal(got.from, 'no-reply@dezvolt.test');
  assert.match(got.raw, new RegExp(`^Subject: ${subject}\\r?$`, 'm'));
  assert.match(got.raw, /Thank you for your report\./);
  const row = await outbox(id);
  assert.equal(row.status, 'sent');
  assert.equal(row.attempts, 1);
  assert.ok(row.sent_at);
});

test('an SMTP failure keeps the mail pending with the error, and the job retries it later', async () => {
  const { mailer, queue } = smtpMailer();
  const to = `${unique('retry')}@example.test`;
  refused.add(to);
  const id = await mailer.enqueue({ to, subject: 'Retry me', text: 'Second time lucky.' });
  await queue.runDue();
  let row = await outbox(id);
  assert.equal(row.status, 'pending');
  assert.equal(row.attempts, 1);
  assert.match(row.last_error ?? '', /550/);
  let job = await deliveryJob(id);
  assert.equal(job.status, 'queued');
  assert.ok(job.due_in > 0, 'the retry waits for its backoff');

  refused.delete(to);
  await ctx.database.query('update jobs set run_at = now() where id = $1', [job.id]);
  await queue.runDue();
  row = await outbox(id);
  assert.equal(row.status, 'sent');
  assert.equal(row.attempts, 2);
  job = await deliveryJob(id);
  assert.equal(job.status, 'done');
  assert.equal(job.attempts, 2);
  assert.equal(received.filter((m) => m.to.includes(to)).length, 1);
});

test('a mail the server keeps refusing is marked failed when the job gives up', async () => {
  const { mailer, queue } = smtpMailer();
  const to = `${unique('refused')}@example.test`;
  refused.add(to);
  const id = await mailer.enqueue({ to, subject: 'Never', text: 'Nobody reads this.' });
  for (let i = 0; i < 10; i++) {
    await queue.runDue();
    const job = await deliveryJob(id);
    if (job.status !== 'queued') break;
    await ctx.database.query('update jobs set run_at = now() where id = $1', [job.id]);
  }
  const job = await deliveryJob(id);
  assert.equal(job.status, 'failed');
  const row = await outbox(id);
  assert.equal(row.status, 'failed');
  assert.equal(row.attempts, job.attempts);
  assert.match(row.last_error ?? '', /550/);
});

test('a mail server that never greets fails the send within the greeting timeout, and the job retries it once the server answers', async (t) => {
  const silent = await silentServer();
  t.after(() => silent.close());
  const hung = smtpTransport(silent.url, { connectionMs: 2000, greetingMs: 300, socketMs: 2000 });

  let started = Date.now();
  await assert.rejects(hung.send('no-reply@dezvolt.test', { to: 'x@example.test', subject: 's', text: 't' }), (err: Error & { code?: string }) => {
    assert.equal(err.code, 'ETIMEDOUT');
    return true;
  });
  assert.ok(Date.now() - started < 2000, `gave up after ${Date.now() - started} ms`);

  const { mailer, queue } = smtpMailer(hung);
  const to = `${unique('hung')}@example.test`;
  const id = await mailer.enqueue({ to, subject: 'Hung server', text: 'Delivered on the second try.' });
  started = Date.now();
  await queue.runDue();
  assert.ok(Date.now() - started < 2000, `the job was held for ${Date.now() - started} ms`);
  assert.ok(silent.accepted() >= 2, 'the transport really connected to the silent server');
  let row = await outbox(id);
  assert.equal(row.status, 'pending');
  assert.equal(row.attempts, 1);
  assert.match(row.last_error ?? '', /ETIMEDOUT/);
  assert.equal(row.sent_at, null);
  let job = await deliveryJob(id);
  assert.equal(job.status, 'queued');
  assert.ok(job.due_in > 0, 'the retry waits for its backoff');

  // The same job, picked up by a worker whose mail server answers: delivered once, with the row's Message-ID.
  const healthy = new JobQueue(ctx.database);
  new Mailer(ctx.database, healthy, 'Dezvolt <no-reply@dezvolt.test>', smtpTransport(smtpUrl));
  await ctx.database.query('update jobs set run_at = now() where id = $1', [job.id]);
  await healthy.runDue();
  row = await outbox(id);
  assert.equal(row.status, 'sent');
  assert.equal(row.attempts, 2);
  job = await deliveryJob(id);
  assert.equal(job.status, 'done');
  const copies = received.filter((m) => m.to.includes(to));
  assert.equal(copies.length, 1);
  assert.match(copies[0]!.raw, new RegExp(`^Message-ID: <outbox-${id}\\.\\d+@dezvolt\\.test>\\r?$`, 'im'));

  // A late run of the job (say after a lost lease) finds the row sent and does not send again.
  await ctx.database.query(`update jobs set status = 'queued', run_at = now() where id = $1`, [job.id]);
  await healthy.runDue();
  assert.equal(received.filter((m) => m.to.includes(to)).length, 1);
});
