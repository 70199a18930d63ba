// SLA overdue computation on fixed instants, and who may open which department's dashboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../../core/testing/harness.ts';
import { browser, makeDepartment, makeUser } from '../../../core/testing/factories.ts';
import { seedDemo } from '../../../core/seed/demo.ts';
import { dashboardData, overdueReports } from './dashboard-queries.ts';
import { fileReport, makeCategory, setTimeline } from './fixtures.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);

const userId = async (email: string) => (await ctx.database.query<{ id: string }>('select id from users where email = $1', [email]))[0]!.id;
const depId = async (slug: string) => (await ctx.database.query<{ id: number }>('select id from departments where slug = $1', [slug]))[0]!.id;

// A department of its own with deadlines of 2 days (acknowledge) and 10 days (resolve).
const dep = await makeDepartment(ctx, 'Departamentul de test SLA');
const cat = await makeCategory(ctx, dep.id, { ackDays: 2, resolveDays: 10 });
const citizen = await makeUser(ctx);
const file = () => fileReport(ctx, { categoryId: cat.id, userId: citizen.id });
const AS_OF = new Date('2024-06-15T12:00:00Z');

const r = {
  ackLate: await file(),
  ackJustInTime: await file(),
  resolveLate: await file(),
  inTime: await file(),
  resolved: await file(),
  bothLate: await file(),
  oldPlanned: await file(),
};
await setTimeline(ctx, r.ackLate, { status: 'new', createdAt: '2024-06-13T11:59:59Z' });
await setTimeline(ctx, r.ackJustInTime, { status: 'new', createdAt: '2024-06-13T12:00:01Z' });
await setTimeline(ctx, r.resolveLate, { status: 'acknowledged', createdAt: '2024-06-05T11:00:00Z', acknowledgedAt: '2024-06-08T11:00:00Z' });
await setTimeline(ctx, r.inTime, { status: 'in_progress', createdAt: '2024-06-06T12:00:00Z', acknowledgedAt: '2024-06-07T12:00:00Z' });
await setTimeline(ctx, r.resolved, { status: 'resolved', createdAt: '2024-05-02T00:00:00Z', acknowledgedAt: '2024-05-03T00:00:00Z', resolvedAt: '2024-05-10T00:00:00Z' });
await setTimeline(ctx, r.bothLate, { status: 'new', createdAt: '2024-06-01T00:00:00Z' });
await setTimeline(ctx, r.oldPlanned, { status: 'planned', createdAt: '2024-05-01T00:00:00Z', acknowledgedAt: '2024-05-04T00:00:00Z' });

test('a report is late to acknowledge only while new past its ack days, late to resolve while open past its resolve days', async () => {
  const overdue = await overdueReports(ctx, 'ro', { departmentIds: [dep.id] }, AS_OF);
  assert.deepEqual(
    overdue.map((o) => ({ id: o.id, ack: o.overdueAck, resolve: o.overdueResolve })),
    [
      { id: r.oldPlanned, ack: false, resolve: true },
      { id: r.bothLate, ack: true, resolve: true },
      { id: r.resolveLate, ack: false, resolve: true },
      { id: r.ackLate, ack: true, resolve: false },
    ],
    'oldest first; one second before the deadline is not late, one second after is',
  );
  const late = overdue.find((o) => o.id === r.ackLate)!;
  assert.equal(late.ackDueAt, '2024-06-15T11:59:59Z');
  assert.equal(late.resolveDueAt, '2024-06-23T11:59:59Z');
  assert.equal(late.category, cat.code);
  assert.equal(late.department, 'Departamentul de test SLA');

  // A longer deadline, edited by an admin, moves the report back in time.
  await ctx.database.query('update report_category_settings set sla_ack_days = 3 where category_id = $1', [cat.id]);
  const relaxed = await overdueReports(ctx, 'ro', { departmentIds: [dep.id] }, AS_OF);
  assert.ok(!relaxed.some((o) => o.id === r.ackLate));
  await ctx.database.query('update report_category_settings set sla_ack_days = 2 where category_id = $1', [cat.id]);
});

test('the dashboard counts open reports by age and status and takes 90-day medians', async () => {
  const d = await dashboardData(ctx, 'en', { departmentIds: [dep.id] }, AS_OF);
  assert.deepEqual(
    Object.fromEntries(d.ageBuckets.map((b) => [b.bucket, b.count])),
    { '0-2': 2, '3-7': 0, '8-30': 3, '30+': 1 },
  );
  assert.deepEqual(Object.fromEntries(d.statusCounts.map((s) => [s.status, s.count])), { acknowledged: 1, in_progress: 1, new: 3, planned: 1, resolved: 1 });
  assert.equal(d.medianAckDays, 2, 'acknowledged after 3, 1, 1 and 3 days');
  assert.equal(d.medianResolveDays, 8);
  assert.equal(d.overdue.length, 4);
  const later = await dashboardData(ctx, 'en', { departmentIds: [dep.id] }, new Date('2024-12-31T00:00:00Z'));
  assert.equal(later.medianResolveDays, null, 'nothing was resolved in the 90 days before');
});

test('officials see only their departments, several get a picker, citizens and moderators are refused', async () => {
  const get = async (email: string | null, query = '') => {
    const headers = email ? { cookie: (await browser(ctx, await userId(email))).cookie } : {};
    return app.inject({ method: 'GET', url: `/reports/dashboard${query}`, headers });
  };
  const drumuri = await depId('drumuri');
  const salubritate = await depId('salubritate');

  const anonymous = await get(null);
  assert.equal(anonymous.statusCode, 303);
  assert.match(String(anonymous.headers.location), /^\/login\?next=/);
  assert.equal((await get('cetatean@demo.dezvolt.ro')).statusCode, 403);
  assert.equal((await get('moderator@demo.dezvolt.ro')).statusCode, 403);

  const own = await get('drumuri@demo.dezvolt.ro');
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /<h1[^>]*>Panoul departamentului Drumuri<\/h1>/);
  assert.doesNotMatch(own.body, /id="dash-department"/, 'one department: no picker');
  assert.doesNotMatch(own.body, new RegExp(`/reports/${r.bothLate}/manage`), 'another department’s overdue reports stay out');
  assert.equal((await get('drumuri@demo.dezvolt.ro', `?department=${salubritate}`)).statusCode, 403);
  assert.equal((await get('salubritate@demo.dezvolt.ro', `?department=${drumuri}`)).statusCode, 403);
  assert.equal((await get('salubritate@demo.dezvolt.ro', `?department=${salubritate}`)).statusCode, 200);

  const mine = await makeUser(ctx, { departmentIds: [dep.id, salubritate] });
  const mb = await browser(ctx, mine.id);
  const both = await app.inject({ method: 'GET', url: '/reports/dashboard', headers: { cookie: mb.cookie } });
  assert.equal(both.statusCode, 200);
  const options = [...both.body.matchAll(/<option value(?:="(\d+)")?[ >]/g)].map((m) => m[1] ?? '');
  assert.deepEqual(options.sort(), ['', String(dep.id), String(salubritate)].sort(), 'the picker offers exactly their departments');
  for (const id of [r.bothLate, r.resolveLate, r.ackLate, r.oldPlanned]) assert.match(both.body, new RegExp(`href="/reports/${id}/manage"`));
  const fresh = await file();
  const again = await app.inject({ method: 'GET', url: '/reports/dashboard', headers: { cookie: mb.cookie } });
  assert.doesNotMatch(again.body, new RegExp(`href="/reports/${fresh}/manage"`), 'a report filed today is within its deadlines');
  const picked = await app.inject({ method: 'GET', url: `/reports/dashboard?department=${salubritate}`, headers: { cookie: mb.cookie } });
  assert.match(picked.body, /Panoul departamentului Salubritate/);
  assert.doesNotMatch(picked.body, new RegExp(`/reports/${r.bothLate}/manage`));
  assert.equal((await app.inject({ method: 'GET', url: `/reports/dashboard?department=${drumuri}`, headers: { cookie: mb.cookie } })).statusCode, 403);

  const admin = await get('admin@demo.dezvolt.ro');
  assert.equal(admin.statusCode, 200);
  assert.match(admin.body, /Toate departamentele</);
  assert.match(admin.body, new RegExp(`href="/reports/${r.bothLate}/manage"`), 'admins see every department');
  assert.equal((await get('admin@demo.dezvolt.ro', `?department=${drumuri}`)).statusCode, 200);
  assert.equal((await get('admin@demo.dezvolt.ro', '?department=999999')).statusCode, 404);
});

test('the reports list links officials to their dashboard and everyone to the figures and alerts', async () => {
  const official = await browser(ctx, await userId('drumuri@demo.dezvolt.ro'));
  const staff = await app.inject({ method: 'GET', url: '/reports', headers: { cookie: official.cookie } });
  assert.match(staff.body, /href="\/reports\/dashboard"/);
  const pub = await app.inject({ method: 'GET', url: '/reports' });
  assert.doesNotMatch(pub.body, /href="\/reports\/dashboard"/);
  assert.match(pub.body, /href="\/reports\/stats"/);
  assert.match(pub.body, /href="\/my\/alerts"/);
});
