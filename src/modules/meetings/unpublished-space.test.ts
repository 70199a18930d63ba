// A meeting of an unpublished (draft) space does not exist for the public: every page, form post,
// attachment and calendar answers 404 and no list or feed mentions it, until the space is published.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser } from '../../core/testing/factories.ts';
import { makeMeeting, makeSpace } from './testing/fixtures.ts';

const { app, ctx } = await testApp();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const SPACE = 'Spațiu încă nepublicat';
const TITLE = 'Atelier dintr-un spațiu ascuns';
const space = await makeSpace(ctx, SPACE, false);
const id = await makeMeeting(ctx, { spaceId: space, title: TITLE });
const [att] = await ctx.database.query<{ id: number }>(
  `insert into meeting_attachments (meeting_id, filename, content_type, size, data) values ($1, 'agenda.txt', 'text/plain', 3, '\\x616263'::bytea) returning id`,
  [id],
);
const anonymous = await browser(ctx);
const citizen = await browser(ctx, (await makeUser(ctx)).id);
const admin = await browser(ctx, (await makeUser(ctx, { role: 'admin' })).id);

const get = (url: string, who?: { cookie: string }) => app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
const post = (url: string, who: { cookie: string; csrf: string }) =>
  app.inject({ method: 'POST', url, headers: { ...FORM, cookie: who.cookie }, payload: `_csrf=${encodeURIComponent(who.csrf)}` });
const registered = async () => (await ctx.database.query<{ n: number }>('select count(*)::int as n from meeting_registrations where meeting_id = $1', [id]))[0]!.n;

test('a meeting of an unpublished space is 404 on every page, post and calendar for the public', async () => {
  for (const who of [anonymous, citizen]) {
    for (const url of [`/meetings/${id}`, `/meetings/${id}.ics`, `/meetings/spaces/${space}.ics`, `/meetings/${id}/attachments/${att!.id}`, `/api/v1/meetings/${id}`, `/api/v1/meetings/${id}.ics`]) {
      const res = await get(url, who);
      assert.equal(res.statusCode, 404, url);
      assert.ok(!res.body.includes(TITLE) && !res.body.includes(SPACE), `${url} reveals nothing`);
    }
    for (const what of ['register', 'cancel-registration']) assert.equal((await post(`/meetings/${id}/${what}`, who)).statusCode, 404, what);
  }
  assert.equal(await registered(), 0);
});

test('lists and calendar feeds leave it out', async () => {
  for (const url of ['/meetings', '/meetings.ics', '/api/v1/meetings', '/api/v1/meetings.ics']) {
    for (const who of [undefined, citizen]) assert.ok(!(await get(url, who)).body.includes(TITLE), url);
  }
});

test('an admin sees it; once the space is published everyone does', async () => {
  const page = await get(`/meetings/${id}`, admin);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(TITLE));
  assert.equal((await get(`/meetings/${id}.ics`, admin)).statusCode, 200);
  assert.equal((await get(`/meetings/${id}/attachments/${att!.id}`, admin)).statusCode, 200);

  await ctx.database.query('update spaces set published = true where id = $1', [space]);
  assert.equal((await get(`/meetings/${id}`)).statusCode, 200);
  assert.equal((await get(`/meetings/${id}.ics`)).statusCode, 200);
  assert.equal((await get(`/meetings/${id}/attachments/${att!.id}`)).statusCode, 200);
  const feed = await get(`/meetings/spaces/${space}.ics`);
  assert.equal(feed.statusCode, 200);
  assert.ok(feed.body.includes(SPACE.slice(0, 20)));
  for (const url of ['/meetings', '/meetings.ics']) assert.ok((await get(url)).body.includes(TITLE), url);
  assert.equal((await post(`/meetings/${id}/register`, citizen)).statusCode, 303);
  assert.equal(await registered(), 1);
});
