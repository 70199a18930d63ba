// Proposals through HTTP: the form without JavaScript, similar proposals with and without
// diacritics, filters and pagination, the official answer, withdrawal and moderation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, form, makeUser } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { makeProposalsComponent, insertProposal } from './testing/fixtures.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function post(b: { cookie: string; csrf: string }, url: string, fields: Record<string, string>) {
  return app.inject({ method: 'POST', url, headers: { ...FORM, cookie: b.cookie }, payload: form({ ...fields, _csrf: b.csrf }) });
}

test('a resident submits a proposal through the form; personal data is masked for the public', async () => {
  const { componentId, slug } = await makeProposalsComponent(ctx);
  const author = await makeUser(ctx);
  const b = await browser(ctx, author.id);
  const short = await post(b, `/proposals/c/${componentId}`, { title: 'Scurt', body: 'prea scurt', intent: 'publish' });
  assert.equal(short.statusCode, 400);
  assert.match(short.body, /Titlul trebuie să aibă între 10 și 150 de caractere/);
  const [district] = await ctx.database.query<{ id: number }>(`select id from areas where slug = 'manastur'`);
  const [category] = await ctx.database.query<{ id: number }>(`select id from proposal_categories where code = 'green'`);
  const res = await post(b, `/proposals/c/${componentId}`, {
    title: 'Copaci noi pe strada Primăverii',
    body: 'Strada Primăverii nu are niciun copac. Pentru detalii sunați-mă la 0722 123 456.',
    category: String(category!.id),
    district: String(district!.id),
    address: 'Str. Primăverii',
    lat: '',
    lng: '',
    intent: 'publish',
  });
  assert.equal(res.statusCode, 303, res.body);
  const url = String(res.headers.location);
  const page = await app.inject({ method: 'GET', url });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Copaci noi pe strada Primăverii/);
  assert.match(page.body, /Mănăștur/);
  assert.doesNotMatch(page.body, /0722 123 456/, 'the public sees the phone number masked');
  const own = await app.inject({ method: 'GET', url, headers: { cookie: b.cookie } });
  assert.match(own.body, /0722 123 456/, 'the author sees what they wrote');
  const list = await app.inject({ method: 'GET', url: `/proposals/c/${componentId}` });
  assert.match(list.body, /Copaci noi pe strada Primăverii/);
  const space = await app.inject({ method: 'GET', url: `/spaces/${slug}` });
  assert.match(space.body, new RegExp(`href="/proposals/c/${componentId}"`), 'the space links to its proposals component');
});

test('a point on the map sets the district; half a point is refused', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const half = await post(b, `/proposals/c/${componentId}`, { title: 'Toaletă publică în Piața Unirii', body: 'Turiștii și locuitorii nu au unde merge.', lat: '46.77', lng: '', intent: 'publish' });
  assert.equal(half.statusCode, 400);
  const ok = await post(b, `/proposals/c/${componentId}`, { title: 'Toaletă publică în Piața Unirii', body: 'Turiștii și locuitorii nu au unde merge.', lat: '46,7705', lng: '23.5901', intent: 'publish' });
  assert.equal(ok.statusCode, 303);
  const id = Number(String(ok.headers.location).split('/').pop());
  const api = (await app.inject({ method: 'GET', url: `/api/v1/proposals/${id}` })).json() as { district: string; location: { lat: number } };
  assert.equal(api.district, 'Centru');
  assert.equal(api.location.lat, 46.7705);
});

test('similar proposals are found with or without diacritics, on the server and through the API', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  await insertProposal(ctx, componentId, 'Pistă de biciclete pe strada Observatorului', 'Legătura dintre Zorilor și centru pentru bicicliști.');
  await insertProposal(ctx, componentId, 'Fântâni arteziene în Piața Mihai Viteazu', 'Apă pentru zilele caniculare.');
  const api = async (title: string) => ((await app.inject({ method: 'GET', url: `/api/v1/proposals/similar?component=${componentId}&title=${encodeURIComponent(title)}` })).json() as { title: string }[]).map((r) => r.title);
  assert.deepEqual(await api('piste biciclete'), ['Pistă de biciclete pe strada Observatorului']);
  assert.deepEqual(await api('pista biciclete'), ['Pistă de biciclete pe strada Observatorului'], 'without diacritics');
  assert.deepEqual(await api('fantani in piata'), ['Fântâni arteziene în Piața Mihai Viteazu']);
  assert.deepEqual(await api('Fântâni în piață'), ['Fântâni arteziene în Piața Mihai Viteazu'], 'with diacritics');
  assert.deepEqual(await api('bicicete observator'), ['Pistă de biciclete pe strada Observatorului'], 'a typo still matches by trigrams');
  assert.deepEqual(await api('teatru de vara'), []);
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const check = await post(b, `/proposals/c/${componentId}`, { title: 'O pista noua de biciclete', body: '', intent: 'check' });
  assert.equal(check.statusCode, 200, 'looking for similar proposals needs only a title');
  assert.match(check.body, /Pistă de biciclete pe strada Observatorului/);
  assert.match(check.body, /value="O pista noua de biciclete"/, 'the draft is kept');
  const [n] = await ctx.database.query<{ n: number }>('select count(*)::int as n from proposals where component_id = $1', [componentId]);
  assert.equal(n!.n, 2, 'checking does not publish');
});

test('the list filters by text, state and category, sorts and paginates; the JSON API matches', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const ids: number[] = [];
  for (let i = 1; i <= 25; i++) ids.push(await insertProposal(ctx, componentId, `Propunere de test numărul ${String(i).padStart(2, '0')}`));
  await ctx.database.query(`update proposals set supports_count = 7, state = 'accepted' where id = $1`, [ids[3]]);
  const [cat] = await ctx.database.query<{ id: number }>(`select id from proposal_categories where code = 'sport'`);
  await ctx.database.query(`update proposals set category_id = $2, title = 'Teren de baschet în Grigorescu' where id = $1`, [ids[5], cat!.id]);
  const page2 = await app.inject({ method: 'GET', url: `/proposals/c/${componentId}?page=2` });
  assert.match(page2.body, /25 de propuneri/, "Romanian counts from 20 take \"de\"");
  assert.match(page2.body, /Pagina 2 din 2/);
  const json = (await app.inject({ method: 'GET', url: `/api/v1/proposals?component=${componentId}&sort=most_supported&pageSize=5` })).json() as { items: { id: number; url: string }[]; total: number };
  assert.equal(json.total, 25);
  assert.equal(json.items.length, 5);
  assert.equal(json.items[0]!.id, ids[3]);
  assert.equal(json.items[0]!.url, `/proposals/${ids[3]}`);
  const accepted = (await app.inject({ method: 'GET', url: `/api/v1/proposals?component=${componentId}&state=accepted` })).json() as { total: number };
  assert.equal(accepted.total, 1);
  const sport = (await app.inject({ method: 'GET', url: `/api/v1/proposals?component=${componentId}&category=sport` })).json() as { items: { title: string }[] };
  assert.deepEqual(sport.items.map((i) => i.title), ['Teren de baschet în Grigorescu']);
  const text = (await app.inject({ method: 'GET', url: `/api/v1/proposals?component=${componentId}&q=baschet%20grigorescu` })).json() as { total: number };
  assert.equal(text.total, 1);
  const bad = await app.inject({ method: 'GET', url: `/api/v1/proposals?component=${componentId}&sort=random` });
  assert.equal(bad.statusCode, 400);
  assert.match(String(bad.headers['content-type']), /problem\+json/);
});

test('proposals cannot be submitted when the phase is closed or past the limit per person', async () => {
  const closed = await makeProposalsComponent(ctx, { flags: { proposalsOpen: false } });
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const refused = await post(b, `/proposals/c/${closed.componentId}`, { title: 'Propunere în afara etapei', body: 'Nu ar trebui să fie primită.', intent: 'publish' });
  assert.equal(refused.statusCode, 303);
  const [n] = await ctx.database.query<{ n: number }>('select count(*)::int as n from proposals where component_id = $1', [closed.componentId]);
  assert.equal(n!.n, 0);
  const limited = await makeProposalsComponent(ctx, { rules: { proposalLimit: 1 } });
  const fields = { body: 'O descriere suficient de lungă.', intent: 'publish' };
  const results = await Promise.all([1, 2, 3].map((i) => post(b, `/proposals/c/${limited.componentId}`, { ...fields, title: `A ${i}-a propunere a mea` })));
  assert.equal(results.filter((r) => r.statusCode === 303).length, 1);
  assert.equal(results.filter((r) => r.statusCode === 409).length, 2);
});

test('an official answers; citizens cannot; the author withdraws only without supports; moderators hide and restore', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const author = await makeUser(ctx);
  const id = await insertProposal(ctx, componentId, 'Sens giratoriu la intersecția cu Calea Florești', 'Accidente frecvente la intersecție.', author.id);
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await post(citizen, `/proposals/${id}/answer`, { state: 'accepted', text: 'Da' })).statusCode, 403);
  const official = await browser(ctx, (await makeUser(ctx, { role: 'official' })).id);
  assert.equal((await post(official, `/proposals/${id}/answer`, { state: 'accepted', text: '' })).statusCode, 400);
  assert.equal((await post(official, `/proposals/${id}/answer`, { state: 'accepted', text: 'Intersecția intră în planul de investiții 2026.' })).statusCode, 303);
  const page = await app.inject({ method: 'GET', url: `/proposals/${id}` });
  assert.match(page.body, /Acceptată/);
  assert.match(page.body, /planul de investiții 2026/);

  const other = await insertProposal(ctx, componentId, 'Încă o propunere a aceluiași autor', 'Descriere suficient de lungă.', author.id);
  const ab = await browser(ctx, author.id);
  await post(citizen, `/proposals/${other}/support`, { support: 'on' });
  assert.equal((await post(ab, `/proposals/${other}/withdraw`, {})).statusCode, 403, 'a supported proposal cannot be withdrawn');
  await post(citizen, `/proposals/${other}/support`, { support: 'off' });
  assert.equal((await post(ab, `/proposals/${other}/withdraw`, {})).statusCode, 303);
  const list = (await app.inject({ method: 'GET', url: `/api/v1/proposals?component=${componentId}` })).json() as { items: { id: number }[] };
  assert.ok(!list.items.some((i) => i.id === other), 'withdrawn proposals leave the default list');

  const moderator = await browser(ctx, (await makeUser(ctx, { role: 'moderator' })).id);
  assert.equal((await post(citizen, `/proposals/${id}/hide`, { reason: 'spam' })).statusCode, 403);
  assert.equal((await post(moderator, `/proposals/${id}/hide`, { reason: 'Conținut publicitar' })).statusCode, 303);
  assert.equal((await app.inject({ method: 'GET', url: `/proposals/${id}` })).statusCode, 404);
  assert.equal((await app.inject({ method: 'GET', url: `/api/v1/proposals/${id}` })).statusCode, 404);
  assert.match((await app.inject({ method: 'GET', url: `/proposals/${id}`, headers: { cookie: ab.cookie } })).body, /Conținut publicitar/, 'the author learns why');
  assert.equal((await post(moderator, `/proposals/${id}/restore`, {})).statusCode, 303);
  assert.equal((await app.inject({ method: 'GET', url: `/proposals/${id}` })).statusCode, 200);
});

test('the demo process has proposals, supports and an answer', async () => {
  const [c] = await ctx.database.query<{ id: number }>(`select c.id from space_components c join spaces s on s.id = c.space_id where s.slug = 'cluj-propune-2025' and c.module = 'proposals'`);
  const json = (await app.inject({ method: 'GET', url: `/api/v1/proposals?component=${c!.id}&sort=most_supported` })).json() as { total: number; items: { supports: number; state: string }[] };
  assert.equal(json.total, 4);
  assert.ok(json.items[0]!.supports >= 2);
  assert.ok(json.items.some((i) => i.state === 'evaluating'));
});

test('the totals kept by the counters follow hiding, withdrawal and answers', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const ids = await Promise.all([1, 2, 3, 4].map((i) => insertProposal(ctx, componentId, `Propunere numărată ${i} din listă`)));
  const total = async (state = '') => ((await app.inject({ method: 'GET', url: `/api/v1/proposals?component=${componentId}${state ? `&state=${state}` : ''}` })).json() as { total: number; items: unknown[] });
  assert.equal((await total()).total, 4);
  await ctx.database.query(`update proposals set hidden_at = now() where id = $1`, [ids[0]]);
  await ctx.database.query(`update proposals set state = 'withdrawn' where id = $1`, [ids[1]]);
  await ctx.database.query(`update proposals set state = 'accepted' where id = $1`, [ids[2]]);
  await ctx.database.query(`update proposals set supports_count = supports_count + 1 where id = $1`, [ids[3]]);
  const all = await total();
  assert.equal(all.total, 2);
  assert.equal(all.items.length, 2, 'the counters agree with the rows');
  assert.equal((await total('accepted')).total, 1);
  assert.equal((await total('withdrawn')).total, 1);
  await ctx.database.query(`update proposals set hidden_at = null where id = $1`, [ids[0]]);
  assert.equal((await total()).total, 3);
  const [{ n }] = (await ctx.database.query<{ n: number }>(`select count(*)::int as n from proposals where component_id = $1 and hidden_at is null and state <> 'withdrawn'`, [componentId])) as [{ n: number }];
  assert.equal(n, 3);
});
