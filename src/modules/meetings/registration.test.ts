// Registration over HTTP: capacity and the waiting list under concurrent requests, promotion when
// someone cancels (or the room grows), and the e-mails that go with each step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { makeMeeting } from './testing/fixtures.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function person() {
  const u = await makeUser(ctx);
  return { ...u, b: await browser(ctx, u.id) };
}
const act = (p: { b: { cookie: string; csrf: string } }, id: number, what: 'register' | 'cancel-registration') =>
  app.inject({ method: 'POST', url: `/meetings/${id}/${what}`, headers: { ...FORM, cookie: p.b.cookie }, payload: `_csrf=${encodeURIComponent(p.b.csrf)}` });
async function statuses(id: number): Promise<Record<string, string>> {
  const rows = await ctx.database.query<{ user_id: string; status: string }>('select user_id, status from meeting_registrations where meeting_id = $1', [id]);
  return Object.fromEntries(rows.map((r) => [r.user_id, r.status]));
}
const mailsTo = async (email: string) => (await ctx.database.query<{ subject: string }>('select subject from mail_outbox where to_address = $1 order by id', [email])).map((m) => m.subject);

test('concurrent registrations fill the places exactly and queue the rest in order', async () => {
  const id = await makeMeeting(ctx, { capacity: 3 });
  const people = await Promise.all(Array.from({ length: 8 }, () => person()));
  const results = await Promise.all(people.map((p) => act(p, id, 'register')));
  assert.ok(results.every((r) => r.statusCode === 303));
  const s = await statuses(id);
  assert.equal(Object.values(s).filter((x) => x === 'confirmed').length, 3, 'never more than the capacity');
  assert.equal(Object.values(s).filter((x) => x === 'waiting').length, 5);
  const waiting = await ctx.database.query<{ n: number }>(
    `select count(*)::int as n from (select queued_at, lag(queued_at) over (order by queued_at, id) as prev from meeting_registrations where meeting_id = $1 and status = 'waiting') q where prev = queued_at`,
    [id],
  );
  assert.equal(waiting[0]!.n, 0, 'every place in the queue is distinct');
  const page = await app.inject({ method: 'GET', url: `/meetings/${id}`, headers: { cookie: people.find((p) => s[p.id] === 'waiting')!.b.cookie } });
  assert.match(page.body, /pe lista de așteptare, pe locul [1-5]/);

  const again = await act(people[0]!, id, 'register');
  assert.equal(again.statusCode, 303);
  assert.equal(Object.keys(await statuses(id)).length, 8, 'registering twice changes nothing');
  const confirmedMail = await mailsTo(people.find((p) => s[p.id] === 'confirmed')!.email);
  assert.deepEqual(confirmedMail, ['Înscriere confirmată: Atelier de test']);
  assert.deepEqual(await mailsTo(people.find((p) => s[p.id] === 'waiting')!.email), ['Pe lista de așteptare: Atelier de test']);
});

test('a freed place goes to the first person waiting, also when several cancel at once', async () => {
  const id = await makeMeeting(ctx, { capacity: 2 });
  const people: Awaited<ReturnType<typeof person>>[] = [];
  for (let i = 0; i < 6; i++) {
    const p = await person();
    people.push(p);
    await act(p, id, 'register'); // one after the other: the queue order is known
  }
  const [a, b, w1, w2, w3, w4] = people;
  assert.deepEqual(await statuses(id), { [a!.id]: 'confirmed', [b!.id]: 'confirmed', [w1!.id]: 'waiting', [w2!.id]: 'waiting', [w3!.id]: 'waiting', [w4!.id]: 'waiting' });

  // A waiting person leaving promotes nobody.
  await act(w2!, id, 'cancel-registration');
  assert.equal((await statuses(id))[w2!.id], 'cancelled');
  assert.equal(Object.values(await statuses(id)).filter((x) => x === 'confirmed').length, 2);

  // Both confirmed people cancel at the same moment: w1 and w3 move up, w4 keeps waiting.
  await Promise.all([act(a!, id, 'cancel-registration'), act(b!, id, 'cancel-registration')]);
  const after = await statuses(id);
  assert.deepEqual([after[w1!.id], after[w3!.id], after[w4!.id]], ['confirmed', 'confirmed', 'waiting']);
  assert.ok((await mailsTo(w1!.email)).includes('S-a eliberat un loc: Atelier de test'));
  assert.ok(!(await mailsTo(w4!.email)).includes('S-a eliberat un loc: Atelier de test'));

  // Coming back after cancelling means the end of the queue.
  await act(a!, id, 'register');
  const [pos] = await ctx.database.query<{ status: string }>('select status from meeting_registrations where meeting_id = $1 and user_id = $2', [id, a!.id]);
  assert.equal(pos!.status, 'waiting');
  const page = await app.inject({ method: 'GET', url: `/meetings/${id}`, headers: { cookie: a!.b.cookie } });
  assert.ok(page.body.includes('pe locul 2'), 'behind w4');
});

test('a bigger room moves people up from the waiting list; a smaller one cannot drop registered people', async () => {
  const id = await makeMeeting(ctx, { capacity: 1 });
  const people = [await person(), await person(), await person()];
  for (const p of people) await act(p, id, 'register');
  const admin = await browser(ctx, (await makeUser(ctx, { role: 'admin' })).id);
  const edit = (capacity: string) =>
    app.inject({
      method: 'POST',
      url: `/admin/meetings/${id}`,
      headers: { ...FORM, cookie: admin.cookie },
      payload: new URLSearchParams({ _csrf: admin.csrf, title: 'Atelier de test', date: '2099-05-10', startTime: '17:00', endTime: '19:00', format: 'in_person', address: 'Piața Unirii', capacity, registrationOpen: 'on' }).toString(),
    });
  assert.equal((await edit('2')).statusCode, 303);
  assert.equal(Object.values(await statuses(id)).filter((x) => x === 'confirmed').length, 2);
  const shrink = await edit('1');
  assert.equal(shrink.statusCode, 400);
  assert.ok(shrink.body.includes('Sunt deja mai multe persoane înscrise'));
});

test('past, cancelled and closed meetings take no registrations; anonymous visitors are sent to log in', async () => {
  const p = await person();
  const past = await makeMeeting(ctx, { startsInHours: -48 });
  await act(p, past, 'register');
  assert.deepEqual(await statuses(past), {});
  const closed = await makeMeeting(ctx, { registrationOpen: false });
  await act(p, closed, 'register');
  assert.deepEqual(await statuses(closed), {});
  const anon = await browser(ctx);
  const res = await app.inject({ method: 'POST', url: `/meetings/${closed}/register`, headers: { ...FORM, cookie: anon.cookie }, payload: `_csrf=${encodeURIComponent(anon.csrf)}` });
  assert.equal(res.statusCode, 303);
  assert.match(String(res.headers.location), /^\/login\?next=/);
  const page = await app.inject({ method: 'GET', url: `/meetings/${past}` });
  assert.ok(!page.body.includes('Mă înscriu'));
});
