// GeoReport v2 reads on the demo city: discovery, services, definitions, requests, tokens and
// mySociety's updates, in JSON (held to the official schemas) and XML (parsed back).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../../core/testing/harness.ts';
import { makeUser } from '../../../core/testing/factories.ts';
import { seedDemo } from '../../../core/seed/demo.ts';
import { ANONYMOUS, loadActor } from '../../../core/auth/actor.ts';
import { submitReport } from '../commands/submit.ts';
import { changeStatus } from '../commands/handle.ts';
import { photoWithGps } from '../testing/fixtures.ts';
import { assertValid, parseXml, validators } from './testing/validators.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);

const REQUEST_KEYS = [
  'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
  'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
];
const ATTRIBUTES = [
  { variable: true, code: 'depth', datatype: 'singlevaluelist', required: true, datatype_description: '', order: 1, description: 'Cât de adâncă este groapa?', values: [{ key: 'shallow', name: 'Sub 5 cm' }, { key: 'deep', name: 'Peste 5 cm & periculoasă' }] },
  { variable: true, code: 'width_cm', datatype: 'number', required: false, datatype_description: 'centimetri', order: 2, description: 'Lățimea' },
];
await ctx.database.query(`update report_category_settings set attributes = $1 where category_id = (select id from categories where code = 'roads.pothole')`, [JSON.stringify(ATTRIBUTES)]);

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const categoryId = async (code: string) => (await ctx.database.query<{ id: number }>('select id from categories where code = $1', [code]))[0]!.id;

async function file(code: string, description: string, opts: { photos?: Buffer[]; createdAt?: string; lng?: number; lat?: number } = {}): Promise<number> {
  const citizen = await makeUser(ctx);
  const outcome = await submitReport(ctx, await loadActor(ctx.database, citizen.id), {
    categoryId: await categoryId(code),
    point: { lng: opts.lng ?? 23.5901, lat: opts.lat ?? 46.7705 },
    address: 'Str. Memorandumului 20',
    description,
    showName: false,
    photos: opts.photos ?? [],
    source: 'web',
  });
  assert.equal(outcome.kind, 'created');
  const id = (outcome as { id: number }).id;
  if (opts.createdAt) await ctx.database.query('update reports set created_at = $2, updated_at = $2 where id = $1', [id, opts.createdAt]);
  return id;
}

const official = await loadActor(ctx.database, (await ctx.database.query<{ id: string }>(`select id from users where email = 'drumuri@demo.dezvolt.ro'`))[0]!.id);
const withPhoto = await file('roads.pothole', 'Groapă mare. Sunați-mă la 0722 123 456.', { photos: [await photoWithGps()] });
assert.equal((await changeStatus(ctx, official, withPhoto, { to: 'acknowledged', publicNote: 'Echipa vine mâine.', internalNote: 'Doar pentru noi: echipa 3' })).kind, 'done');
const hidden = await file('roads.pothole', 'Raport ascuns de moderator');
await ctx.database.query(`update reports set hidden_at = now(), hidden_reason = 'spam' where id = $1`, [hidden]);
const unconfirmed = await submitReport(ctx, ANONYMOUS, {
  categoryId: await categoryId('roads.pothole'),
  point: { lng: 23.5901, lat: 46.7705 },
  description: 'Neconfirmat încă',
  showName: false,
  photos: [],
  contact: { name: 'Ion', email: 'ion@example.ro' },
  source: 'web',
});
assert.equal(unconfirmed.kind === 'created' && unconfirmed.status, 'unconfirmed');
const unconfirmedId = (unconfirmed as { id: number }).id;
// Three reports in spring 2025, far from everything else, for the date window and paging.
const march1 = await file('waste.uncollected', 'Martie 1', { createdAt: '2025-03-01T10:00:00Z' });
const march15 = await file('waste.uncollected', 'Martie 15', { createdAt: '2025-03-15T10:00:00Z' });
const april20 = await file('lighting.streetlight', 'Aprilie 20', { createdAt: '2025-04-20T10:00:00Z' });

test('discovery answers in JSON and XML at /open311/ and /open311/v2/', async () => {
  for (const base of ['/open311', '/open311/v2']) {
    const json = await get(`${base}/discovery.json`);
    assert.equal(json.statusCode, 200);
    assert.match(String(json.headers['content-type']), /^application\/json; charset=utf-8/);
    assertValid(validators.discovery, json.json(), 'discovery');
    const ep = json.json().endpoints[0];
    assert.deepEqual([ep.specification, ep.url, ep.type, ep.formats], ['http://wiki.open311.org/GeoReport_v2', 'http://dezvolt.test/open311/v2', 'production', ['text/xml', 'application/json']]);
    const xml = await get(`${base}/discovery.xml`);
    assert.match(String(xml.headers['content-type']), /^text\/xml; charset=utf-8/);
    const d = parseXml(xml.body).discovery as { changeset: string; endpoints: { endpoint: { url: string; formats: { format: string[] } }[] } };
    assert.equal(d.changeset, json.json().changeset);
    assert.equal(d.endpoints.endpoint[0]!.url, 'http://dezvolt.test/open311/v2');
    assert.deepEqual(d.endpoints.endpoint[0]!.formats.format, ['text/xml', 'application/json']);
  }
});

test('services: one per active category, in the request language, with department, metadata and keywords', async () => {
  await ctx.database.query(`update categories set active = false where code = 'police.noise'`);
  const res = await get('/open311/v2/services.json');
  assert.equal(res.statusCode, 200);
  assertValid(validators.services, res.json(), 'services');
  const services = res.json() as { service_code: string; service_name: string; metadata: boolean; type: string; group: string; keywords: string; description: string | null }[];
  const [active] = await ctx.database.query<{ n: number }>('select count(*)::int as n from categories where active');
  assert.equal(services.length, active!.n);
  assert.ok(!services.some((s) => s.service_code === 'police.noise'), 'inactive categories are not offered');
  const pothole = services.find((s) => s.service_code === 'roads.pothole')!;
  assert.deepEqual({ ...pothole, keywords: undefined, description: undefined }, { service_code: 'roads.pothole', service_name: 'Gropi în carosabil', metadata: true, type: 'realtime', group: 'Drumuri', keywords: undefined, description: undefined });
  assert.ok(pothole.keywords.split(', ').length >= 2, 'names in the other languages serve as keywords');
  assert.equal(services.find((s) => s.service_code === 'waste.uncollected')!.metadata, false);

  const en = await get('/open311/v2/services.json?jurisdiction_id=dezvolt.test', { cookie: 'dz_lang=en' });
  assert.equal(en.json().find((s: { service_code: string }) => s.service_code === 'roads.pothole').service_name, 'Potholes');

  const xml = parseXml((await get('/open311/v2/services.xml')).body) as { services: { service: Record<string, string>[] } };
  assert.equal(xml.services.service.length, services.length);
  const x = xml.services.service.find((s) => s.service_code === 'roads.pothole')!;
  assert.deepEqual(Object.keys(x), ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
  assert.deepEqual([x.service_name, x.metadata, x.type, x.group], ['Gropi în carosabil', 'true', 'realtime', 'Drumuri']);
  await ctx.database.query(`update categories set active = true where code = 'police.noise'`);

  const wrong = await get('/open311/v2/services.json?jurisdiction_id=elsewhere.example');
  assert.equal(wrong.statusCode, 404);
  assertValid(validators.errors, wrong.json(), 'errors');
});

test('a service definition lists the attributes and their values; an unknown service is a 404', async () => {
  const res = await get('/open311/v2/services/roads.pothole.json');
  assert.equal(res.statusCode, 200);
  assertValid(validators.serviceDefinition, res.json(), 'service definition');
  assert.deepEqual(res.json(), {
    service_code: 'roads.pothole',
    attributes: [
      { variable: true, code: 'depth', datatype: 'singlevaluelist', required: true, datatype_description: null, order: 1, description: 'Cât de adâncă este groapa?', values: ATTRIBUTES[0]!.values },
      { variable: true, code: 'width_cm', datatype: 'number', required: false, datatype_description: 'centimetri', order: 2, description: 'Lățimea' },
    ],
  });
  const xml = await get('/open311/v2/services/roads.pothole.xml');
  assert.match(xml.body, /<name>Peste 5 cm &amp; periculoasă<\/name>/, 'text is escaped');
  const def = parseXml(xml.body).service_definition as { service_code: string; attributes: { attribute: { code: string; required: string; datatype_description: string; values?: { value: { key: string; name: string }[] } }[] } };
  assert.equal(def.service_code, 'roads.pothole');
  assert.deepEqual(def.attributes.attribute.map((a) => [a.code, a.required, a.datatype_description]), [['depth', 'true', ''], ['width_cm', 'false', 'centimetri']]);
  assert.deepEqual(def.attributes.attribute[0]!.values!.value, ATTRIBUTES[0]!.values);
  const plain = await get('/open311/v2/services/waste.uncollected.json');
  assert.deepEqual(plain.json(), { service_code: 'waste.uncollected', attributes: [] });
  assertValid(validators.serviceDefinition, plain.json(), 'service definition');

  for (const format of ['json', 'xml']) {
    const missing = await get(`/open311/v2/services/no.such.${format}`);
    assert.equal(missing.statusCode, 404);
    if (format === 'json') assertValid(validators.errors, missing.json(), 'errors');
    else {
      const e = parseXml(missing.body) as { errors: { error: { code: string; description: string }[] } };
      assert.equal(e.errors.error[0]!.code, '404');
      assert.match(e.errors.error[0]!.description, /no\.such/);
    }
  }
});

test('requests: the spec fields exactly, masked text, absolute photo URL, SLA date; hidden and unconfirmed never appear', async () => {
  const res = await get('/open311/v2/requests.json');
  assert.equal(res.statusCode, 200);
  assertValid(validators.requests, res.json(), 'requests');
  const list = res.json() as Record<string, unknown>[];
  const ids = list.map((r) => r.service_request_id);
  assert.ok(ids.includes(String(withPhoto)));
  assert.ok(!ids.includes(String(hidden)) && !ids.includes(String(unconfirmedId)), 'no hidden or unconfirmed report');
  assert.ok(!ids.includes(String(march1)), 'the default window is the last 90 days');
  const r = list.find((x) => x.service_request_id === String(withPhoto))!;
  assert.deepEqual(Object.keys(r), REQUEST_KEYS);
  const [photo] = await ctx.database.query<{ id: number }>('select id::int as id from report_photos where report_id = $1', [withPhoto]);
  const [row] = await ctx.database.query<{ created: string }>(`select to_char((created_at + interval '30 days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created from reports where id = $1`, [withPhoto]);
  assert.equal(r.status, 'open');
  assert.equal(r.status_notes, 'Echipa vine mâine.');
  assert.equal(r.agency_responsible, 'Drumuri');
  assert.equal(r.media_url, `http://dezvolt.test/reports/photos/${photo!.id}.jpg`);
  assert.equal(r.expected_datetime, row!.created, 'created + the category’s 30 resolve days');
  assert.match(String(r.requested_datetime), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.match(String(r.description), /^Groapă mare\./);
  assert.doesNotMatch(String(r.description), /0722/, 'the public text is masked');
  assert.deepEqual([r.lat, r.long, r.address, r.address_id, r.zipcode], [46.7705, 23.5901, 'Str. Memorandumului 20', null, null]);

  const xml = parseXml((await get('/open311/v2/requests.xml')).body) as { service_requests: { request: Record<string, string>[] } };
  assert.equal(xml.service_requests.request.length, list.length);
  const x = xml.service_requests.request.find((q) => q.service_request_id === String(withPhoto))!;
  assert.deepEqual(Object.keys(x), REQUEST_KEYS);
  assert.deepEqual([x.status, x.lat, x.long, x.address_id, x.media_url], ['open', '46.7705', '23.5901', '', r.media_url]);

  for (const id of [hidden, unconfirmedId, 999999]) {
    assert.equal((await get(`/open311/v2/requests/${id}.json`)).statusCode, 404);
    assert.equal((await get(`/open311/v2/tokens/${id}.json`)).statusCode, 404);
  }
});

test('one request and its token, in both formats', async () => {
  const one = await get(`/open311/v2/requests/${withPhoto}.json`);
  assert.equal(one.statusCode, 200);
  assertValid(validators.requests, one.json(), 'requests');
  assertValid(validators.request, one.json()[0], 'request');
  assert.equal(one.json().length, 1);
  const xml = parseXml((await get(`/open311/v2/requests/${withPhoto}.xml`)).body) as { service_requests: { request: { service_request_id: string }[] } };
  assert.equal(xml.service_requests.request[0]!.service_request_id, String(withPhoto));

  const token = await get(`/open311/v2/tokens/${withPhoto}.json`);
  assertValid(validators.tokens, token.json(), 'token');
  assert.deepEqual(token.json(), [{ service_request_id: String(withPhoto), token: String(withPhoto) }]);
  const tx = parseXml((await get(`/open311/v2/tokens/${withPhoto}.xml`)).body) as { service_requests: { request: { token: string }[] } };
  assert.equal(tx.service_requests.request[0]!.token, String(withPhoto));
  const unknown = await get('/open311/v2/tokens/abc.xml');
  assert.equal(unknown.statusCode, 404);
  assert.equal((parseXml(unknown.body) as { errors: { error: { code: string }[] } }).errors.error[0]!.code, '404');
});

test('date window, status, service_code, id list and paging', async () => {
  const q = async (query: string) => {
    const res = await get(`/open311/v2/requests.json?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    assertValid(validators.requests, res.json(), 'requests');
    return (res.json() as { service_request_id: string }[]).map((r) => Number(r.service_request_id));
  };
  // "+02:00" unencoded arrives as a space: still understood.
  assert.deepEqual(await q('start_date=2025-03-01T00:00:00+02:00&end_date=2025-04-30T23:59:59%2B03:00'), [april20, march15, march1]);
  assert.deepEqual(await q('start_date=2025-03-01&end_date=2025-03-31T23:59:59Z'), [march15, march1]);
  assert.deepEqual(await q('start_date=2025-03-01T00:00:00Z&end_date=2025-04-30T00:00:00Z&service_code=lighting.streetlight'), [april20]);
  assert.deepEqual(await q('start_date=2025-03-01T00:00:00Z&end_date=2025-04-30T00:00:00Z&status=closed'), []);
  assert.deepEqual(await q('start_date=2025-03-01T00:00:00Z&end_date=2025-04-30T00:00:00Z&status=open,closed'), [april20, march15, march1]);
  assert.deepEqual(await q('start_date=2025-03-01T00:00:00Z&end_date=2025-04-30T00:00:00Z&page_size=2'), [april20, march15]);
  assert.deepEqual(await q('start_date=2025-03-01T00:00:00Z&end_date=2025-04-30T00:00:00Z&page_size=2&page=2'), [march1]);
  assert.deepEqual(await q('start_date=2025-03-10T00:00:00Z'), [april20, march15], 'a lone start_date spans 90 days');
  // The id list overrides every other filter, yet hides what is not public.
  assert.deepEqual(await q(`service_request_id=${march1},${hidden},${unconfirmedId},${withPhoto}&status=closed&start_date=2020-01-01T00:00:00Z`), [withPhoto, march1]);

  const closed = await file('lighting.streetlight', 'Rezolvat deja', { createdAt: '2025-04-01T10:00:00Z' });
  const lighting = await loadActor(ctx.database, (await makeUser(ctx, { departmentIds: [(await ctx.database.query<{ id: number }>(`select id from departments where slug = 'iluminat-public'`))[0]!.id] })).id);
  await changeStatus(ctx, lighting, closed, { to: 'resolved', outcome: 'favorabil', publicNote: 'Bec schimbat.' });
  assert.deepEqual(await q('start_date=2025-03-01T00:00:00Z&end_date=2025-04-30T00:00:00Z&status=closed'), [closed]);

  for (const bad of ['start_date=yesterday', 'end_date=2025-02-30T00:00:00Z', 'start_date=2025-03-01T00:00:00', 'start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z', 'start_date=2025-05-01T00:00:00Z&end_date=2025-04-01T00:00:00Z', 'status=pending', 'service_code=no.such', 'service_request_id=12a', 'page_size=1001', 'page=0']) {
    for (const format of ['json', 'xml'] as const) {
      const res = await get(`/open311/v2/requests.${format}?${bad}`);
      assert.equal(res.statusCode, 400, `${bad} → 400`);
      if (format === 'json') assertValid(validators.errors, res.json(), 'errors');
      else assert.equal((parseXml(res.body) as { errors: { error: { code: string }[] } }).errors.error[0]!.code, '400');
    }
  }
});

test('servicerequestupdates lists public updates of public reports, never internal notes', async () => {
  const res = await get('/open311/v2/servicerequestupdates.json');
  assert.equal(res.statusCode, 200);
  assertValid(validators.updates, res.json(), 'updates');
  const mine = (res.json() as { service_request_id: string; status: string; description: string }[]).filter((u) => u.service_request_id === String(withPhoto));
  assert.deepEqual(mine.map((u) => [u.status, u.description]), [['open', 'Echipa vine mâine.']]);
  assert.ok(!res.body.includes('echipa 3'), 'internal notes stay internal');
  const hiddenOnes = (res.json() as { service_request_id: string }[]).filter((u) => u.service_request_id === String(hidden));
  assert.equal(hiddenOnes.length, 0);

  const [at] = await ctx.database.query<{ at: string }>(`select created_at::text as at from report_updates where report_id = $1 and kind = 'status'`, [withPhoto]);
  const start = new Date(new Date(at!.at).getTime() - 1000).toISOString();
  const end = new Date(new Date(at!.at).getTime() + 1000).toISOString();
  const windowed = await get(`/open311/v2/servicerequestupdates.xml?start_date=${start}&end_date=${end}`);
  const doc = parseXml(windowed.body) as { service_request_updates: { request_update: Record<string, string>[] } };
  const u = doc.service_request_updates.request_update.find((x) => x.service_request_id === String(withPhoto))!;
  assert.deepEqual(Object.keys(u), ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description', 'media_url']);
  assert.deepEqual([u.status, u.description, u.media_url], ['open', 'Echipa vine mâine.', '']);
  const before = await get('/open311/v2/servicerequestupdates.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z');
  assert.deepEqual(before.json(), []);
  assert.match((await get('/open311/v2/servicerequestupdates.xml?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z')).body, /<service_request_updates\/>/);
  assert.equal((await get('/open311/v2/servicerequestupdates.json?start_date=nope')).statusCode, 400);
});

test('unknown formats and paths answer with the spec error list, never an HTML page', async () => {
  const html = await get('/open311/v2/services.html', { accept: 'text/html' });
  assert.equal(html.statusCode, 404);
  assert.match(String(html.headers['content-type']), /^text\/xml/);
  assert.equal((parseXml(html.body) as { errors: { error: { code: string }[] } }).errors.error[0]!.code, '404');
  const path = await get('/open311/v2/nothing-here.json', { accept: 'text/html' });
  assert.equal(path.statusCode, 404);
  assertValid(validators.errors, path.json(), 'errors');
  const bare = await get('/open311/v2/services', { accept: 'text/html' });
  assert.equal(bare.statusCode, 404);
  assert.doesNotMatch(bare.body, /<html/i);
});

test('every Open311 route is in the OpenAPI document, tagged open311', async () => {
  const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[]; responses?: Record<string, unknown> }>> };
  const expected = [
    ['/open311/discovery.{format}', 'get'],
    ['/open311/v2/discovery.{format}', 'get'],
    ['/open311/v2/services.{format}', 'get'],
    ['/open311/v2/services/{service_code}.{format}', 'get'],
    ['/open311/v2/requests.{format}', 'get'],
    ['/open311/v2/requests.{format}', 'post'],
    ['/open311/v2/requests/{service_request_id}.{format}', 'get'],
    ['/open311/v2/tokens/{token}.{format}', 'get'],
    ['/open311/v2/servicerequestupdates.{format}', 'get'],
  ] as const;
  for (const [path, method] of expected) {
    const op = doc.paths[path]?.[method];
    assert.ok(op, `${method.toUpperCase()} ${path} is documented`);
    assert.deepEqual(op.tags, ['open311']);
    assert.ok(op.responses?.['200'], `${path} documents its answer`);
  }
  assert.ok(!Object.keys(doc.paths).some((p) => p.startsWith('/admin/open311')), 'the admin page is not API');
});
