// Calendar files and feeds, the reminder the day before, and recording a meeting afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { makeMeeting, makeSpace } from './testing/fixtures.ts';
import { parseIcs, prop, unescapeText } from './testing/ics-validator.ts';
import { CLUJ_WORKSHOPS } from './seed.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const admin = await browser(ctx, (await makeUser(ctx, { role: 'admin' })).id);

test('each meeting has a valid .ics and each space a calendar feed of its own meetings', async () => {
  const space = await makeSpace(ctx, 'Consultări, cartierul Mărăști; 2025');
  const hybrid = await makeMeeting(ctx, { spaceId: space, format: 'hybrid', title: 'Dezbatere: piste, trotuare; parcări' });
  await makeMeeting(ctx, { spaceId: space, title: 'A doua întâlnire' });
  await makeMeeting(ctx, { title: 'În alt spațiu' });

  const one = await app.inject({ method: 'GET', url: `/meetings/${hybrid}.ics` });
  assert.equal(one.statusCode, 200);
  assert.match(String(one.headers['content-type']), /^text\/calendar; charset=utf-8/);
  assert.match(String(one.headers['content-disposition']), /attachment; filename="meeting-\d+\.ics"/);
  const cal = parseIcs(one.body);
  const ev = cal.children[0]!;
  assert.equal(unescapeText(prop(ev, 'SUMMARY')!), 'Dezbatere: piste, trotuare; parcări');
  assert.match(prop(ev, 'UID')!, /^meeting-[0-9a-f-]{36}@dezvolt\.test$/);
  assert.ok(unescapeText(prop(ev, 'LOCATION')!).includes('https://meet.example.ro/atelier'));
  assert.equal(prop(ev, 'GEO'), '46.767000;23.586700');
  assert.equal(prop(ev, 'URL'), `http://dezvolt.test/meetings/${hybrid}`);

  const feed = await app.inject({ method: 'GET', url: `/meetings/spaces/${space}.ics` });
  assert.equal(feed.statusCode, 200);
  const feedCal = parseIcs(feed.body);
  assert.equal(unescapeText(prop(feedCal, 'X-WR-CALNAME')!), 'Consultări, cartierul Mărăști; 2025 · Întâlniri și ateliere');
  assert.deepEqual(feedCal.children.map((c) => unescapeText(prop(c, 'SUMMARY')!)).sort(), ['A doua întâlnire', 'Dezbatere: piste, trotuare; parcări']);
  assert.equal((await app.inject({ method: 'GET', url: '/meetings/spaces/999999.ics' })).statusCode, 404);

  const all = parseIcs((await app.inject({ method: 'GET', url: '/meetings.ics' })).body);
  assert.ok(all.children.some((c) => prop(c, 'SUMMARY') === 'În alt spațiu'));

  // Editing bumps SEQUENCE so calendars replace the old copy; cancelling marks it CANCELLED.
  const edit = await app.inject({
    method: 'POST',
    url: `/admin/meetings/${hybrid}`,
    headers: { ...FORM, cookie: admin.cookie },
    payload: new URLSearchParams({ _csrf: admin.csrf, title: 'Dezbatere mutată', date: '2099-03-01', startTime: '18:00', endTime: '20:00', format: 'online', onlineUrl: 'https://meet.example.ro/nou', spaceId: String(space) }).toString(),
  });
  assert.equal(edit.statusCode, 303, edit.body.slice(0, 300));
  await app.inject({ method: 'POST', url: `/admin/meetings/${hybrid}/cancel`, headers: { ...FORM, cookie: admin.cookie }, payload: `_csrf=${encodeURIComponent(admin.csrf)}` });
  const changed = parseIcs((await app.inject({ method: 'GET', url: `/meetings/${hybrid}.ics` })).body).children[0]!;
  assert.equal(prop(changed, 'SEQUENCE'), '2');
  assert.equal(prop(changed, 'STATUS'), 'CANCELLED');
  assert.equal(prop(changed, 'DTSTART'), '20990301T160000Z', '18:00 in Cluj in winter is 16:00 UTC');
});

test('the reminder goes out the day before, once, to confirmed people only; a moved meeting is reminded at its new time', async () => {
  const id = await makeMeeting(ctx, { capacity: 1 });
  const [job] = await ctx.database.query<{ run_at: Date; payload: { startsAt: string } }>(`select run_at, payload from jobs where name = 'meetings.remind' and payload->>'meetingId' = $1`, [String(id)]);
  assert.equal(job, undefined, 'a meeting inserted behind the commands has no job; the admin form books one');

  const create = await app.inject({
    method: 'POST',
    url: '/admin/meetings',
    headers: { ...FORM, cookie: admin.cookie },
    payload: new URLSearchParams({ _csrf: admin.csrf, title: 'Atelier cu memento', date: new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10), startTime: '17:00', endTime: '18:30', format: 'in_person', address: 'Piața Unirii 1', capacity: '1', registrationOpen: 'on' }).toString(),
  });
  assert.equal(create.statusCode, 303, create.body.slice(0, 400));
  const meetingId = Number(String(create.headers.location).split('/').pop());
  const [booked] = await ctx.database.query<{ run_at: Date; starts_at: Date }>(
    `select j.run_at, m.starts_at from jobs j join meetings m on m.id = (j.payload->>'meetingId')::int where j.name = 'meetings.remind' and m.id = $1`,
    [meetingId],
  );
  assert.equal(new Date(booked!.starts_at).getTime() - new Date(booked!.run_at).getTime(), 24 * 3600_000, 'due 24 hours before the start');

  const confirmed = await makeUser(ctx);
  const waiting = await makeUser(ctx);
  for (const u of [confirmed, waiting]) {
    const b = await browser(ctx, u.id);
    await app.inject({ method: 'POST', url: `/meetings/${meetingId}/register`, headers: { ...FORM, cookie: b.cookie }, payload: `_csrf=${encodeURIComponent(b.csrf)}` });
  }
  await ctx.database.query(`update jobs set run_at = now() where name = 'meetings.remind' and (payload->>'meetingId')::int = $1`, [meetingId]);
  await ctx.jobs.runDue();
  const reminders = async (email: string) => (await ctx.database.query(`select 1 from mail_outbox where to_address = $1 and subject = 'Mâine: Atelier cu memento'`, [email])).length;
  assert.equal(await reminders(confirmed.email), 1);
  assert.equal(await reminders(waiting.email), 0, 'the waiting list gets no reminder');
  await ctx.jobs.enqueue('meetings.remind', (await ctx.database.query<{ payload: Record<string, unknown> }>(`select payload from jobs where name = 'meetings.remind' and (payload->>'meetingId')::int = $1`, [meetingId]))[0]!.payload);
  await ctx.jobs.runDue();
  assert.equal(await reminders(confirmed.email), 1, 'a repeated job mails nobody twice');

  // Moved two days later: a new reminder is booked for the new start; the old job does nothing.
  const moved = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
  const edit = await app.inject({
    method: 'POST',
    url: `/admin/meetings/${meetingId}`,
    headers: { ...FORM, cookie: admin.cookie },
    payload: new URLSearchParams({ _csrf: admin.csrf, title: 'Atelier cu memento', date: moved, startTime: '17:00', endTime: '18:30', format: 'in_person', address: 'Piața Unirii 1', capacity: '1', registrationOpen: 'on' }).toString(),
  });
  assert.equal(edit.statusCode, 303);
  const jobs = await ctx.database.query<{ starts: string; status: string }>(`select payload->>'startsAt' as starts, status from jobs where name = 'meetings.remind' and (payload->>'meetingId')::int = $1 order by id`, [meetingId]);
  assert.ok(jobs.some((j) => j.starts.startsWith(moved) && j.status === 'queued'), 'a reminder for the new date is booked');
  await ctx.jobs.enqueue('meetings.remind', { meetingId, startsAt: jobs[0]!.starts });
  await ctx.jobs.runDue();
  assert.equal(await reminders(confirmed.email), 1, 'the reminder for the old start sends nothing');
  await ctx.database.query(`update jobs set run_at = now() where name = 'meetings.remind' and (payload->>'meetingId')::int = $1 and status = 'queued'`, [meetingId]);
  await ctx.jobs.runDue();
  assert.equal(await reminders(confirmed.email), 2, 'the new start gets its own reminder');
});

test('afterwards: attendance, minutes, documents and linked proposals; only after the meeting and only by admins', async () => {
  const upcoming = await makeMeeting(ctx);
  const outcome = (id: number, who = admin) =>
    app.inject({ method: 'POST', url: `/admin/meetings/${id}/outcome`, headers: { ...FORM, cookie: who.cookie }, payload: new URLSearchParams({ _csrf: who.csrf, attendanceCount: '27', minutes: 'S-a discutat fișa de exercițiu.' }).toString() });
  assert.equal((await outcome(upcoming)).statusCode, 403, 'a meeting that has not happened has no minutes');
  const past = await makeMeeting(ctx, { startsInHours: -3 });
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await outcome(past, citizen)).statusCode, 403);
  assert.equal((await outcome(past)).statusCode, 303);
  const page = await app.inject({ method: 'GET', url: `/meetings/${past}` });
  assert.ok(page.body.includes('Au participat 27 de persoane.') && page.body.includes('S-a discutat fișa de exercițiu.'));

  const upload = (name: string, data: Buffer) => {
    const boundary = '----dz' + Math.random().toString(16).slice(2);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return app.inject({ method: 'POST', url: `/admin/meetings/${past}/attachments?_csrf=${encodeURIComponent(admin.csrf)}`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: admin.cookie }, payload: body });
  };
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF');
  assert.equal((await upload('minuta atelier 3.pdf', pdf)).statusCode, 303);
  const fake = await upload('virus.pdf', Buffer.from('MZ not really a pdf'));
  assert.equal(fake.statusCode, 400);
  assert.ok(fake.body.includes('Fișierul nu este un PDF'));
  const [att] = await ctx.database.query<{ id: number }>('select id from meeting_attachments where meeting_id = $1', [past]);
  const download = await app.inject({ method: 'GET', url: `/meetings/${past}/attachments/${att!.id}` });
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/pdf');
  assert.match(String(download.headers['content-disposition']), /attachment; filename="minuta atelier 3\.pdf"/);
  assert.deepEqual(download.rawPayload, pdf);

  const link = await app.inject({ method: 'POST', url: `/admin/meetings/${past}/proposals`, headers: { ...FORM, cookie: admin.cookie }, payload: new URLSearchParams({ _csrf: admin.csrf, proposalId: '987654', link: 'on' }).toString() });
  assert.equal(link.statusCode, 400);
  assert.ok(link.body.includes('Nu există o propunere cu acest număr.'));
  const [proposal] = await ctx.database.query<{ id: number; title: string }>('select id::int as id, title from proposals order by id limit 1');
  assert.ok(proposal, 'the demo has proposals to link');
  const linked = await app.inject({ method: 'POST', url: `/admin/meetings/${past}/proposals`, headers: { ...FORM, cookie: admin.cookie }, payload: new URLSearchParams({ _csrf: admin.csrf, proposalId: String(proposal.id), link: 'on' }).toString() });
  assert.equal(linked.statusCode, 303);
  const shown = await app.inject({ method: 'GET', url: `/meetings/${past}` });
  assert.ok(shown.body.includes(`href="/proposals/${proposal.id}"`) && shown.body.includes('Propuneri discutate'));
});

test('the demo has the three Cluj workshops of July 2023 with their attendance', async () => {
  const rows = await ctx.database.query<{ title: string; day: string; attendance_count: number; address: string }>(
    `select title, to_char(starts_at at time zone 'Europe/Bucharest', 'YYYY-MM-DD') as day, attendance_count, address from meetings where starts_at < '2024-01-01' order by starts_at`,
  );
  assert.deepEqual(
    rows.map((r) => [r.day, r.title, r.attendance_count]),
    CLUJ_WORKSHOPS.map((w) => [w.date, w.title, w.attendance]),
  );
  assert.deepEqual(
    rows.map((r) => [r.day, r.attendance_count]),
    [
      ['2023-07-06', 30],
      ['2023-07-12', 36],
      ['2023-07-20', 27],
    ],
  );
  assert.ok(rows.every((r) => r.address.includes('Turnul Croitorilor')));
  const [space] = await ctx.database.query<{ id: number }>(`select id from spaces where slug = 'dialog-civic-cluj-2023'`);
  const inSpace = await app.inject({ method: 'GET', url: `/meetings?space=${space!.id}` });
  assert.ok(inSpace.body.includes('Workshop 1 // Cetățeanul Smart City') && !inSpace.body.includes('Atelier de test'), 'the space component lists its own meetings');
  const list = await app.inject({ method: 'GET', url: '/meetings' });
  assert.ok(list.body.includes('Workshop 2 // Responsabilitatea civică în era digitală'));
  assert.ok(list.body.includes('Conferința de final de proiect'));
});
