// The open311 sender talking to a real GeoReport server: a second Dezvolt listening on a port.
// A report filed on the first arrives on the second once, however often the dispatch job runs,
// and even when an attempt times out after the second one has filed it. Small node:http servers
// stand in for back offices that stall, refuse, or answer that the request exists already.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testApp } from '../../../core/testing/harness.ts';
import { makeUser } from '../../../core/testing/factories.ts';
import { seedDemo } from '../../../core/seed/demo.ts';
import { loadActor } from '../../../core/auth/actor.ts';
import { submitReport } from '../commands/submit.ts';
import { dispatchReport } from '../senders.ts';
import { issueApiKey } from './api-keys.ts';

const city = await testApp();
const backOffice = await testApp({ config: { baseUrl: 'http://back-office.test' } });
await seedDemo(city.ctx);
await seedDemo(backOffice.ctx);
const address = await backOffice.app.listen({ port: 0, host: '127.0.0.1' });

const backOfficeAdmin = (await backOffice.ctx.database.query<{ id: string }>(`select id from users where email = 'admin@demo.dezvolt.ro'`))[0]!.id;
const issued = await issueApiKey(backOffice.ctx, backOfficeAdmin, 'Primăria (Dezvolt)');
assert.equal(issued.kind, 'issued');
await city.ctx.settings.set('module.reports.senders', { senders: ['open311'], open311Endpoint: `${address}/open311/v2/`, open311ApiKey: (issued as { key: string }).key });

const citizen = await makeUser(city.ctx);
const [pothole] = await city.ctx.database.query<{ id: number }>(`select id from categories where code = 'roads.pothole'`);

/** Files a report on the city's side; its dispatch job is queued like any other. */
async function file(description: string): Promise<number> {
  const outcome = await submitReport(city.ctx, await loadActor(city.ctx.database, citizen.id), {
    categoryId: pothole!.id,
    point: { lng: 23.5901, lat: 46.7705 },
    address: 'Str. Memorandumului 20',
    description,
    showName: false,
    photos: [],
    source: 'web',
  });
  assert.equal(outcome.kind, 'created');
  return (outcome as { id: number }).id;
}

const useEndpoint = (endpoint: string, open311TimeoutMs = 10_000) =>
  city.ctx.settings.set('module.reports.senders', { senders: ['open311'], open311Endpoint: endpoint, open311ApiKey: (issued as { key: string }).key, open311TimeoutMs });

/** A GeoReport stand-in on a loopback port; the handler gets the request with its body read. */
async function receiver(handle: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, Buffer.concat(chunks).toString(), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2`;
}

const dispatchJobs = (id: number) =>
  city.ctx.database.query<{ id: number; status: string; attempts: number; max_attempts: number; last_error: string | null; payload: Record<string, unknown>; wait: number }>(
    `select id::int as id, status, attempts, max_attempts, last_error, payload, extract(epoch from run_at - now())::float8 as wait
     from jobs where name = 'reports.dispatch' and payload->>'reportId' = $1 order by id`,
    [String(id)],
  );
const delivery = async (id: number) =>
  (await city.ctx.database.query<{ status: string; external_id: string | null; attempts: number; last_error: string | null }>(
    `select status, external_id, attempts, last_error from report_dispatches where report_id = $1 and sender like 'open311:%'`,
    [id],
  ))[0];
const runNow = (jobId: number) => city.ctx.database.query(`update jobs set run_at = now() where id = $1`, [jobId]);

const arrived = async (description: string) =>
  backOffice.ctx.database.query<{ id: number; source: string; category: string; lat: number; lng: number; address: string }>(
    `select r.id::int as id, r.source, c.code as category, ST_Y(r.location) as lat, ST_X(r.location) as lng, r.address
     from reports r join categories c on c.id = r.category_id where r.description = $1`,
    [description],
  );

test('a new report reaches the other GeoReport server exactly once, even when the dispatch job runs twice', async () => {
  const description = 'Groapă trimisă mai departe prin Open311';
  const id = await file(description);

  await city.ctx.jobs.runDue();
  const there = await arrived(description);
  assert.equal(there.length, 1, 'the back office has the report');
  assert.deepEqual({ ...there[0], id: undefined }, { id: undefined, source: 'open311', category: 'roads.pothole', lat: 46.7705, lng: 23.5901, address: 'Str. Memorandumului 20' });
  const [dispatch] = await city.ctx.database.query<{ status: string; external_id: string }>(`select status, external_id from report_dispatches where report_id = $1 and sender like 'open311:%'`, [id]);
  assert.deepEqual(dispatch, { status: 'sent', external_id: String(there[0]!.id) }, 'the back office’s id is kept');

  // The job again (a retry after a crash, or a second enqueue), then the dispatch called directly.
  await city.ctx.jobs.enqueue('reports.dispatch', { reportId: id });
  assert.ok((await city.ctx.jobs.runDue()) >= 1, 'the second job ran');
  await dispatchReport(city.ctx, id);
  assert.equal((await arrived(description)).length, 1, 'still exactly one report in the back office');

  // A crash after the back office filed it but before we recorded that: the request goes again,
  // with the same Idempotency-Key, and the back office answers with the report it already has.
  await city.ctx.database.query(`update report_dispatches set status = 'pending', external_id = null where report_id = $1`, [id]);
  await dispatchReport(city.ctx, id);
  assert.equal((await arrived(description)).length, 1, 'sent twice, filed once');
  assert.deepEqual(await delivery(id), { status: 'sent', external_id: String(there[0]!.id), attempts: 2, last_error: null });

  const listed = await fetch(`${address}/open311/v2/requests/${there[0]!.id}.json`);
  assert.equal(listed.status, 200);
  assert.equal(((await listed.json()) as { service_code: string }[])[0]!.service_code, 'roads.pothole');
});

// In front of the back office: every request goes through, but the answer to the first one is
// held back, as when the network drops it after the back office has filed the report.
const through: { key: string | undefined; status: number; replayed: string | null }[] = [];
let holdNextAnswer = false;
const proxy = await receiver(async (req, body, res) => {
  const key = req.headers['idempotency-key'] as string | undefined;
  const answer = await fetch(`${address}${req.url}`, { method: 'POST', headers: { 'content-type': String(req.headers['content-type']), ...(key ? { 'idempotency-key': key } : {}) }, body });
  const text = await answer.text();
  through.push({ key, status: answer.status, replayed: answer.headers.get('idempotent-replayed') });
  if (holdNextAnswer) {
    holdNextAnswer = false;
    return;
  }
  res.writeHead(answer.status, { 'content-type': 'application/json' }).end(text);
});

test('an attempt that times out after the back office filed the report is retried with the same Idempotency-Key: still one report there', async () => {
  await useEndpoint(proxy, 300);
  const description = 'Groapă al cărei răspuns s-a pierdut pe drum';
  const id = await file(description);
  holdNextAnswer = true;
  await city.ctx.jobs.runDue();

  assert.equal((await arrived(description)).length, 1, 'the first attempt got through');
  const [job] = await dispatchJobs(id);
  assert.equal(job!.status, 'queued', 'the timed-out job waits for another attempt');
  assert.equal(job!.attempts, 1);
  assert.match(job!.last_error ?? '', /did not answer within 300 ms/);
  assert.ok(job!.wait > 2, `the retry waits (backoff), not at once: ${job!.wait}s`);
  assert.equal((await delivery(id))?.status, 'pending');

  await runNow(job!.id);
  await city.ctx.jobs.runDue();
  const there = await arrived(description);
  assert.equal(there.length, 1, 'the retry did not file a second report');
  assert.deepEqual(await delivery(id), { status: 'sent', external_id: String(there[0]!.id), attempts: 2, last_error: null }, 'the back office’s id is kept');
  assert.equal((await dispatchJobs(id))[0]!.status, 'done');

  const attempts = through.slice(-2);
  assert.equal(attempts.length, 2);
  assert.match(attempts[0]!.key ?? '', new RegExp(`^dezvolt-[\\w-]{12}-report-${id}-open311-\\d+$`));
  assert.equal(attempts[1]!.key, attempts[0]!.key, 'the same key on both attempts');
  assert.deepEqual([attempts[0]!.replayed, attempts[1]!.replayed], [null, 'true'], 'the back office answered the retry as a replay');
});

test('a back office that never answers: retried with backoff, and after the last attempt a follow-up job goes on until it is delivered', async () => {
  const silent = await receiver(() => undefined);
  await useEndpoint(silent, 200);
  const description = 'Groapă trimisă unui server care tace';
  const id = await file(description);
  await city.ctx.jobs.runDue();
  const [first] = await dispatchJobs(id);
  assert.deepEqual([first!.status, first!.attempts], ['queued', 1]);
  assert.match(first!.last_error ?? '', /did not answer within 200 ms/);

  // Straight to the queue's last attempt.
  await city.ctx.database.query(`update jobs set attempts = max_attempts - 1, run_at = now() where id = $1`, [first!.id]);
  await city.ctx.jobs.runDue();
  const [spent, followUp] = await dispatchJobs(id);
  assert.equal(spent!.status, 'failed', 'the queue gave up on that job…');
  assert.ok(followUp, '…but not on the report');
  assert.deepEqual([followUp.status, followUp.payload.tried, followUp.max_attempts], ['queued', first!.max_attempts, 1]);
  assert.ok(followUp.wait > 60, `it waits longer than the job's own retries did: ${followUp.wait}s`);

  await runNow(followUp.id);
  await city.ctx.jobs.runDue();
  const next = (await dispatchJobs(id))[2];
  assert.ok(next && next.status === 'queued' && next.wait > followUp.wait, 'each follow-up waits longer');
  assert.equal((await delivery(id))?.status, 'pending');
  assert.equal((await arrived(description)).length, 0);

  // The back office is back.
  await useEndpoint(`${address}/open311/v2`);
  await runNow(next.id);
  await city.ctx.jobs.runDue();
  assert.equal((await arrived(description)).length, 1, 'delivered in the end');
  assert.equal((await delivery(id))?.status, 'sent');
  assert.equal((await dispatchJobs(id)).length, 3, 'no follow-up after success');
});

test('a 409 “already exists” counts as delivered with the id it names; a refusal stops after the last attempt, an outage does not', async () => {
  let answer: { status: number; body: string } = { status: 409, body: JSON.stringify([{ code: 409, description: 'exists', service_request_id: 'BO-77' }]) };
  const keys: string[] = [];
  const picky = await receiver((req, _body, res) => {
    keys.push(String(req.headers['idempotency-key']));
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  await useEndpoint(picky);

  const exists = await file('Groapă pe care back office-ul o are deja');
  await city.ctx.jobs.runDue();
  assert.deepEqual(await delivery(exists), { status: 'sent', external_id: 'BO-77', attempts: 1, last_error: null });
  assert.equal((await dispatchJobs(exists))[0]!.status, 'done');

  answer = { status: 400, body: JSON.stringify([{ code: 400, description: 'service_code roads.pothole unknown' }]) };
  const refused = await file('Groapă pe care back office-ul o refuză');
  await city.ctx.jobs.runDue();
  assert.deepEqual([(await delivery(refused))?.status, (await dispatchJobs(refused))[0]!.status], ['pending', 'queued'], 'a refusal is asked again a few times (an admin may fix the mapping)');
  const [job] = await dispatchJobs(refused);
  await city.ctx.database.query(`update jobs set attempts = max_attempts - 1, run_at = now() where id = $1`, [job!.id]);
  await city.ctx.jobs.runDue();
  const d = await delivery(refused);
  assert.equal(d?.status, 'failed');
  assert.match(d?.last_error ?? '', /refused the report \(400\).*service_code roads\.pothole unknown/);
  assert.equal((await dispatchJobs(refused)).length, 1, 'no follow-up for a refusal');

  answer = { status: 503, body: '' };
  const outage = await file('Groapă trimisă în timpul unei pene');
  await city.ctx.jobs.runDue();
  const [outageJob] = await dispatchJobs(outage);
  await city.ctx.database.query(`update jobs set attempts = max_attempts - 1, run_at = now() where id = $1`, [outageJob!.id]);
  await city.ctx.jobs.runDue();
  assert.equal((await delivery(outage))?.status, 'pending');
  assert.equal((await dispatchJobs(outage)).length, 2, 'a 503 goes on in a follow-up job');
  assert.equal(new Set(keys.slice(-2)).size, 1, 'the same key on every attempt of one delivery');
  assert.notEqual(keys[0], keys.at(-1), 'another report, another key');
});
