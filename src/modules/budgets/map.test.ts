// Budget projects on a map: the GeoJSON shows only located projects the phase makes public (never
// rejected ones; from voting on only the ballot) with the winners marked; the edition and results
// pages embed the map island with the right addresses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser, unique } from '../../core/testing/factories.ts';
import { makeBudget } from './testing/fixtures.ts';
import { closeVoting } from './commands/results.ts';

const { app, ctx } = await testApp();
const admin = await makeUser(ctx, { role: 'admin' });

type Collection = { type: string; features: { id: number; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[] };

async function place(id: number, lng: number, lat: number) {
  await ctx.database.query('update pb_projects set location = ST_SetSRID(ST_MakePoint($2, $3), 4326) where id = $1', [id, lng, lat]);
}

async function geojson(url: string, cookie?: string) {
  const res = await app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });
  return { res, ids: res.statusCode === 200 ? (res.json() as Collection).features.map((f) => f.id).sort((a, b) => a - b) : [] };
}

test('while proposing, the map has located candidates, never rejected or unlocated ones, and can keep to one budget', async () => {
  const { editionId, budgetId, projectIds } = await makeBudget(ctx, admin.id, { phase: 'submission' });
  const [accepted, submitted, rejected, unlocated] = projectIds as [number, number, number, number];
  await ctx.database.query(`update pb_projects set status = 'submitted' where id = $1`, [submitted]);
  await ctx.database.query(`update pb_projects set status = 'rejected', status_reason = 'Terenul nu este al orașului' where id = $1`, [rejected]);
  await place(accepted, 23.59, 46.77);
  await place(submitted, 23.6, 46.76);
  await place(rejected, 23.61, 46.75);
  // A second budget is a district's (one city-wide budget per edition).
  const [area] = await ctx.database.query<{ id: number }>(
    `insert into areas (kind, slug, name, geom) values ('district', $1, 'Mărăști', ST_Multi(ST_MakeEnvelope(23.6, 46.77, 23.64, 46.79, 4326))) returning id`,
    [unique('marasti-')],
  );
  const [other] = await ctx.database.query<{ id: number }>(`insert into pb_budgets (edition_id, name, amount, area_id) values ($1, 'Cartierul Mărăști', 1000, $2) returning id`, [editionId, area!.id]);
  const [elsewhere] = await ctx.database.query<{ id: number }>(`insert into pb_projects (budget_id, title, cost, status, location) values ($1, 'Parc în Mărăști', 500, 'accepted', ST_SetSRID(ST_MakePoint(23.62, 46.78), 4326)) returning id`, [
    other!.id,
  ]);

  const all = await geojson(`/api/v1/pb/editions/${editionId}/projects.geojson`);
  assert.equal(all.res.statusCode, 200);
  assert.match(String(all.res.headers['content-type']), /^application\/geo\+json/);
  assert.deepEqual(all.ids, [accepted, submitted, elsewhere!.id].sort((a, b) => a - b));
  assert.ok(!all.ids.includes(unlocated) && !all.ids.includes(rejected));
  const f = (all.res.json() as Collection).features.find((x) => x.id === accepted)!;
  assert.deepEqual(f.geometry, { type: 'Point', coordinates: [23.59, 46.77] });
  assert.deepEqual(f.properties, { id: accepted, budgetId, title: 'Proiectul 1', status: 'accepted', selected: false, cost: 400, url: `/budgets/projects/${accepted}` });

  assert.deepEqual((await geojson(`/api/v1/pb/editions/${editionId}/projects.geojson?budget=${budgetId}`)).ids, [accepted, submitted].sort((a, b) => a - b));
  const foreign = await makeBudget(ctx, admin.id, { phase: 'submission' });
  const mismatch = await geojson(`/api/v1/pb/editions/${editionId}/projects.geojson?budget=${foreign.budgetId}`);
  assert.equal(mismatch.res.statusCode, 404, 'a budget of another edition');
  assert.match(String(mismatch.res.headers['content-type']), /problem\+json/);
  assert.equal((await geojson(`/api/v1/pb/editions/${editionId}/projects.geojson?budget=x`)).res.statusCode, 400);
  assert.equal((await geojson(`/api/v1/pb/editions/${editionId}/projects.geojson?status=rejected`)).res.statusCode, 400);
  assert.equal((await geojson('/api/v1/pb/editions/2147483000/projects.geojson')).res.statusCode, 404);

  const page = await app.inject({ url: `/budgets/editions/${editionId}` });
  const map = /<div id="pb-map"[^>]*>/.exec(page.body)?.[0] ?? '';
  assert.match(map, /role="region"/);
  assert.match(map, /aria-label="Harta proiectelor"/);
  assert.match(map, new RegExp(`data-src="/api/v1/pb/editions/${editionId}/projects.geojson"`));
  assert.match(map, /data-colour-by="status"/);
  assert.match(page.body, /<div class="map-block" data-feature-map(?:="[^"]*")? hidden/);
  assert.match(page.body, /<li data-value="submitted" data-colour="#4a4a4a">/, 'candidates have their colour in the legend');
  assert.doesNotMatch(page.body, /data-value="rejected"/);
  assert.match(page.body, /src="\/static\/assets\/feature-map\.js"/);
  assert.match(page.body, /Proiectul 4/, 'the table still lists every project');
});

test('from voting on only the ballot is on the map; the results mark the winners and their page embeds the map', async () => {
  const { editionId, budgetId, projectIds } = await makeBudget(ctx, admin.id, { costs: [900, 300, 200, 100] });
  const [big, voted, , never] = projectIds as [number, number, number, number];
  const [late] = await ctx.database.query<{ id: number }>(`insert into pb_projects (budget_id, title, cost, status, location) values ($1, 'Propus, neverificat', 50, 'submitted', ST_SetSRID(ST_MakePoint(23.5, 46.7), 4326)) returning id`, [budgetId]);
  await place(big, 23.59, 46.77);
  await place(voted, 23.6, 46.76);
  assert.deepEqual((await geojson(`/api/v1/pb/editions/${editionId}/projects.geojson`)).ids, [big, voted], 'a never-reviewed project is not on the ballot map');
  assert.ok(late);

  const before = await app.inject({ url: `/budgets/editions/${editionId}` });
  assert.doesNotMatch(before.body, /data-value="submitted"/, 'no candidates in the voting legend');
  assert.doesNotMatch(before.body, /data-value="selected"/, 'no winners before the results');
  assert.match(before.body, /data-cluster-label="\{count\} proiecte apropiate; apasă pentru a mări harta"/);

  await ctx.database.query(`insert into pb_ballots (budget_id, external_voter, source) values ($1, 'paper:1', 'paper')`, [budgetId]);
  await ctx.database.query(`insert into pb_ballot_items (ballot_id, project_id, position) select id, $2, 0 from pb_ballots where budget_id = $1`, [budgetId, voted]);
  assert.equal((await closeVoting(ctx, admin.id, editionId)).kind, 'closed');
  const after = (await geojson(`/api/v1/pb/editions/${editionId}/projects.geojson?budget=${budgetId}`)).res.json() as Collection;
  const byId = new Map(after.features.map((f) => [f.id, f.properties]));
  assert.deepEqual([...byId.keys()].sort((a, b) => a - b), [big, voted]);
  assert.equal(byId.get(voted)!.status, 'selected');
  assert.equal(byId.get(voted)!.selected, true);
  assert.equal(byId.get(big)!.selected, false, '900 no longer fits after 300');
  assert.ok(!byId.has(never), 'unlocated');

  const results = await app.inject({ url: `/budgets/results/${budgetId}` });
  assert.equal(results.statusCode, 200);
  const map = new RegExp(`<div id="pb-map-${budgetId}"[^>]*>`).exec(results.body)?.[0] ?? '';
  assert.match(map, /aria-label="Harta proiectelor votate"/);
  assert.match(map, new RegExp(`data-src="/api/v1/pb/editions/${editionId}/projects.geojson\\?budget=${budgetId}"`));
  assert.match(results.body, /<li data-value="accepted" data-colour="#0b4f8a">[\s\S]*?nefinanțat/);
  assert.match(results.body, /<li data-value="selected" data-colour="#1e7b34"><svg[^>]*>(?:(?!<\/svg>)[\s\S])*<path /, 'winners carry a check mark in the legend');
  assert.match(results.body, /src="\/static\/assets\/feature-map\.js"/);
});

test('a draft edition keeps its map to admins; pages without located projects load no map', async () => {
  const { editionId, projectIds } = await makeBudget(ctx, admin.id, { phase: 'draft' });
  const a = await browser(ctx, admin.id);
  const bare = await app.inject({ url: `/budgets/editions/${editionId}`, headers: { cookie: a.cookie } });
  assert.equal(bare.statusCode, 200);
  assert.doesNotMatch(bare.body, /data-feature-map|feature-map\.js/, 'nothing located, no map');
  await place(projectIds[0]!, 23.59, 46.77);
  assert.equal((await geojson(`/api/v1/pb/editions/${editionId}/projects.geojson`)).res.statusCode, 404);
  assert.equal((await app.inject({ url: `/budgets/editions/${editionId}` })).statusCode, 404, 'the page of a draft is the admins\' too');
  assert.match((await app.inject({ url: `/budgets/editions/${editionId}`, headers: { cookie: a.cookie } })).body, /data-feature-map/);
  assert.deepEqual((await geojson(`/api/v1/pb/editions/${editionId}/projects.geojson`, a.cookie)).ids, [projectIds[0]]);
});

test('the projects GeoJSON is documented in the OpenAPI description', async () => {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, { get?: { parameters?: { name: string }[]; responses?: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, { items?: { properties?: Record<string, { properties?: Record<string, unknown> }> } }> } }> }> } }>;
  };
  const op = doc.paths['/api/v1/pb/editions/{id}/projects.geojson']?.get;
  assert.ok(op, 'the path is listed');
  assert.deepEqual(op.parameters?.map((p) => p.name).sort(), ['budget', 'id']);
  assert.ok(op.responses?.['404']);
  const schema = Object.values(op.responses?.['200']?.content ?? {})[0]?.schema;
  assert.deepEqual(Object.keys(schema?.properties?.features?.items?.properties?.properties?.properties ?? {}).sort(), ['budgetId', 'cost', 'id', 'selected', 'status', 'title', 'url']);
});

test('a located project shows itself on its own page map; an unlocated one loads no map', async () => {
  const { editionId, projectIds } = await makeBudget(ctx, admin.id, { phase: 'submission' });
  const [located, unlocated] = projectIds as [number, number];
  await place(located, 23.58, 46.78);
  const one = await geojson(`/api/v1/pb/projects/${located}.geojson`);
  assert.equal(one.res.statusCode, 200);
  assert.deepEqual(one.ids, [located]);
  assert.deepEqual((one.res.json() as Collection).features[0]!.geometry, { type: 'Point', coordinates: [23.58, 46.78] });
  assert.deepEqual((await geojson(`/api/v1/pb/projects/${unlocated}.geojson`)).ids, []);
  assert.equal((await geojson('/api/v1/pb/projects/2147483000.geojson')).res.statusCode, 404);

  const page = await app.inject({ url: `/budgets/projects/${located}` });
  assert.match(page.body, new RegExp(`<div id="pb-project-map"[^>]*data-src="/api/v1/pb/projects/${located}.geojson"`));
  assert.match(page.body, /aria-label="Locul proiectului pe hartă"/);
  assert.match(page.body, /src="\/static\/assets\/feature-map\.js"/);
  const plain = await app.inject({ url: `/budgets/projects/${unlocated}` });
  assert.doesNotMatch(plain.body, /pb-project-map|feature-map\.js/);

  await ctx.database.query(`update pb_editions set phase = 'draft' where id = $1`, [editionId]);
  assert.equal((await geojson(`/api/v1/pb/projects/${located}.geojson`)).res.statusCode, 404, 'a draft edition hides its projects');
});
