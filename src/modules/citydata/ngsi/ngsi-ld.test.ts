// NGSI-LD subset on the Smart Data Models examples, with the status codes and ProblemDetails types
// of ETSI GS CIM 009.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../../core/testing/harness.ts';
import { browser, makeUser } from '../../../core/testing/factories.ts';
import { clujPoint, makeGroup, sdmExample } from '../testing/fixtures.ts';
import { fromKeyValues } from './entity-format.ts';

const { app, ctx } = await testApp();
const { apiKey } = await makeGroup(ctx);
const KEY = { 'x-api-key': apiKey };
const BASE = '/ngsi-ld/v1';
const ERR = 'https://uri.etsi.org/ngsi-ld/errors/';

function normalized(example: Record<string, unknown>, id?: string): Record<string, unknown> {
  const { '@context': _ctx, ...rest } = example;
  return { id: id ?? example.id, type: example.type, ...fromKeyValues(rest) };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: `${BASE}${url}`, headers: { 'content-type': 'application/json', ...KEY, ...headers }, payload: JSON.stringify(body) });
}

test('create, retrieve and delete the WasteContainer example (normalized, application/ld+json)', async () => {
  const example = sdmExample('WasteContainer.normalized.jsonld');
  const res = await post('/entities', example, { 'content-type': 'application/ld+json' });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.headers.location, `${BASE}/entities/${encodeURIComponent(String(example.id))}`);

  const again = await post('/entities', example, { 'content-type': 'application/ld+json' });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().type, `${ERR}AlreadyExists`);

  const got = await app.inject({ url: `${BASE}/entities/${encodeURIComponent(String(example.id))}` });
  assert.equal(got.statusCode, 200);
  assert.match(String(got.headers.link), /ngsi-ld-core-context\.jsonld>; rel="http:\/\/www\.w3\.org\/ns\/json-ld#context"/);
  const body = got.json();
  assert.equal(body.binCapacity.value, 43);
  assert.deepEqual(body.location.value.coordinates, [-8.768460000000001, 42.60214472222222]);

  const ld = await app.inject({ url: `${BASE}/entities/${encodeURIComponent(String(example.id))}?options=keyValues`, headers: { accept: 'application/ld+json' } });
  assert.match(String(ld.headers['content-type']), /^application\/ld\+json/);
  assert.deepEqual(ld.json()['@context'], example['@context']);
  assert.equal(ld.json().binColor, 'Green');

  const del = await app.inject({ method: 'DELETE', url: `${BASE}/entities/${encodeURIComponent(String(example.id))}`, headers: KEY });
  assert.equal(del.statusCode, 204);
  const gone = await app.inject({ url: `${BASE}/entities/${encodeURIComponent(String(example.id))}` });
  assert.equal(gone.statusCode, 404);
  assert.equal(gone.json().type, `${ERR}ResourceNotFound`);
  const delAgain = await app.inject({ method: 'DELETE', url: `${BASE}/entities/${encodeURIComponent(String(example.id))}`, headers: KEY });
  assert.equal(delAgain.statusCode, 404);
});

test('bad requests answer ProblemDetails with the spec types', async () => {
  const parking = sdmExample('ParkingSpot.keyvalues.jsonld');
  // application/json must not carry @context in the body; ld+json must.
  const withContext = await post('/entities', { ...normalized(parking), '@context': parking['@context'] });
  assert.equal(withContext.statusCode, 400);
  assert.equal(withContext.json().type, `${ERR}BadRequestData`);
  const noContext = await post('/entities', normalized(parking), { 'content-type': 'application/ld+json' });
  assert.equal(noContext.statusCode, 400);
  // Key-values are not a normalized entity.
  const kv = await post('/entities', (({ '@context': _c, ...rest }) => rest)(parking));
  assert.equal(kv.statusCode, 400);
  assert.equal(kv.json().type, `${ERR}BadRequestData`);
  const notUri = await post('/entities', { id: 'not a uri', type: 'ParkingSpot' });
  assert.equal(notUri.statusCode, 400);
  const broken = await app.inject({ method: 'POST', url: `${BASE}/entities`, headers: { 'content-type': 'application/json', ...KEY }, payload: '{"id": ' });
  assert.equal(broken.statusCode, 400);
  assert.equal(broken.json().type, `${ERR}InvalidRequest`);
  const noFilter = await app.inject({ url: `${BASE}/entities` });
  assert.equal(noFilter.statusCode, 400);
  assert.equal(noFilter.json().type, `${ERR}BadRequestData`);
  const badQ = await app.inject({ url: `${BASE}/entities?type=ParkingSpot&q=status>>"x` });
  assert.equal(badQ.statusCode, 400);
  const tooMany = await app.inject({ url: `${BASE}/entities?type=ParkingSpot&limit=5000` });
  assert.equal(tooMany.statusCode, 403);
  assert.equal(tooMany.json().type, `${ERR}TooManyResults`);
  const unknownOp = await app.inject({ url: `${BASE}/subscriptions` });
  assert.equal(unknownOp.statusCode, 404);
  assert.equal(unknownOp.json().type, `${ERR}ResourceNotFound`);
});

test('writes need a device-group key or an administrator; a wrong key is refused', async () => {
  const airQuality = normalized(sdmExample('AirQualityObserved.keyvalues.json'), 'urn:ngsi-ld:AirQualityObserved:auth-test');
  const anonymous = await app.inject({ method: 'POST', url: `${BASE}/entities`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(airQuality) });
  assert.equal(anonymous.statusCode, 401);
  const wrongKey = await post('/entities', airQuality, { 'x-api-key': 'nope' });
  assert.equal(wrongKey.statusCode, 401);
  const citizen = await makeUser(ctx);
  const b = await browser(ctx, citizen.id);
  const asCitizen = await app.inject({ method: 'POST', url: `${BASE}/entities`, headers: { 'content-type': 'application/json', ...b.headers }, payload: JSON.stringify(airQuality) });
  assert.equal(asCitizen.statusCode, 403);
  const admin = await makeUser(ctx, { role: 'admin' });
  const a = await browser(ctx, admin.id);
  const asAdmin = await app.inject({ method: 'POST', url: `${BASE}/entities`, headers: { 'content-type': 'application/json', ...a.headers }, payload: JSON.stringify(airQuality) });
  assert.equal(asAdmin.statusCode, 201, asAdmin.body);
});

test('query by type, idPattern, q, attrs, geo-query, limit/offset and count', async () => {
  const streetlight = sdmExample('Streetlight.keyvalues.json');
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const [lng, lat] = clujPoint();
    const id = `urn:ngsi-ld:Streetlight:cluj:q-${i}`;
    ids.push(id);
    const res = await post('/entities?options=keyValues', { ...streetlight, id, powerState: i % 2 ? 'on' : 'off', powerConsumption: i * 10, location: { type: 'Point', coordinates: [lng, lat] } });
    assert.equal(res.statusCode, 201, res.body);
  }
  const all = await app.inject({ url: `${BASE}/entities?type=Streetlight&idPattern=^urn:ngsi-ld:Streetlight:cluj:q-&count=true&limit=2` });
  assert.equal(all.statusCode, 200);
  assert.equal(all.headers['ngsild-results-count'], '5');
  assert.deepEqual(all.json().map((e: { id: string }) => e.id), ids.slice(0, 2));
  const page2 = await app.inject({ url: `${BASE}/entities?type=Streetlight&idPattern=q-&limit=2&offset=2` });
  assert.deepEqual(page2.json().map((e: { id: string }) => e.id), ids.slice(2, 4));

  const on = await app.inject({ url: `${BASE}/entities?type=Streetlight&q=${encodeURIComponent('powerState=="on";powerConsumption>=20')}&options=keyValues` });
  assert.deepEqual(on.json().map((e: { id: string }) => e.id), [ids[3]]);
  const orQuery = await app.inject({ url: `${BASE}/entities?type=Streetlight&idPattern=q-&q=${encodeURIComponent('powerConsumption==0|powerConsumption==40')}` });
  assert.deepEqual(orQuery.json().map((e: { id: string }) => e.id), [ids[0], ids[4]]);
  const range = await app.inject({ url: `${BASE}/entities?type=Streetlight&idPattern=q-&q=${encodeURIComponent('powerConsumption==10..30')}` });
  assert.deepEqual(range.json().map((e: { id: string }) => e.id), ids.slice(1, 4));
  const nested = await app.inject({ url: `${BASE}/entities?type=Streetlight&idPattern=q-&q=${encodeURIComponent('municipalityInfo[wardNum]==4')}&limit=1` });
  assert.equal(nested.json().length, 1);

  const picked = await app.inject({ url: `${BASE}/entities?id=${ids[0]}&attrs=powerState` });
  assert.deepEqual(Object.keys(picked.json()[0]).sort(), ['id', 'powerState', 'type']);

  const first = all.json()[0] as { location: { value: { coordinates: [number, number] } } };
  const near = await app.inject({
    url: `${BASE}/entities?type=Streetlight&georel=${encodeURIComponent('near;maxDistance==10')}&geometry=Point&coordinates=${encodeURIComponent(JSON.stringify(first.location.value.coordinates))}`,
  });
  assert.deepEqual(near.json().map((e: { id: string }) => e.id), [ids[0]]);
  const geojson = await app.inject({ url: `${BASE}/entities?id=${ids[1]}`, headers: { accept: 'application/geo+json' } });
  assert.equal(geojson.json().type, 'FeatureCollection');
  assert.equal(geojson.json().features[0].geometry.type, 'Point');
});

test('PATCH attrs: 204, 207 for unknown attributes, 404 for unknown entities; time series kept', async () => {
  const id = 'urn:ngsi-ld:ParkingSpot:cluj:patch-1';
  const parking = sdmExample('ParkingSpot.keyvalues.jsonld');
  const { '@context': context, ...kv } = parking;
  const res = await post('/entities?options=keyValues', { ...kv, id, '@context': context }, { 'content-type': 'application/ld+json' });
  assert.equal(res.statusCode, 201, res.body);
  const url = `${BASE}/entities/${id}/attrs`;
  const ok = await app.inject({ method: 'PATCH', url, headers: { 'content-type': 'application/json', ...KEY }, payload: JSON.stringify({ status: { type: 'Property', value: 'occupied', observedAt: '2020-01-01T10:00:00Z' } }) });
  assert.equal(ok.statusCode, 204, ok.body);
  const partial = await app.inject({
    method: 'PATCH',
    url,
    headers: { 'content-type': 'application/json', ...KEY },
    payload: JSON.stringify({ status: { type: 'Property', value: 'free', observedAt: '2020-01-01T11:00:00Z' }, color: { type: 'Property', value: 'red' } }),
  });
  assert.equal(partial.statusCode, 207);
  assert.deepEqual(partial.json(), { updated: ['status'], notUpdated: [{ attributeName: 'color', reason: 'attribute does not exist' }] });
  const missing = await app.inject({ method: 'PATCH', url: `${BASE}/entities/urn:ngsi-ld:ParkingSpot:none/attrs`, headers: { 'content-type': 'application/json', ...KEY }, payload: JSON.stringify({ status: { type: 'Property', value: 'free' } }) });
  assert.equal(missing.statusCode, 404);
  const badAttr = await app.inject({ method: 'PATCH', url, headers: { 'content-type': 'application/json', ...KEY }, payload: JSON.stringify({ status: 'free' }) });
  assert.equal(badAttr.statusCode, 400);

  const temporal = await app.inject({ url: `${BASE}/temporal/entities/${id}?attrs=status&timerel=before&timeAt=2021-01-01T00:00:00Z` });
  assert.equal(temporal.statusCode, 200);
  assert.deepEqual(
    temporal.json().status.map((i: { value: string; observedAt: string }) => [i.value, i.observedAt]),
    [
      ['occupied', '2020-01-01T10:00:00.000Z'],
      ['free', '2020-01-01T11:00:00.000Z'],
    ],
  );
  // The value given at creation is an observation too (at creation time), so the latest one is 'free' of 11:00 or later.
  const lastTwo = await app.inject({ url: `${BASE}/temporal/entities/${id}?attrs=status&lastN=2&timerel=before&timeAt=2021-01-01T00:00:00Z&options=temporalValues` });
  assert.deepEqual(lastTwo.json().status, { type: 'Property', values: [['occupied', '2020-01-01T10:00:00.000Z'], ['free', '2020-01-01T11:00:00.000Z']] });
  const lastOne = await app.inject({ url: `${BASE}/temporal/entities/${id}?attrs=status&lastN=1&timerel=before&timeAt=2021-01-01T00:00:00Z` });
  assert.deepEqual(lastOne.json().status.map((i: { value: string }) => i.value), ['free']);
  const between = await app.inject({ url: `${BASE}/temporal/entities?type=ParkingSpot&id=${id}&attrs=status&timerel=between&timeAt=2020-01-01T09:00:00Z&endTimeAt=2020-01-01T10:30:00Z` });
  assert.deepEqual(between.json()[0].status.map((i: { value: string }) => i.value), ['occupied']);
  const noEnd = await app.inject({ url: `${BASE}/temporal/entities/${id}?timerel=between&timeAt=2020-01-01T09:00:00Z` });
  assert.equal(noEnd.statusCode, 400);
  assert.equal(noEnd.json().type, `${ERR}BadRequestData`);
});

test('batch create/upsert/update/delete answer 201, 204 and 207 as the spec says', async () => {
  const aq = sdmExample('AirQualityObserved.keyvalues.json');
  const mk = (i: number, extra: Record<string, unknown> = {}) => normalized({ ...aq, ...extra }, `urn:ngsi-ld:AirQualityObserved:cluj:batch-${i}`);
  const created = await post('/entityOperations/create', [mk(1), mk(2)]);
  assert.equal(created.statusCode, 201, created.body);
  assert.deepEqual(created.json().sort(), ['urn:ngsi-ld:AirQualityObserved:cluj:batch-1', 'urn:ngsi-ld:AirQualityObserved:cluj:batch-2']);
  const dup = await post('/entityOperations/create', [mk(2), mk(3)]);
  assert.equal(dup.statusCode, 207);
  assert.deepEqual(dup.json().success, ['urn:ngsi-ld:AirQualityObserved:cluj:batch-3']);
  assert.equal(dup.json().errors[0].entityId, 'urn:ngsi-ld:AirQualityObserved:cluj:batch-2');
  assert.equal(dup.json().errors[0].error.type, `${ERR}AlreadyExists`);

  const allUpdated = await post('/entityOperations/upsert', [mk(1, { so2: 20 }), mk(2)]);
  assert.equal(allUpdated.statusCode, 204, allUpdated.body);
  const someCreated = await post('/entityOperations/upsert', [mk(1), mk(4)]);
  assert.equal(someCreated.statusCode, 201);
  assert.deepEqual(someCreated.json(), ['urn:ngsi-ld:AirQualityObserved:cluj:batch-4']);
  const upsertBad = await post('/entityOperations/upsert', [mk(5), { id: 'nope nope', type: 'AirQualityObserved' }]);
  assert.equal(upsertBad.statusCode, 207);
  assert.equal(upsertBad.json().errors[0].error.type, `${ERR}BadRequestData`);

  // Upsert replaces by default and merges with options=update.
  await post('/entityOperations/upsert?options=update', [{ id: 'urn:ngsi-ld:AirQualityObserved:cluj:batch-1', type: 'AirQualityObserved', pm10: { type: 'Property', value: 31, unitCode: 'GQ' } }]);
  const merged = (await app.inject({ url: `${BASE}/entities/urn:ngsi-ld:AirQualityObserved:cluj:batch-1?options=keyValues` })).json();
  assert.equal(merged.pm10, 31);
  assert.equal(merged.so2, 11);
  await post('/entityOperations/upsert', [{ id: 'urn:ngsi-ld:AirQualityObserved:cluj:batch-1', type: 'AirQualityObserved', pm10: { type: 'Property', value: 32 } }]);
  const replaced = (await app.inject({ url: `${BASE}/entities/urn:ngsi-ld:AirQualityObserved:cluj:batch-1?options=keyValues` })).json();
  assert.deepEqual(Object.keys(replaced).sort(), ['id', 'pm10', 'type']);

  const updated = await post('/entityOperations/update', [mk(2, { no2: 12 })]);
  assert.equal(updated.statusCode, 204);
  const updateMissing = await post('/entityOperations/update', [mk(2), mk(99)]);
  assert.equal(updateMissing.statusCode, 207);
  assert.equal(updateMissing.json().errors[0].error.type, `${ERR}ResourceNotFound`);

  const notArray = await post('/entityOperations/create', mk(6));
  assert.equal(notArray.statusCode, 400);
  const deleted = await post('/entityOperations/delete', ['urn:ngsi-ld:AirQualityObserved:cluj:batch-3', 'urn:ngsi-ld:AirQualityObserved:cluj:batch-4']);
  assert.equal(deleted.statusCode, 204);
  const deleteMissing = await post('/entityOperations/delete', ['urn:ngsi-ld:AirQualityObserved:cluj:batch-3', 'urn:ngsi-ld:AirQualityObserved:cluj:batch-2']);
  assert.equal(deleteMissing.statusCode, 207);
  assert.deepEqual(deleteMissing.json().success, ['urn:ngsi-ld:AirQualityObserved:cluj:batch-2']);
});
