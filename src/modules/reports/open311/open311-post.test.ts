// Filing through Open311: API keys issued and revoked on the admin page, POST requests in both
// formats, every error code, and retries that must not file a second report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../../core/testing/harness.ts';
import { browser, form, makeUser } from '../../../core/testing/factories.ts';
import { seedDemo } from '../../../core/seed/demo.ts';
import { assertValid, parseXml, validators } from './testing/validators.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
await ctx.database.query(`update report_category_settings set attributes = $1 where category_id = (select id from categories where code = 'roads.pothole')`, [
  JSON.stringify([
    { variable: true, code: 'depth', datatype: 'singlevaluelist', required: true, order: 1, description: 'Adâncimea', values: [{ key: 'shallow', name: 'Sub 5 cm' }, { key: 'deep', name: 'Peste 5 cm' }] },
    { variable: true, code: 'lanes', datatype: 'multivaluelist', required: false, order: 2, description: 'Benzile', values: [{ key: '1', name: 'Banda 1' }, { key: '2', name: 'Banda 2' }] },
  ]),
]);

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const adminId = (await ctx.database.query<{ id: string }>(`select id from users where email = 'admin@demo.dezvolt.ro'`))[0]!.id;
const admin = await browser(ctx, adminId);

/** Issues a key through the admin page and reads it off the answer, the only place it is shown. */
async function issueKey(label: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/admin/open311', headers: { ...FORM, cookie: admin.cookie }, payload: form({ _csrf: admin.csrf, label }) });
  assert.equal(res.statusCode, 200, res.body);
  const key = res.body.match(/dz311_[\w-]+/)?.[0];
  assert.ok(key, 'the new key is shown');
  return key;
}

const key = await issueKey('Aplicația de test');
const post = (fields: Record<string, string>, opts: { format?: 'json' | 'xml'; headers?: Record<string, string>; apiKey?: string | null } = {}) =>
  app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${opts.format ?? 'json'}`,
    headers: { ...FORM, ...opts.headers },
    payload: new URLSearchParams({ ...(opts.apiKey === null ? {} : { api_key: opts.apiKey ?? key }), ...fields }).toString(),
  });
const valid = { service_code: 'waste.uncollected', lat: '46.7561', long: '23.5532', description: 'Containerele nu au fost golite.' };
const count = async (description: string) => (await ctx.database.query<{ n: number }>('select count(*)::int as n from reports where description = $1', [description]))[0]!.n;

test('only admins reach the key page; a key is shown once, audited, and works until revoked', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/admin/open311' })).statusCode, 303);
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await app.inject({ method: 'GET', url: '/admin/open311', headers: { cookie: citizen.cookie } })).statusCode, 403);
  const byCitizen = await app.inject({ method: 'POST', url: '/admin/open311', headers: { ...FORM, cookie: citizen.cookie }, payload: form({ _csrf: citizen.csrf, label: 'Hoț' }) });
  assert.equal(byCitizen.statusCode, 403);
  assert.equal((await ctx.database.query(`select 1 from open311_api_keys where label = 'Hoț'`)).length, 0);
  assert.equal((await app.inject({ method: 'POST', url: '/admin/open311', headers: { ...FORM, cookie: admin.cookie }, payload: form({ _csrf: admin.csrf, label: '  ' }) })).statusCode, 400);

  const fresh = await issueKey('FixMyStreet Cluj');
  const [stored] = await ctx.database.query<{ id: number; key_hash: string }>(`select id, key_hash from open311_api_keys where label = 'FixMyStreet Cluj'`);
  assert.notEqual(stored!.key_hash, fresh, 'only a hash is stored');
  const [issued] = await ctx.database.query<{ actor_id: string }>(`select actor_id from audit_log where action = 'open311.key.issue' and subject_id = $1`, [String(stored!.id)]);
  assert.equal(issued!.actor_id, adminId);
  const page = await app.inject({ method: 'GET', url: '/admin/open311', headers: { cookie: admin.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /FixMyStreet Cluj/);
  assert.ok(!page.body.includes(fresh), 'the key is never shown again');

  assert.equal((await post(valid, { apiKey: fresh })).statusCode, 200);
  const revoke = await app.inject({ method: 'POST', url: `/admin/open311/${stored!.id}/revoke`, headers: { ...FORM, cookie: admin.cookie }, payload: form({ _csrf: admin.csrf }) });
  assert.equal(revoke.statusCode, 303);
  assert.equal((await ctx.database.query(`select 1 from audit_log where action = 'open311.key.revoke' and subject_id = $1`, [String(stored!.id)])).length, 1);
  const refused = await post({ ...valid, description: 'După revocare' }, { apiKey: fresh });
  assert.equal(refused.statusCode, 403);
  assertValid(validators.errors, refused.json(), 'errors');
  assert.equal(await count('După revocare'), 0);
  const citizenRevoke = await app.inject({ method: 'POST', url: `/admin/open311/${stored!.id}/revoke`, headers: { ...FORM, cookie: citizen.cookie }, payload: form({ _csrf: citizen.csrf }) });
  assert.equal(citizenRevoke.statusCode, 403);
});

test('a request is filed like a web report: routed, masked, with its extras beside it and the phone never public', async () => {
  const res = await post({
    service_code: 'roads.pothole',
    lat: '46.7705',
    long: '23.5901',
    address_string: 'Str. Memorandumului 20',
    description: 'Groapă adâncă, sunați la 0722 123 456.',
    'attribute[depth]': 'deep',
    email: 'Maria.Pop@Example.ro',
    first_name: 'Maria',
    last_name: 'Pop',
    phone: '0744 555 666',
    device_id: 'device-1',
    account_id: 'acc-42',
    media_url: 'https://photos.example.org/groapa.jpg',
  });
  assert.equal(res.statusCode, 200, res.body);
  assertValid(validators.created, res.json(), 'POST answer');
  const [answer] = res.json() as { service_request_id: string; service_notice: string; account_id: string }[];
  assert.equal(answer!.account_id, 'acc-42');
  assert.match(answer!.service_notice, /30/);
  const id = Number(answer!.service_request_id);
  const [r] = await ctx.database.query<{ source: string; status: string; department: string; contact_email: string; device_id: string; api_key_id: number; description: string; description_public: string }>(
    `select r.source, r.status, d.slug as department, r.contact_email, r.device_id, r.api_key_id, r.description, r.description_public
     from reports r join departments d on d.id = r.department_id where r.id = $1`,
    [id],
  );
  assert.deepEqual([r!.source, r!.status, r!.department, r!.contact_email, r!.device_id], ['open311', 'new', 'drumuri', 'maria.pop@example.ro', 'device-1']);
  assert.equal(r!.api_key_id, (await ctx.database.query<{ id: number }>(`select id from open311_api_keys where label = 'Aplicația de test'`))[0]!.id);
  assert.match(r!.description, /Adâncimea: Peste 5 cm/, 'the answers reach the people handling it');
  assert.doesNotMatch(r!.description_public, /0722/);
  const [details] = await ctx.database.query<{ phone: string; attributes: Record<string, string> }>('select phone, attributes from open311_request_details where report_id = $1', [id]);
  assert.deepEqual(details, { phone: '0744 555 666', attributes: { depth: 'deep' } });
  assert.equal((await ctx.database.query(`select 1 from jobs where name = 'reports.dispatch' and payload->>'reportId' = $1`, [String(id)])).length, 1, 'dispatched like any report');

  const pub = await app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json` });
  assertValid(validators.requests, pub.json(), 'requests');
  assert.equal(pub.json()[0].media_url, 'https://photos.example.org/groapa.jpg');
  for (const url of [`/open311/v2/requests/${id}.json`, `/open311/v2/requests/${id}.xml`, '/open311/v2/servicerequestupdates.json', `/reports/${id}`, `/api/v1/reports/${id}`]) {
    const body = (await app.inject({ method: 'GET', url })).body;
    assert.ok(!body.includes('0744') && !body.includes('555 666'), `${url} never shows the phone`);
  }
  const updates = (await app.inject({ method: 'GET', url: '/open311/v2/servicerequestupdates.json' })).json() as { service_request_id: string; media_url: string }[];
  assert.equal(updates.find((u) => u.service_request_id === String(id))?.media_url, 'https://photos.example.org/groapa.jpg', 'the media link is a public note');
});

test('the XML answer has the spec shape; an address alone is accepted and located honestly', async () => {
  const res = await post({ service_code: 'waste.uncollected', address_string: 'Str. Bucegi 5, Cluj-Napoca', description: 'Doar adresă, fără coordonate.' }, { format: 'xml' });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^text\/xml; charset=utf-8/);
  const doc = parseXml(res.body) as { service_requests: { request: { service_request_id: string; service_notice: string; account_id: string }[] } };
  const reqs = doc.service_requests.request;
  assert.equal(reqs.length, 1);
  assert.deepEqual(Object.keys(reqs[0]!), ['service_request_id', 'service_notice', 'account_id']);
  assert.equal(reqs[0]!.account_id, '', 'no account: an empty element, as in the spec example');
  const one = (await app.inject({ method: 'GET', url: `/open311/v2/requests/${reqs[0]!.service_request_id}.json` })).json()[0];
  assert.deepEqual([one.lat, one.long, one.address], [null, null, 'Str. Bucegi 5, Cluj-Napoca'], 'no made-up coordinates');
});

test('errors: 403 for keys, 400 for parameters, 404 for jurisdiction and format, in the spec error list', async () => {
  const cases: [string, Record<string, string>, { apiKey?: string | null }, number, RegExp][] = [
    ['no key', valid, { apiKey: null }, 403, /api_key/],
    ['wrong key', valid, { apiKey: 'dz311_nope' }, 403, /api_key/],
    ['no service_code', { ...valid, service_code: '' }, {}, 400, /service_code/],
    ['unknown service_code', { ...valid, service_code: 'no.such' }, {}, 400, /no\.such/],
    ['no place', { service_code: 'waste.uncollected', description: 'x' }, {}, 400, /lat/],
    ['lat alone', { service_code: 'waste.uncollected', lat: '46.77', description: 'x' }, {}, 400, /lat/],
    ['lat not a number', { ...valid, lat: 'north' }, {}, 400, /lat/],
    ['outside the city', { ...valid, lat: '46.5000', long: '23.9000' }, {}, 400, /în afara orașului/],
    ['no description', { ...valid, description: '' }, {}, 400, /description/],
    ['required attribute missing', { ...valid, service_code: 'roads.pothole' }, {}, 400, /attribute\[depth\]/],
    ['attribute not allowed', { ...valid, service_code: 'roads.pothole', 'attribute[depth]': 'bottomless' }, {}, 400, /attribute\[depth\]/],
    ['bad email', { ...valid, email: 'not-an-address' }, {}, 400, /email/],
    ['media not http', { ...valid, media_url: 'javascript:alert(1)' }, {}, 400, /media_url/],
    ['foreign jurisdiction', { ...valid, jurisdiction_id: 'other.example' }, {}, 404, /other\.example/],
  ];
  const before = (await ctx.database.query<{ n: number }>('select count(*)::int as n from reports'))[0]!.n;
  for (const [what, fields, opts, status, pattern] of cases) {
    const json = await post(fields, opts);
    assert.equal(json.statusCode, status, `${what}: ${json.body}`);
    assertValid(validators.errors, json.json(), `${what} errors`);
    assert.equal(json.json()[0].code, status);
    assert.match(json.body, pattern, what);
    const xml = await post(fields, { ...opts, format: 'xml' });
    assert.equal(xml.statusCode, status, what);
    const e = parseXml(xml.body) as { errors: { error: { code: string; description: string }[] } };
    assert.equal(e.errors.error[0]!.code, String(status), what);
  }
  assert.equal((await ctx.database.query<{ n: number }>('select count(*)::int as n from reports'))[0]!.n, before, 'no refused request filed anything');

  const ours = await post({ ...valid, jurisdiction_id: 'dezvolt.test', description: 'Cu jurisdicția noastră' });
  assert.equal(ours.statusCode, 200, 'our own jurisdiction_id is accepted and ignored');
  const format = await post(valid, { format: 'html' as 'xml' });
  assert.equal(format.statusCode, 404);
  assert.equal((parseXml(format.body) as { errors: { error: { code: string }[] } }).errors.error[0]!.code, '404');
});

test('a multi-value attribute takes repeated answers', async () => {
  const payload = `${new URLSearchParams({ api_key: key, ...valid, service_code: 'roads.pothole', 'attribute[depth]': 'shallow', description: 'Pe două benzi' })}&attribute%5Blanes%5D=1&attribute%5Blanes%5D=2`;
  const res = await app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: FORM, payload });
  assert.equal(res.statusCode, 200, res.body);
  const [d] = await ctx.database.query<{ attributes: unknown }>('select attributes from open311_request_details where report_id = $1', [Number(res.json()[0].service_request_id)]);
  assert.deepEqual(d!.attributes, { depth: 'shallow', lanes: ['1', '2'] });
  const wrong = `${new URLSearchParams({ api_key: key, ...valid, service_code: 'roads.pothole', 'attribute[depth]': 'shallow', description: 'Bandă inexistentă' })}&attribute%5Blanes%5D=1&attribute%5Blanes%5D=9`;
  assert.equal((await app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: FORM, payload: wrong })).statusCode, 400);
});

test('a retry with the same Idempotency-Key returns the first request; another key files another', async () => {
  const description = 'Retrimis de telefon cu cheie de idempotență';
  const first = await post({ ...valid, description }, { headers: { 'idempotency-key': 'abc-123' } });
  const again = await post({ ...valid, description }, { headers: { 'idempotency-key': 'abc-123' }, format: 'xml' });
  assert.equal(first.statusCode, 200);
  assert.equal(again.statusCode, 200);
  const againId = (parseXml(again.body) as { service_requests: { request: { service_request_id: string }[] } }).service_requests.request[0]!.service_request_id;
  assert.equal(againId, first.json()[0].service_request_id);
  assert.equal(await count(description), 1, 'exactly one report row');
  const otherClient = await issueKey('Alt client');
  const theirs = await post({ ...valid, description }, { headers: { 'idempotency-key': 'abc-123' }, apiKey: otherClient });
  assert.notEqual(theirs.json()[0].service_request_id, first.json()[0].service_request_id, 'keys are per client');
  assert.equal(await count(description), 2);
  assert.equal((await post({ ...valid, description }, { headers: { 'idempotency-key': 'x'.repeat(201) } })).statusCode, 400);
});

test('the same device, service and text within ten minutes is a retry; later, or different, is a new report', async () => {
  const description = 'Trimis de două ori de pe același telefon';
  const fields = { ...valid, description, device_id: 'phone-7' };
  const [a, b] = [await post(fields), await post(fields)];
  assert.equal(b.json()[0].service_request_id, a.json()[0].service_request_id);
  assert.equal(await count(description), 1, 'exactly one report row');
  const otherDevice = await post({ ...fields, device_id: 'phone-8' });
  assert.notEqual(otherDevice.json()[0].service_request_id, a.json()[0].service_request_id);
  const otherService = await post({ ...fields, service_code: 'waste.illegal_dumping' });
  assert.notEqual(otherService.json()[0].service_request_id, a.json()[0].service_request_id);

  // Eleven minutes later the same text is a new problem. The bucketed key of the first may still
  // be live, so the report moves out of the window the way time would move it: both stamps back.
  const firstId = Number(a.json()[0].service_request_id);
  await ctx.database.query(`update open311_request_details set created_at = created_at - interval '11 minutes' where report_id = $1`, [firstId]);
  await ctx.database.query(`update reports set created_at = created_at - interval '11 minutes', idempotency_key = idempotency_key || ':old' where id = $1`, [firstId]);
  const later = await post(fields);
  assert.notEqual(later.json()[0].service_request_id, a.json()[0].service_request_id);
  assert.equal(await count(description), 4, 'the first, the other device, the other service, the later one');
});

test('a session cookie does not make the machine API ask for a CSRF token', async () => {
  const res = await post({ ...valid, description: 'Din același browser cu administratorul' }, { headers: { cookie: admin.cookie } });
  assert.equal(res.statusCode, 200, res.body);
});

test('the manage page shows staff what the client sent (answers with their labels, contact fields); public pages and JSON never do', async () => {
  const fields = { service_code: 'roads.pothole', lat: '46.7705', long: '23.5901', description: 'Groapă pe ambele benzi, lângă stație.', 'attribute[depth]': 'shallow' };
  const contact = { first_name: 'Ion', last_name: 'Staff', email: 'ion.staff@example.ro', phone: '0799 123 987', device_id: 'device-staff-7', account_id: 'acc-staff-9' };
  const payload = `${new URLSearchParams({ api_key: key, ...fields, ...contact })}&attribute%5Blanes%5D=2&attribute%5Blanes%5D=1`;
  const res = await app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: FORM, payload });
  assert.equal(res.statusCode, 200, res.body);
  const id = Number(res.json()[0].service_request_id);

  const [roads] = await ctx.database.query<{ id: number }>(`select id from departments where slug = 'drumuri'`);
  const official = await browser(ctx, (await makeUser(ctx, { departmentIds: [roads!.id] })).id);
  const staff = await app.inject({ method: 'GET', url: `/reports/${id}/manage`, headers: { cookie: official.cookie } });
  assert.equal(staff.statusCode, 200);
  assert.match(staff.body, /<h2 id="open311-heading">Trimisă prin Open311<\/h2>/);
  assert.match(staff.body, /<dt>Adâncimea<\/dt><dd>Sub 5 cm<\/dd>/, 'the answer under the category’s question, in words');
  assert.match(staff.body, /<dt>Benzile<\/dt><dd>Banda 1, Banda 2<\/dd>/, 'a multi-value answer in the question’s order');
  assert.ok(staff.body.indexOf('<dt>Adâncimea') < staff.body.indexOf('<dt>Benzile'), 'questions in their order');
  for (const [label, value] of [
    ['Aplicația \\(cheia API\\)', 'Aplicația de test'],
    ['Numele', 'Ion Staff'],
    ['Telefon', '0799 123 987'],
    ['ID-ul dispozitivului', 'device-staff-7'],
    ['ID-ul contului în aplicație', 'acc-staff-9'],
  ]) {
    assert.match(staff.body, new RegExp(`<dt>${label}</dt><dd>${value}</dd>`), label);
  }
  assert.match(staff.body, /<dt>E-mail<\/dt><dd><a href="mailto:ion\.staff@example\.ro">/);
  const english = await app.inject({ method: 'GET', url: `/reports/${id}/manage`, headers: { cookie: `${official.cookie}; dz_lang=en` } });
  assert.match(english.body, /Filed through Open311/);
  assert.match(english.body, /<dt>Phone<\/dt><dd>0799 123 987<\/dd>/);

  const secrets = ['0799', '123 987', 'device-staff-7', 'acc-staff-9', 'ion.staff@example.ro'];
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  const refused = await app.inject({ method: 'GET', url: `/reports/${id}/manage`, headers: { cookie: citizen.cookie } });
  assert.equal(refused.statusCode, 403);
  assert.equal((await app.inject({ method: 'GET', url: `/reports/${id}/manage` })).statusCode, 303, 'anonymous: to the login page');
  for (const [url, cookie] of [
    [`/reports/${id}`, undefined],
    [`/reports/${id}`, citizen.cookie],
    [`/api/v1/reports/${id}`, undefined],
    ['/api/v1/reports', undefined],
    [`/open311/v2/requests/${id}.json`, undefined],
    [`/open311/v2/requests/${id}.xml`, undefined],
    ['/open311/v2/requests.json', undefined],
    ['/reports', undefined],
    [`/reports/${id}/manage`, citizen.cookie],
  ] as const) {
    const body = (await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} })).body;
    for (const s of secrets) assert.ok(!body.includes(s), `${url} (${cookie ? 'citizen' : 'anonymous'}) never shows ${s}`);
  }
  assert.match((await app.inject({ method: 'GET', url: `/reports/${id}` })).body, /Groapă pe ambele benzi/, 'the public page is the right one');

  // Moved to another category, the answers keep the questions the client answered.
  const moved = await app.inject({ method: 'POST', url: `/reports/${id}/category`, headers: { ...FORM, cookie: admin.cookie }, payload: form({ _csrf: admin.csrf, category: 'waste.uncollected' }) });
  assert.equal(moved.statusCode, 303, moved.body);
  const after = await app.inject({ method: 'GET', url: `/reports/${id}/manage`, headers: { cookie: admin.cookie } });
  assert.match(after.body, /<dt>Adâncimea<\/dt><dd>Sub 5 cm<\/dd>/);

  const web = (await ctx.database.query<{ id: number }>(`select id::int as id from reports where source <> 'open311' and status <> 'unconfirmed' order by id limit 1`))[0]!;
  const plain = await app.inject({ method: 'GET', url: `/reports/${web.id}/manage`, headers: { cookie: admin.cookie } });
  assert.equal(plain.statusCode, 200);
  assert.doesNotMatch(plain.body, /open311-heading/, 'nothing to show for a report filed on the web');
});
