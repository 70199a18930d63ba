// The city data pages over HTTP: live page, sensor page with its chart, alerts, downloads, the live
// stream, and the command view's access rules and forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../../core/testing/harness.ts';
import { browser, form, makeUser } from '../../../core/testing/factories.ts';
import { openSse } from '../../../core/testing/sse-client.ts';
import { seedDemo } from '../../../core/seed/demo.ts';
import { demoKey } from '../demo-city.ts';
import { rollUp, checkStale, applyRetention } from '../maintenance.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);

async function patch(urn: string, attrs: Record<string, unknown>, key: string) {
  const res = await app.inject({
    method: 'PATCH',
    url: `/ngsi-ld/v1/entities/${urn}/attrs`,
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    payload: JSON.stringify(Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, { type: 'Property', value: v }]))),
  });
  assert.equal(res.statusCode, 204, res.body);
}

test('the live page lists the demo sensors with their latest values, without JavaScript', async () => {
  const res = await app.inject({ url: '/citydata' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1 id="citydata-heading">Orașul în timp real<\/h1>/);
  assert.match(res.body, /<caption>Ultimele valori<\/caption>/);
  assert.match(res.body, /Container Piața Unirii 1/);
  assert.match(res.body, /citydata-map\.js/);
  const waste = await app.inject({ url: '/citydata?type=WasteContainer' });
  assert.doesNotMatch(waste.body, /Stâlp /);
  const bad = await app.inject({ url: '/citydata?type=Nope' });
  assert.equal(bad.statusCode, 400);
});

test('a sensor page charts the last 24 hours and tabulates the hourly figures', async () => {
  const res = await app.inject({ url: `/citydata/entities/${encodeURIComponent('urn:ngsi-ld:AirQualityObserved:cluj:demo-aq-0')}` });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<svg class="chart"[^>]*role="img"/);
  assert.match(res.body, /<caption>Medii orare: pm10<\/caption>/);
  assert.equal((await app.inject({ url: '/citydata/entities/urn:ngsi-ld:Nope:1' })).statusCode, 404);
});

test('downloads: latest state and hourly aggregates as GeoJSON and CSV, registry as NGSI-LD', async () => {
  const geo = await app.inject({ url: '/citydata/latest.geojson?type=WasteContainer' });
  assert.equal(geo.statusCode, 200);
  const fc = geo.json() as { features: { geometry: { type: string }; properties: { fillingLevel: number } }[] };
  assert.equal(fc.features.length, 16);
  assert.equal(fc.features[0]!.geometry.type, 'Point');
  assert.equal(typeof fc.features[0]!.properties.fillingLevel, 'number');
  const csv = await app.inject({ url: '/citydata/latest.csv?type=AirQualityObserved' });
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  assert.match(csv.body.split('\r\n')[0]!, /^id,type,attribute,value,unitCode,observedAt,longitude,latitude$/);
  assert.match(csv.body, /urn:ngsi-ld:AirQualityObserved:cluj:demo-aq-0,AirQualityObserved,pm10,[\d.]+,GQ,/);
  const hourlyCsv = await app.inject({ url: '/citydata/hourly.csv?type=AirQualityObserved' });
  assert.match(hourlyCsv.body, /demo-aq-0,AirQualityObserved,pm10,\d{4}-/);
  const hourlyGeo = await app.inject({ url: '/citydata/hourly.geojson?type=AirQualityObserved' });
  assert.ok((hourlyGeo.json() as { features: { properties: { hours: unknown[] } }[] }).features[0]!.properties.hours.length >= 1);
  const registry = await app.inject({ url: '/citydata/devices.ngsi-ld.json?options=keyValues' });
  const entities = registry.json() as { id: string; '@context': string }[];
  assert.ok(entities.length >= 112);
  assert.ok(entities[0]!['@context']);
});

test('maintenance rolls readings up hourly and daily, applies retention and raises stale alerts', async () => {
  await rollUp(ctx, new Date(Date.now() - 3 * 3_600_000));
  const [h] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from citydata_hourly`);
  const [d] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from citydata_daily`);
  assert.ok(h!.n > 0 && d!.n > 0);
  const [sl] = await ctx.database.query<{ id: number }>(`select id from citydata_entities where urn = 'urn:ngsi-ld:Streetlight:cluj:demo-sl-3'`);
  await ctx.database.query(
    `insert into citydata_readings (entity_id, attr, observed_at, num) values ($1, 'illuminanceLevel', '2025-03-15T10:00:00Z', 0.5), ($1, 'illuminanceLevel', now() - interval '1 day', 0.7)`,
    [sl!.id],
  );
  await applyRetention(ctx, 30);
  const kept = await ctx.database.query<{ num: number }>(`select num from citydata_readings where entity_id = $1 and attr = 'illuminanceLevel'`, [sl!.id]);
  assert.ok(kept.some((r) => r.num === 0.7) && !kept.some((r) => r.num === 0.5), JSON.stringify(kept));
  const [part] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from citydata_readings_2025`);
  assert.equal(part!.n, 0);
  await ctx.database.query(`update citydata_entities set last_seen_at = now() - interval '1 day' where urn = 'urn:ngsi-ld:Streetlight:cluj:demo-sl-3'`);
  await checkStale(ctx);
  await checkStale(ctx);
  const stale = await ctx.database.query(`select 1 from citydata_alerts a join citydata_entities e on e.id = a.entity_id where a.kind = 'stale' and e.urn = 'urn:ngsi-ld:Streetlight:cluj:demo-sl-3' and a.cleared_at is null`);
  assert.equal(stale.length, 1);
  await patch('urn:ngsi-ld:Streetlight:cluj:demo-sl-3', { powerState: 'off' }, demoKey('Streetlight'));
  await ctx.database.query(`update citydata_entities set last_seen_at = now() where urn = 'urn:ngsi-ld:Streetlight:cluj:demo-sl-3'`);
  await checkStale(ctx);
  const open = await ctx.database.query(`select 1 from citydata_alerts a join citydata_entities e on e.id = a.entity_id where a.kind = 'stale' and e.urn = 'urn:ngsi-ld:Streetlight:cluj:demo-sl-3' and a.cleared_at is null`);
  assert.equal(open.length, 0);
});

test('the live stream pushes changed sensors', async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const sse = await openSse(`http://127.0.0.1:${port}/citydata/stream?type=WasteContainer`);
  try {
    assert.equal(sse.status, 200);
    await new Promise((r) => setTimeout(r, 100));
    await patch('urn:ngsi-ld:WasteContainer:cluj:demo-w-5', { fillingLevel: 0.61 }, demoKey('WasteContainer'));
    const msg = await sse.next((m) => m.event === 'state', 10_000);
    const items = JSON.parse(msg.data) as unknown[][];
    const mine = items.find((i) => i[0] === 'urn:ngsi-ld:WasteContainer:cluj:demo-w-5')!;
    assert.equal(mine[3], '61 %');
    assert.equal(mine[6], 0.61);
  } finally {
    sse.close();
  }
});

test('the command view: officials read it, admins manage groups and rules, citizens are refused', async () => {
  assert.equal((await app.inject({ url: '/admin/citydata' })).statusCode, 303);
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await app.inject({ url: '/admin/citydata', headers: citizen.headers })).statusCode, 403);
  const official = await browser(ctx, (await makeUser(ctx, { role: 'official' })).id);
  const view = await app.inject({ url: '/admin/citydata', headers: official.headers });
  assert.equal(view.statusCode, 200);
  assert.match(view.body, /Container plin/);
  assert.doesNotMatch(view.body, /Creează grupul/);
  const officialPost = await app.inject({ method: 'POST', url: '/admin/citydata/groups', headers: { ...official.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: official.csrf, name: 'x', entityType: 'Vehicle' }) });
  assert.equal(officialPost.statusCode, 403);

  const admin = await browser(ctx, (await makeUser(ctx, { role: 'admin' })).id);
  const post = (url: string, fields: Record<string, string>) =>
    app.inject({ method: 'POST', url, headers: { ...admin.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: admin.csrf, ...fields }) });
  const created = await post('/admin/citydata/groups', { name: 'Plugurile de zăpadă', entityType: 'Vehicle', department: '', staleAfter: '30', public: 'on' });
  assert.equal(created.statusCode, 201);
  const key = /nu va mai fi afișată: <code>([A-Za-z0-9_-]+)<\/code>/.exec(created.body)?.[1];
  assert.ok(key);
  const [g] = await ctx.database.query<{ id: number; api_key_hash: string }>(`select id, api_key_hash from citydata_groups where name = 'Plugurile de zăpadă'`);
  assert.notEqual(g!.api_key_hash, key, 'only the hash is stored');
  const invalid = await post('/admin/citydata/groups', { name: '', entityType: 'Vehicle' });
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.body, /Scrie un nume de cel mult 120 de caractere/);

  const badRule = await post('/admin/citydata/rules', { name: 'Viteză', entityType: 'Vehicle', attr: 'speed', direction: 'above', threshold: '50', reset: '60', action: 'alert', category: '' });
  assert.equal(badRule.statusCode, 400);
  assert.match(badRule.body, /Pragul de rearmare trebuie să fie de partea cealaltă/);
  const rule = await post('/admin/citydata/rules', { name: 'Viteză', entityType: 'Vehicle', attr: 'speed', direction: 'above', threshold: '50', reset: '40,5', action: 'alert', category: '' });
  assert.equal(rule.statusCode, 303);
  const [r] = await ctx.database.query<{ id: number; reset: number }>(`select id, reset from citydata_rules where name = 'Viteză'`);
  assert.equal(r!.reset, 40.5);
  assert.equal((await post(`/admin/citydata/rules/${r!.id}/toggle`, {})).statusCode, 303);
  assert.equal((await post(`/admin/citydata/groups/${g!.id}/revoke`, {})).statusCode, 303);
  const revoked = await app.inject({ method: 'POST', url: '/ngsi-ld/v1/entities', headers: { 'content-type': 'application/json', 'x-api-key': key! }, payload: JSON.stringify({ id: 'urn:ngsi-ld:Vehicle:x', type: 'Vehicle' }) });
  assert.equal(revoked.statusCode, 401);
});

test('public alerts page shows the public ones only', async () => {
  await patch('urn:ngsi-ld:AirQualityObserved:cluj:demo-aq-2', { pm10: 70 }, demoKey('AirQualityObserved'));
  const res = await app.inject({ url: '/citydata/alerts' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /PM10 peste limita/);
  assert.doesNotMatch(res.body, /Senzorul nu mai transmite/);
});
