// Search: one box over spaces, proposals, debates, meetings and surveys; Romanian-aware (accents
// and inflections), forgiving typos in titles, never showing what the public may not see.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { unique } from '../../core/testing/factories.ts';
import { makeProposalsComponent, insertProposal } from '../proposals/testing/fixtures.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);

async function api(q: string, type?: string) {
  const res = await app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}${type ? `&type=${type}` : ''}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { total: number; counts: Record<string, number>; results: { type: string; title: string; url: string }[] };
}

test('finds proposals with or without diacritics and across inflections', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const marker = unique('zzq');
  await insertProposal(ctx, componentId, `Grădiniță nouă în cartierul Bună Ziua ${marker}`, 'Copiii din cartier fac naveta până în centru.');
  for (const q of [`gradinita ${marker}`, `grădinițe ${marker}`, `GRADINITA buna ziua ${marker}`, `cartierului ${marker}`]) {
    const r = await api(q);
    assert.deepEqual(r.results.map((x) => x.type), ['proposal'], q);
  }
  assert.equal((await api(`teatru ${marker}`)).total, 0, 'every word must match');
});

test('covers spaces, debates and the demo content, with counts per type and a type filter', async () => {
  const all = await api('Mănăștur');
  assert.ok(all.results.some((r) => r.type === 'space' && r.url === '/spaces/grup-local-manastur'));
  assert.ok((all.counts.proposal ?? 0) >= 1, 'the demo proposal about Mănăștur');
  const only = await api('manastur', 'space');
  assert.ok(only.results.every((r) => r.type === 'space'));
  assert.equal(only.total, all.counts.space);
  const debate = await api('buget cartiere centru');
  assert.ok(debate.results.some((r) => r.type === 'debate'));
});

test('a typo in a title still finds it', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  await insertProposal(ctx, componentId, 'Skatepark lângă Sala Polivalentă');
  const r = await api('skatepak polivalenta');
  assert.ok(r.results.some((x) => x.title === 'Skatepark lângă Sala Polivalentă'));
});

test('hidden, withdrawn and unpublished content stays out of the results', async () => {
  const marker = unique('yyq');
  const open = await makeProposalsComponent(ctx);
  const hidden = await insertProposal(ctx, open.componentId, `Propunere ascunsă ${marker}`);
  await ctx.database.query(`update proposals set hidden_at = now() where id = $1`, [hidden]);
  const withdrawn = await insertProposal(ctx, open.componentId, `Propunere retrasă ${marker}`);
  await ctx.database.query(`update proposals set state = 'withdrawn' where id = $1`, [withdrawn]);
  const draft = await makeProposalsComponent(ctx, { published: false });
  await insertProposal(ctx, draft.componentId, `Propunere din proces nepublicat ${marker}`);
  await ctx.database.query(`insert into spaces (kind, slug, title) values ('process', $1, $2)`, [unique('ciorna-'), `Proces ciornă ${marker}`]);
  await insertProposal(ctx, open.componentId, `Propunere vizibilă ${marker}`);
  const r = await api(marker);
  assert.deepEqual(r.results.map((x) => x.title), [`Propunere vizibilă ${marker}`]);
});

test('meetings and surveys are searched when their tables exist', async () => {
  const marker = unique('xxq');
  const [space] = await ctx.database.query<{ id: number }>(`select id from spaces where slug = 'cluj-propune-2025'`);
  const tables = (await ctx.database.query<{ t: string }>(`select table_name as t from information_schema.tables where table_name in ('meetings','surveys')`)).map((r) => r.t);
  if (tables.includes('surveys')) {
    await ctx.database.query(`insert into surveys (space_id, title, description, status) values ($1, $2, 'Despre mobilitate', 'open'), ($1, $3, 'Ciornă', 'draft')`, [space!.id, `Chestionar transport ${marker}`, `Chestionar ciornă ${marker}`]);
  }
  if (tables.includes('meetings')) {
    await ctx.database.query(
      `insert into meetings (space_id, title, description, starts_at, ends_at, format, address) values ($1, $2, 'Atelier', now() + interval '1 day', now() + interval '1 day 2 hours', 'in_person', 'Str. Memorandumului 21')`,
      [space!.id, `Atelier de cartier ${marker}`],
    );
  }
  const r = await api(marker);
  const expected = [...(tables.includes('meetings') ? ['meeting'] : []), ...(tables.includes('surveys') ? ['survey'] : [])].sort();
  assert.deepEqual(r.results.map((x) => x.type).sort(), expected, 'drafts stay out');
});

test('the search page works without JavaScript and is paginated', async () => {
  const marker = unique('wwq');
  const { componentId } = await makeProposalsComponent(ctx);
  for (let i = 0; i < 23; i++) await insertProposal(ctx, componentId, `Banca numărul ${i} din parc ${marker}`);
  const page1 = await app.inject({ method: 'GET', url: `/search?q=${marker}` });
  assert.equal(page1.statusCode, 200);
  assert.match(page1.body, /23 de rezultate pentru/);
  assert.match(page1.body, /Pagina 1 din 2/);
  const page2 = await app.inject({ method: 'GET', url: `/search?q=${marker}&page=2` });
  assert.equal((page2.body.match(/class="item-title"/g) ?? []).length, 3);
  const short = await app.inject({ method: 'GET', url: '/search?q=a' });
  assert.match(short.body, /Scrie cel puțin două litere/);
  const empty = await app.inject({ method: 'GET', url: '/search' });
  assert.equal(empty.statusCode, 200);
});

test('a repeated search reuses its matches, but what they show is read fresh: hidden items leave at once', async () => {
  const marker = unique('vvq');
  const { componentId } = await makeProposalsComponent(ctx);
  const a = await insertProposal(ctx, componentId, `Fântână în parc ${marker}`);
  const b = await insertProposal(ctx, componentId, `Fântână la școală ${marker}`);
  assert.equal((await api(marker)).results.length, 2);
  await ctx.database.query(`update proposals set hidden_at = now() where id = $1`, [a]);
  await ctx.database.query(`update proposals set title = $2 where id = $1`, [b, `Fântână la școala nr. 3 ${marker}`]);
  const again = await api(marker);
  assert.deepEqual(again.results.map((r) => r.title), [`Fântână la școala nr. 3 ${marker}`], 'the hidden one is gone, the edited title is current');
  await insertProposal(ctx, componentId, `Fântână în piață ${marker}`);
  assert.equal((await api(marker)).results.length, 1, 'a new match waits for the cached entry to expire');
  await ctx.settings.set('module.search', { cacheSeconds: 0 });
  try {
    assert.equal((await api(marker)).results.length, 2, 'with the cache off every search matches afresh');
  } finally {
    await ctx.settings.set('module.search', { cacheSeconds: 15 });
  }
});

async function truth(marker: string, from: number, to: number): Promise<string[]> {
  const rows = await ctx.database.query<{ title: string }>(
    `select p.title from proposals p join space_components c on c.id = p.component_id join spaces s on s.id = p.space_id
     where p.search @@ dz_fts_query($1) and p.hidden_at is null and p.state <> 'withdrawn' and c.published and s.published
     order by p.supports_count desc, p.id desc offset $2 limit $3`,
    [marker, from, to - from],
  );
  return rows.map((r) => r.title);
}

async function pageOf(marker: string, page: number) {
  const res = await app.inject({ method: 'GET', url: `/api/v1/search?q=${marker}&type=proposal&page=${page}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { total: number; counts: Record<string, number>; capped: boolean; results: { title: string }[] };
}

test('a common word: the most supported matches and "100+", found near the top of the supports index or past it', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const matches = (marker: string, n: number, supportsFrom: number) =>
    ctx.database.query(
      `insert into proposals (component_id, space_id, title, body, body_public, supports_count)
       select $1, space_id, 'Copaci pe strada ' || g || ' ' || $2, 'Umbră pentru trecători vara.', 'Umbră pentru trecători vara.', $3 + (g * 37) % 500 from space_components, generate_series(1, $4) g where id = $1`,
      [componentId, marker, supportsFrom, n],
    );
  // Near the top: more supported than anything else here, so the first 101 matches are near the index's start.
  const near = unique('ttq');
  await matches(near, 150, 1000000);
  // Past the walk: 3,100 more supported proposals without the word come first in the index.
  const far = unique('ssq');
  await ctx.database.query(
    `insert into proposals (component_id, space_id, title, body, body_public, supports_count)
     select $1, space_id, 'Altă propunere fără legătură ' || g, 'Nimic în comun cu restul.', 'Nimic în comun cu restul.', 2000000 + g from space_components, generate_series(1, 3100) g where id = $1`,
    [componentId],
  );
  await matches(far, 130, 100);
  for (const marker of [near, far]) {
    const first = await pageOf(marker, 1);
    assert.equal(first.counts.proposal, 100, `${marker}: shown as 100+`);
    assert.equal(first.capped, true);
    assert.deepEqual(first.results.map((r) => r.title), await truth(marker, 0, 20), `${marker}: the 20 most supported, in order`);
    assert.deepEqual((await pageOf(marker, 5)).results.map((r) => r.title), await truth(marker, 80, 100), `${marker}: page 5`);
    assert.deepEqual((await pageOf(marker, 6)).results.map((r) => r.title), await truth(marker, 100, 120), `${marker}: past the cap every match is ranked`);
  }
});

test('short words are still required: every word of the search must match', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const marker = unique('rrq');
  await insertProposal(ctx, componentId, `Loc de joacă umbrit ${marker}`);
  await insertProposal(ctx, componentId, `Joacă pe asfalt încins ${marker}`);
  await insertProposal(ctx, componentId, `Locuri de parcare lângă joacă ${marker}`);
  const r = await api(`loc joaca ${marker}`);
  assert.deepEqual(r.results.map((x) => x.title).sort(), [`Loc de joacă umbrit ${marker}`, `Locuri de parcare lângă joacă ${marker}`], '"loc" matches as a prefix ("locuri"), and a text without it is left out');
});
