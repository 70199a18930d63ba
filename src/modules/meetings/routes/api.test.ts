// The meetings JSON API and its iCalendar exports over HTTP: upcoming/past and space filters with
// paging, one meeting with counts but nobody's name or email, minutes only once it happened,
// meetings of unpublished spaces nowhere, RFC 5545 files checked by the strict reader, OpenAPI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../../core/testing/harness.ts';
import { makeUser } from '../../../core/testing/factories.ts';
import { makeMeeting, makeSpace } from '../testing/fixtures.ts';
import { parseIcs, prop, unescapeText } from '../testing/ics-validator.ts';

const { app, ctx } = await testApp();

const get = (url: string) => app.inject({ method: 'GET', url });
type Item = {
  id: number;
  title: string;
  format: string;
  place: { address: string; lat: number | null; lng: number | null } | null;
  onlineUrl: string | null;
  registration: { open: boolean; capacity: number | null; confirmed: number; waiting: number };
  calendarUrl: string;
};
type Page = { items: Item[]; total: number; page: number; pageSize: number };

async function registerPeople(meetingId: number, status: 'confirmed' | 'waiting', n: number) {
  for (let i = 0; i < n; i++) {
    const u = await makeUser(ctx, { name: `Participant Privat ${status} ${i}` });
    await ctx.database.query('insert into meeting_registrations (meeting_id, user_id, status) values ($1, $2, $3)', [meetingId, u.id, status]);
  }
}

test('the list filters by space and by upcoming/past, soonest first, with paging', async () => {
  const space = await makeSpace(ctx, 'Cartierul Gheorgheni');
  const later = await makeMeeting(ctx, { spaceId: space, title: 'Mai târziu', startsInHours: 96 });
  const soon = await makeMeeting(ctx, { spaceId: space, title: 'Curând', startsInHours: 24 });
  const past = await makeMeeting(ctx, { spaceId: space, title: 'Trecută', startsInHours: -72 });
  await makeMeeting(ctx, { title: 'În alt loc' });

  const res = await get(`/api/v1/meetings?space=${space}`);
  assert.equal(res.statusCode, 200);
  const upcoming = res.json() as Page;
  assert.deepEqual(upcoming.items.map((m) => m.id), [soon, later]);
  assert.equal(upcoming.total, 2);

  assert.deepEqual(((await get(`/api/v1/meetings?space=${space}&when=past`)).json() as Page).items.map((m) => m.id), [past]);
  const all = (await get(`/api/v1/meetings?space=${space}&when=all&pageSize=2&page=2`)).json() as Page;
  assert.deepEqual({ ids: all.items.map((m) => m.id), total: all.total, page: all.page, pageSize: all.pageSize }, { ids: [later], total: 3, page: 2, pageSize: 2 });

  assert.equal((await get(`/api/v1/meetings?when=tomorrow`)).statusCode, 400);
  const noSpace = await get('/api/v1/meetings?space=2147483000');
  assert.equal(noSpace.statusCode, 404);
  assert.match(String(noSpace.headers['content-type']), /^application\/problem\+json/);
});

test('one meeting: time, place with coordinates, online link only for online formats, counts and capacity, no people', async () => {
  const id = await makeMeeting(ctx, { title: 'Atelier hibrid', format: 'hybrid', capacity: 2 });
  await registerPeople(id, 'confirmed', 2);
  await registerPeople(id, 'waiting', 1);
  const res = await get(`/api/v1/meetings/${id}`);
  assert.equal(res.statusCode, 200);
  const m = res.json() as Item & { startsAt: string; minutes: string | null; attachments: unknown[] };
  assert.match(m.startsAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.deepEqual(m.place, { address: 'Str. Baba Novac nr. 2', lat: 46.767, lng: 23.5867 });
  assert.equal(m.onlineUrl, 'https://meet.example.ro/atelier');
  assert.deepEqual(m.registration, { open: true, capacity: 2, confirmed: 2, waiting: 1 });
  assert.equal(m.minutes, null);
  assert.deepEqual(m.attachments, []);
  assert.equal(m.calendarUrl, `/api/v1/meetings/${id}.ics`);
  for (const secret of ['Participant Privat', '@example.test']) assert.ok(!res.body.includes(secret), secret);

  const inPerson = (await get(`/api/v1/meetings/${await makeMeeting(ctx, {})}`)).json() as Item;
  assert.equal(inPerson.onlineUrl, null);
  const online = (await get(`/api/v1/meetings/${await makeMeeting(ctx, { format: 'online' })}`)).json() as Item;
  assert.equal(online.place, null);

  const missing = await get('/api/v1/meetings/2147483000');
  assert.equal(missing.statusCode, 404);
  assert.equal((missing.json() as { status: number }).status, 404);
});

test('minutes and attendance appear once the meeting happened', async () => {
  const id = await makeMeeting(ctx, { startsInHours: -48 });
  await ctx.database.query(`update meetings set minutes = 'S-a votat amenajarea parcului.', attendance_count = 31 where id = $1`, [id]);
  const m = (await get(`/api/v1/meetings/${id}`)).json() as { minutes: string; attendanceCount: number; registration: { open: boolean } };
  assert.equal(m.minutes, 'S-a votat amenajarea parcului.');
  assert.equal(m.attendanceCount, 31);
  assert.equal(m.registration.open, false);

  // Minutes typed ahead of time stay unpublished until then.
  const ahead = await makeMeeting(ctx, { startsInHours: 48 });
  await ctx.database.query(`update meetings set minutes = 'Ciornă de proces-verbal' where id = $1`, [ahead]);
  const res = await get(`/api/v1/meetings/${ahead}`);
  assert.equal((res.json() as { minutes: unknown }).minutes, null);
  assert.ok(!res.body.includes('Ciornă de proces-verbal'));
});

test('meetings of an unpublished space appear nowhere: list, one, calendars', async () => {
  const hidden = await makeSpace(ctx, 'Spațiu nepublicat');
  await ctx.database.query('update spaces set published = false where id = $1', [hidden]);
  const id = await makeMeeting(ctx, { spaceId: hidden, title: 'Întâlnire ascunsă' });
  for (const url of [`/api/v1/meetings/${id}`, `/api/v1/meetings/${id}.ics`, `/api/v1/meetings?space=${hidden}`, `/api/v1/meetings.ics?space=${hidden}`]) {
    assert.equal((await get(url)).statusCode, 404, url);
  }
  for (const url of ['/api/v1/meetings?when=all&pageSize=100', '/api/v1/meetings.ics?when=all']) assert.ok(!(await get(url)).body.includes('Întâlnire ascunsă'), url);
});

test('iCalendar of one meeting and of the filtered list are valid RFC 5545', async () => {
  const space = await makeSpace(ctx, 'Mărăști; consultări, 2025');
  const id = await makeMeeting(ctx, { spaceId: space, title: 'Dezbatere: piste, trotuare; parcări', format: 'hybrid' });
  await makeMeeting(ctx, { spaceId: space, title: 'A doua întâlnire', startsInHours: 120 });
  await makeMeeting(ctx, { spaceId: space, title: 'Una trecută', startsInHours: -100 });

  const one = await get(`/api/v1/meetings/${id}.ics`);
  assert.equal(one.statusCode, 200);
  assert.match(String(one.headers['content-type']), /^text\/calendar; charset=utf-8/);
  const ev = parseIcs(one.body).children[0]!;
  assert.equal(unescapeText(prop(ev, 'SUMMARY')!), 'Dezbatere: piste, trotuare; parcări');
  assert.equal(prop(ev, 'GEO'), '46.767000;23.586700');
  assert.match(prop(ev, 'UID')!, /^meeting-[0-9a-f-]{36}@dezvolt\.test$/);

  const feed = await get(`/api/v1/meetings.ics?space=${space}`);
  assert.equal(feed.statusCode, 200);
  const cal = parseIcs(feed.body);
  assert.equal(unescapeText(prop(cal, 'X-WR-CALNAME')!), 'Mărăști; consultări, 2025 · Întâlniri și ateliere');
  assert.deepEqual(cal.children.map((c) => unescapeText(prop(c, 'SUMMARY')!)), ['Dezbatere: piste, trotuare; parcări', 'A doua întâlnire']);
  const past = parseIcs((await get(`/api/v1/meetings.ics?space=${space}&when=past`)).body);
  assert.deepEqual(past.children.map((c) => prop(c, 'SUMMARY')), ['Una trecută']);

  assert.equal((await get('/api/v1/meetings/2147483000.ics')).statusCode, 404);
  assert.equal((await get('/api/v1/meetings.ics?page=2')).statusCode, 400, 'a calendar has no pages');
});

test('the endpoints are in the OpenAPI document', async () => {
  const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, { get?: { tags?: string[]; summary?: string; responses?: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }> } }> };
  const json = { '/api/v1/meetings': 'items', '/api/v1/meetings/{id}': 'minutes' } as const;
  for (const [path, field] of Object.entries(json)) {
    const op = doc.paths[path]?.get;
    assert.ok(op, path);
    assert.deepEqual(op.tags, ['participation']);
    assert.ok(op.responses?.['404'], `${path} documents 404`);
    assert.ok(op.responses?.['200']?.content?.['application/json']?.schema?.properties?.[field], `${path} documents its 200 body`);
  }
  for (const path of ['/api/v1/meetings.ics', '/api/v1/meetings/{id}.ics']) {
    const op = doc.paths[path]?.get;
    assert.ok(op?.responses?.['200']?.content?.['text/calendar'], `${path} documents text/calendar`);
  }
});
