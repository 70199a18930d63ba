// Proposals on a map: the GeoJSON follows the list's filters and shows only visible, located
// proposals; the map view embeds the island with the right addresses and keeps the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { unique } from '../../core/testing/factories.ts';
import { makeProposalsComponent, insertProposal } from './testing/fixtures.ts';

const { app, ctx } = await testApp();

type Collection = { type: string; features: { type: string; id: number; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[] };

async function place(id: number, lng: number, lat: number) {
  await ctx.database.query('update proposals set location = ST_SetSRID(ST_MakePoint($2, $3), 4326) where id = $1', [id, lng, lat]);
}

async function geojson(query: string) {
  const res = await app.inject({ method: 'GET', url: `/api/v1/proposals.geojson?${query}` });
  return { res, ids: res.statusCode === 200 ? (res.json() as Collection).features.map((f) => f.id).sort((a, b) => a - b) : [] };
}

test('the GeoJSON has only visible, located proposals and honours the list filters', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const open = await insertProposal(ctx, componentId, 'Bănci noi în parcul central');
  const elsewhere = await insertProposal(ctx, componentId, 'Teren de baschet în Grigorescu');
  const unlocated = await insertProposal(ctx, componentId, 'Mai multe concerte în oraș');
  const hidden = await insertProposal(ctx, componentId, 'Reclamă ascunsă de moderatori');
  const withdrawn = await insertProposal(ctx, componentId, 'Propunere retrasă de autor');
  for (const [id, lng, lat] of [[open, 23.5899, 46.7694], [elsewhere, 23.634, 46.7677], [hidden, 23.59, 46.77], [withdrawn, 23.6, 46.76]] as const) await place(id, lng, lat);
  const [district] = await ctx.database.query<{ id: number }>(
    `insert into areas (kind, slug, name, geom) values ('district', $1, 'Grigorescu', ST_Multi(ST_MakeEnvelope(23.55, 46.76, 23.58, 46.78, 4326))) returning id`,
    [unique('cartier-')],
  );
  const [sport] = await ctx.database.query<{ id: number }>(`select id from proposal_categories where code = 'sport'`);
  await ctx.database.query(`update proposals set category_id = $2, district_id = $3, state = 'accepted', supports_count = 4 where id = $1`, [elsewhere, sport!.id, district!.id]);
  await ctx.database.query(`update proposals set hidden_at = now(), hidden_reason = 'spam' where id = $1`, [hidden]);
  await ctx.database.query(`update proposals set state = 'withdrawn' where id = $1`, [withdrawn]);

  const all = await geojson(`component=${componentId}`);
  assert.equal(all.res.statusCode, 200);
  assert.match(String(all.res.headers['content-type']), /^application\/geo\+json/);
  assert.deepEqual(all.ids, [open, elsewhere].sort((a, b) => a - b), 'no hidden, withdrawn or unlocated proposal');
  assert.ok(!all.ids.includes(unlocated));
  const body = all.res.json() as Collection;
  assert.equal(body.type, 'FeatureCollection');
  const f = body.features.find((x) => x.id === elsewhere)!;
  assert.equal(f.type, 'Feature');
  assert.deepEqual(f.geometry, { type: 'Point', coordinates: [23.634, 46.7677] });
  assert.deepEqual(f.properties, { id: elsewhere, title: 'Teren de baschet în Grigorescu', state: 'accepted', supports: 4, url: `/proposals/${elsewhere}` });
  assert.equal(body.features[0]!.id, elsewhere, 'most supported first');

  assert.deepEqual((await geojson(`component=${componentId}&state=accepted`)).ids, [elsewhere]);
  assert.deepEqual((await geojson(`component=${componentId}&state=open`)).ids, [open]);
  assert.deepEqual((await geojson(`component=${componentId}&state=withdrawn`)).ids, [withdrawn], 'withdrawn ones when asked for, as in the list');
  assert.deepEqual((await geojson(`component=${componentId}&category=sport`)).ids, [elsewhere]);
  assert.deepEqual((await geojson(`component=${componentId}&district=${district!.id}`)).ids, [elsewhere]);
  assert.deepEqual((await geojson(`component=${componentId}&district=`)).ids.length, 2, 'an empty district is no filter');
  assert.deepEqual((await geojson(`component=${componentId}&q=${encodeURIComponent('banci parc')}`)).ids, [open], 'text search without diacritics');
});

test('the GeoJSON refuses unknown components, unpublished spaces and unknown parameters', async () => {
  const hiddenSpace = await makeProposalsComponent(ctx, { published: false });
  const id = await insertProposal(ctx, hiddenSpace.componentId, 'Propunere într-un proces nepublicat');
  await place(id, 23.6, 46.77);
  const unpublished = await geojson(`component=${hiddenSpace.componentId}`);
  assert.equal(unpublished.res.statusCode, 404);
  assert.match(String(unpublished.res.headers['content-type']), /problem\+json/);
  assert.equal((await geojson('component=2147483000')).res.statusCode, 404);
  const missing = await geojson('');
  assert.equal(missing.res.statusCode, 400);
  const extra = await geojson(`component=${hiddenSpace.componentId}&sort=recent`);
  assert.equal(extra.res.statusCode, 400);
  assert.match(extra.res.body, /sort/);
});

test('the GeoJSON endpoint is documented in the OpenAPI description', async () => {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, { get?: { parameters?: { name: string }[]; responses?: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, { items?: { properties?: Record<string, { properties?: Record<string, unknown> }> } }> } }> }> } }>;
  };
  const op = doc.paths['/api/v1/proposals.geojson']?.get;
  assert.ok(op, 'the path is listed');
  assert.deepEqual(op.parameters?.map((p) => p.name).sort(), ['category', 'component', 'district', 'q', 'state']);
  assert.ok(op.responses?.['404'], 'documents 404');
  const schema = Object.values(op.responses?.['200']?.content ?? {})[0]?.schema;
  assert.deepEqual(Object.keys(schema?.properties?.features?.items?.properties?.properties?.properties ?? {}).sort(), ['id', 'state', 'supports', 'title', 'url']);
});

test('the map view embeds the map island with the filters; the list stays; the list view loads no map', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const id = await insertProposal(ctx, componentId, 'Fântână în Piața Muzeului');
  await place(id, 23.5866, 46.7716);
  const list = await app.inject({ method: 'GET', url: `/proposals/c/${componentId}?state=open` });
  assert.equal(list.statusCode, 200);
  assert.doesNotMatch(list.body, /data-feature-map|feature-map\.js|leaflet\.css/, 'the list view stays light');
  assert.match(list.body, new RegExp(`href="/proposals/c/${componentId}\\?state=open&amp;view=map"`), 'the switch keeps the filters');

  const res = await app.inject({ method: 'GET', url: `/proposals/c/${componentId}?state=open&sort=most_supported&view=map` });
  assert.equal(res.statusCode, 200);
  const block = /<div class="map-block" data-feature-map(?:="[^"]*")? hidden(?:="")?>([\s\S]*?)<\/ul><\/div>/.exec(res.body);
  assert.ok(block, 'the map block is hidden until JavaScript shows it');
  const map = /<div id="proposals-map"[^>]*>/.exec(block[1]!)?.[0] ?? '';
  assert.match(map, /role="region"/);
  assert.match(map, /aria-label="Harta propunerilor"/);
  assert.match(map, /aria-describedby="proposals-map-note"/);
  assert.match(map, new RegExp(`data-src="/api/v1/proposals.geojson\\?state=open&amp;component=${componentId}"`), 'the same filters, without the sort');
  assert.match(map, /data-colour-by="state"/);
  assert.match(map, /data-cluster-label="\{count\} propuneri apropiate; apasă pentru a mări harta"/, 'nearby points are grouped with a name');
  assert.match(map, /data-center-lat="[\d.]+"/);
  assert.doesNotMatch(map, /data-tiles/, 'no tile server unless configured');
  assert.match(block[1]!, /<li data-value="accepted" data-colour="#1e7b34">/);
  assert.match(res.body, /<script type="module" src="\/static\/assets\/feature-map\.js"/);
  assert.match(res.body, /href="\/static\/assets\/leaflet\/leaflet\.css"/);
  assert.match(res.body, /<input type="hidden" name="view" value="map"/, 'filtering keeps the map view');
  assert.match(res.body, /aria-current="page"[^>]*>Hartă</);
  assert.match(res.body, /Fântână în Piața Muzeului<\/a>/, 'the list is still there');
  assert.equal((await app.inject({ method: 'GET', url: `/proposals/c/${componentId}?view=globe` })).statusCode, 400);
});
