// The open311 sender talking to a real GeoReport server: a second Dezvolt listening on a port.
// A report filed on the first arrives on the second once, however often the dispatch job runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
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

const arrived = async (description: string) =>
  backOffice.ctx.database.query<{ id: number; source: string; category: string; lat: number; lng: number; address: string }>(
    `select r.id::int as id, r.source, c.code as category, ST_Y(r.location) as lat, ST_X(r.location) as lng, r.address
     from reports r join categories c on c.id = r.category_id where r.description = $1`,
    [description],
  );

test('a new report reaches the other GeoReport server exactly once, even when the dispatch job runs twice', async () => {
  const citizen = await makeUser(city.ctx);
  const [pothole] = await city.ctx.database.query<{ id: number }>(`select id from categories where code = 'roads.pothole'`);
  const description = 'Groapă trimisă mai departe prin Open311';
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
  const id = (outcome as { id: number }).id;

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

  const listed = await fetch(`${address}/open311/v2/requests/${there[0]!.id}.json`);
  assert.equal(listed.status, 200);
  assert.equal(((await listed.json()) as { service_code: string }[])[0]!.service_code, 'roads.pothole');
});
