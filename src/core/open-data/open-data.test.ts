// The open-data catalog: the page lists every enabled module's datasets, the DCAT catalog is valid
// and each of its download URLs answers with its media type; CSV parses back; unknown → 404.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../testing/harness.ts';
import { seedDemo } from '../seed/demo.ts';
import { csvRecords } from '../testing/csv.ts';
import { datasets } from './catalog.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
await ctx.database.query(
  `insert into citydata_entities (urn, type, attrs, public, location) values
     ('urn:ngsi-ld:WasteContainer:od-public', 'WasteContainer', '{"name":{"type":"Property","value":"Container piață"},"fillingLevel":{"type":"Property","value":0.4}}', true, ST_SetSRID(ST_MakePoint(23.59, 46.77), 4326)),
     ('urn:ngsi-ld:WasteContainer:od-private', 'WasteContainer', '{"name":{"type":"Property","value":"Container intern"}}', false, ST_SetSRID(ST_MakePoint(23.6, 46.78), 4326))`,
);

interface Dcat {
  '@type': string;
  'dct:license': string;
  'dcat:dataset': { 'dct:identifier': string; 'dct:title': string; 'dcat:distribution': { 'dcat:downloadURL': string; 'dcat:mediaType': string }[] }[];
}

test('every enabled module with open data contributes datasets', () => {
  const ids = datasets(ctx).map((d) => d.spec.id);
  for (const id of ['reports', 'proposals', 'budget-projects', 'citydata-devices']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
  assert.equal(new Set(ids).size, ids.length, 'dataset ids are unique');
  for (const d of datasets(ctx)) assert.match(d.spec.id, /^[a-z0-9-]+$/);
});

test('the catalog page lists the datasets with their download links, in the chosen language', async () => {
  const res = await app.inject({ method: 'GET', url: '/open-data' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1[^>]*>Date deschise<\/h1>/);
  assert.match(res.body, /<h2[^>]*>Sesizări publice<\/h2>/);
  assert.match(res.body, /href="\/open-data\/reports\.csv"/);
  assert.match(res.body, /href="\/open-data\/citydata-devices\.geojson"/);
  assert.match(res.body, /href="https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/"/);
  const en = await app.inject({ method: 'GET', url: '/open-data', cookies: { dz_lang: 'en' } });
  assert.match(en.body, /<h2[^>]*>Public reports<\/h2>/);
  const hu = await app.inject({ method: 'GET', url: '/open-data', cookies: { dz_lang: 'hu' } });
  assert.match(hu.body, /<h2[^>]*>Nyilvános bejelentések<\/h2>/);
  const home = await app.inject({ method: 'GET', url: '/' });
  assert.match(home.body, /<a href="\/open-data">Date deschise<\/a>/, 'the footer links to the catalog');
});

test('the DCAT catalog is valid, in the OpenAPI document, and every download URL answers with its media type', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/v1/open-data' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^application\/ld\+json/);
  const cat = res.json() as Dcat;
  assert.equal(cat['@type'], 'dcat:Catalog');
  assert.equal(cat['dct:license'], 'https://creativecommons.org/licenses/by/4.0/');
  assert.ok(cat['dcat:dataset'].length >= 4);
  for (const ds of cat['dcat:dataset']) {
    assert.ok(ds['dct:title'] && ds['dcat:distribution'].length > 0, ds['dct:identifier']);
    for (const dist of ds['dcat:distribution']) {
      const url = new URL(dist['dcat:downloadURL']);
      assert.equal(url.origin, ctx.config.baseUrl);
      const file = await app.inject({ method: 'GET', url: url.pathname });
      assert.equal(file.statusCode, 200, url.pathname);
      assert.equal(String(file.headers['content-type']).split(';')[0], dist['dcat:mediaType'], url.pathname);
      assert.match(String(file.headers['content-disposition']), new RegExp(`attachment; filename="${ds['dct:identifier']}\\.\\w+"`));
      if (dist['dcat:mediaType'] !== 'text/csv') JSON.parse(file.body);
    }
  }
  const openapi = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.ok((openapi.json() as { paths: Record<string, unknown> }).paths['/api/v1/open-data'], 'the catalog is documented');
});

test('the licence is a city setting', async () => {
  await ctx.settings.set('openData', { license: 'CC0-1.0' });
  try {
    const cat = (await app.inject({ method: 'GET', url: '/api/v1/open-data' })).json() as Dcat;
    assert.equal(cat['dct:license'], 'https://creativecommons.org/publicdomain/zero/1.0/');
  } finally {
    await ctx.settings.set('openData', { license: 'CC-BY-4.0' });
  }
});

test('CSV parses back into a header and rows', async () => {
  const res = await app.inject({ method: 'GET', url: '/open-data/budget-projects.csv' });
  assert.equal(res.statusCode, 200);
  const { header } = csvRecords(res.body);
  assert.deepEqual(header.slice(0, 3), ['edition_id', 'edition', 'phase']);
});

test('city data exports only public devices', async () => {
  const res = await app.inject({ method: 'GET', url: '/open-data/citydata-devices.geojson' });
  const fc = res.json() as { type: string; features: { id: string; geometry: { coordinates: number[] }; properties: { name: string; type: string } }[] };
  assert.equal(fc.type, 'FeatureCollection');
  const pub = fc.features.find((f) => f.id === 'urn:ngsi-ld:WasteContainer:od-public');
  assert.ok(pub);
  assert.equal(pub.properties.name, 'Container piață');
  assert.deepEqual(pub.geometry.coordinates, [23.59, 46.77]);
  assert.ok(!res.body.includes('od-private'), 'a private device stays out');
});

test('an unknown dataset or format is a 404 problem', async () => {
  for (const url of ['/open-data/nothing.csv', '/open-data/reports.xlsx', '/open-data/citydata-devices.csv']) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 404, url);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    assert.equal((res.json() as { status: number }).status, 404);
  }
});

test('a switched-off module takes its datasets out of the page, the catalog and the downloads', async () => {
  const off = await testApp({ config: { disabledModules: ['citydata'] } });
  const page = await off.app.inject({ method: 'GET', url: '/open-data' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /href="\/open-data\/reports\.csv"/);
  assert.ok(!page.body.includes('citydata-devices'));
  const cat = (await off.app.inject({ method: 'GET', url: '/api/v1/open-data' })).json() as Dcat;
  assert.ok(!cat['dcat:dataset'].some((d) => d['dct:identifier'] === 'citydata-devices'));
  assert.equal((await off.app.inject({ method: 'GET', url: '/open-data/citydata-devices.geojson' })).statusCode, 404);
});
