// /reports/feed.atom: well-formed Atom whatever people type, the /reports filters, masked text only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { testApp } from '../../../core/testing/harness.ts';
import { makeUser } from '../../../core/testing/factories.ts';
import { seedDemo } from '../../../core/seed/demo.ts';
import { fileReport } from '../oversight/fixtures.ts';
import { listReports } from '../queries.ts';
import { filtersFrom } from '../routes/citizen.tsx';
import { xmlAttr, xmlText } from './atom.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);

interface Entry {
  id: string;
  title: { '#text': string };
  link: { '@_href': string };
  updated: string;
  published: string;
  category: { '@_term': string } | { '@_term': string }[];
  summary: { '#text': string };
}

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link', textNodeName: '#text', alwaysCreateTextNode: true, parseTagValue: false });

async function feed(query = '') {
  const res = await app.inject({ method: 'GET', url: `/reports/feed.atom${query}` });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^application\/atom\+xml; charset=utf-8/);
  assert.equal(XMLValidator.validate(res.body), true, 'the feed is well-formed XML');
  const doc = parser.parse(res.body) as { feed: { '@_xmlns': string; id: { '#text': string }; updated: { '#text': string }; link: { '@_rel': string; '@_href': string }[]; entry?: Entry[] } };
  return { raw: res.body, feed: doc.feed, entries: doc.feed.entry ?? [] };
}

const idOf = (e: Entry) => Number(String((e.id as unknown as { '#text': string })['#text']).split('/').pop());
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

const [lighting] = await ctx.database.query<{ id: number }>(`select id from categories where code = 'lighting.streetlight'`);
const [marasti] = await ctx.database.query<{ id: number }>(`select id from areas where slug = 'marasti'`);
const citizen = await makeUser(ctx);
const tricky = await fileReport(ctx, {
  categoryId: lighting!.id,
  userId: citizen.id,
  text: 'Bec ars <script>alert("x")</script> & „ghilimele” \'apostrof\' \u0001\u0008 sunați la 0722 123 456 sau maria.pop@example.ro',
});

test('the feed is Atom 1.0 with ids, links and update times; text is escaped and masked', async () => {
  const { raw, feed: f, entries } = await feed();
  assert.equal(f['@_xmlns'], 'http://www.w3.org/2005/Atom');
  assert.equal(f.id['#text'], 'http://dezvolt.test/reports/feed.atom');
  assert.match(f.updated['#text'], ISO);
  assert.deepEqual(f.link.map((l) => [l['@_rel'], l['@_href']]), [['self', 'http://dezvolt.test/reports/feed.atom'], ['alternate', 'http://dezvolt.test/reports']]);
  const { total } = await listReports(ctx, 'ro', {}, 1);
  assert.equal(entries.length, Math.min(total, 50));
  for (const e of entries) {
    assert.match((e.updated as unknown as { '#text': string })['#text'], ISO);
    assert.match((e.published as unknown as { '#text': string })['#text'], ISO);
    assert.equal((e.link as unknown as { '@_href': string }[])[0]!['@_href'], `http://dezvolt.test/reports/${idOf(e)}`);
  }
  const mine = entries.find((e) => idOf(e) === tricky)!;
  assert.ok(mine, 'the newest report is in the feed');
  assert.ok(mine.summary['#text'].startsWith(`Bec ars <script>alert("x")</script> & „ghilimele” 'apostrof'`), 'the text survives the round trip');
  assert.doesNotMatch(raw, /<script>/, 'markup in a report never reaches the XML unescaped');
  assert.doesNotMatch(raw, /[\u0001\u0008]/, 'characters XML forbids are dropped');
  assert.doesNotMatch(raw, /0722 123 456|maria\.pop@example\.ro/, 'only the masked public text');
});

test('the feed honours the /reports filters', async () => {
  for (const query of ['?category=lighting.streetlight', '?status=resolved', '?status=open', `?district=${marasti!.id}`, `?status=new&category=lighting.streetlight`]) {
    const { feed: f, entries } = await feed(query);
    const params = Object.fromEntries(new URLSearchParams(query));
    const expected = await listReports(ctx, 'ro', filtersFrom({ ...params, ...(params.district ? { district: Number(params.district) } : {}) }), 1, 50);
    assert.deepEqual(entries.map(idOf), expected.items.map((i) => i.id), query);
    assert.equal(f.id['#text'], `http://dezvolt.test/reports/feed.atom${query}`);
    if (params.category) for (const e of entries) assert.equal((Array.isArray(e.category) ? e.category[0]! : e.category)['@_term'], params.category);
  }
  const { entries: lightingOnly } = await feed('?category=lighting.streetlight');
  assert.ok(lightingOnly.some((e) => idOf(e) === tricky));
  const { entries: resolvedOnly } = await feed('?status=resolved');
  assert.ok(!resolvedOnly.some((e) => idOf(e) === tricky), 'a new report is not in the resolved feed');
  assert.ok(resolvedOnly.length >= 1, 'the demo city has a resolved report');
  assert.equal((await app.inject({ method: 'GET', url: '/reports/feed.atom?status=bogus' })).statusCode, 400);
});

test('unconfirmed and hidden reports stay out of the feed', async () => {
  const unconfirmed = await fileReport(ctx, { categoryId: lighting!.id, contact: { name: 'Ion', email: 'ion.feed@example.test' } });
  const hidden = await fileReport(ctx, { categoryId: lighting!.id, userId: citizen.id });
  await ctx.database.query('update reports set hidden_at = now() where id = $1', [hidden]);
  const ids = (await feed()).entries.map(idOf);
  assert.ok(!ids.includes(unconfirmed));
  assert.ok(!ids.includes(hidden));
});

test('escaping covers markup, quotes and forbidden characters', () => {
  assert.equal(xmlText('a < b && c > d'), 'a &lt; b &amp;&amp; c &gt; d');
  assert.equal(xmlAttr(`"x" 'y'\n`), '&quot;x&quot; &apos;y&apos;&#10;');
  assert.equal(xmlText('ok\u0000\u001F\uFFFE\uD800!'), 'ok!');
  assert.equal(xmlText('emoji 🚧 stays'), 'emoji 🚧 stays');
});
