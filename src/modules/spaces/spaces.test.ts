// Spaces through HTTP: admins build a process with phases and a neighbourhood group; residents
// follow, join and read; coordinators post news; drafts stay hidden.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, form, makeUser, unique } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { loadHostedComponent } from './hosted.ts';
import { DEMO_PROCESS_SLUG } from './seed.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function post(b: { cookie: string; csrf: string }, url: string, fields: Record<string, string>) {
  return app.inject({ method: 'POST', url, headers: { ...FORM, cookie: b.cookie }, payload: form({ ...fields, _csrf: b.csrf }) });
}

const districtId = async (slug: string) => (await ctx.database.query<{ id: number }>('select id from areas where slug = $1', [slug]))[0]!.id;

test('an admin creates a process, adds phases and activates one; the public page shows what the phase opens', async () => {
  const admin = await browser(ctx, (await makeUser(ctx, { role: 'admin' })).id);
  const slug = unique('proces-');
  const bad = await post(admin, '/admin/spaces', { kind: 'process', title: '', slug: 'Not A Slug' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Folosește 2–80 de litere mici/);
  const created = await post(admin, '/admin/spaces', { kind: 'process', title: 'Buget participativ', slug, subtitle: '', district: '', description: 'Despre proces.', published: 'on' });
  assert.equal(created.statusCode, 303, created.body);
  const id = Number(String(created.headers.location).split('/').pop());
  assert.equal((await post(admin, '/admin/spaces', { kind: 'process', title: 'Altul', slug })).statusCode, 409, 'the slug is unique');

  const badDates = await post(admin, `/admin/spaces/${id}/phases`, { title: 'Propuneri', startsOn: '2025-05-01', endsOn: '2025-04-01' });
  assert.equal(badDates.statusCode, 400);
  assert.match(badDates.body, /nu se poate termina înainte să înceapă/);
  assert.equal((await post(admin, `/admin/spaces/${id}/phases`, { title: 'Informare', description: 'Citește regulile.' })).statusCode, 303);
  assert.equal((await post(admin, `/admin/spaces/${id}/phases`, { title: 'Propuneri', description: 'Trimite idei.', startsOn: '2025-04-01', endsOn: '2025-06-30', proposalsOpen: 'on', commentsOpen: 'on' })).statusCode, 303);
  const phases = await ctx.database.query<{ id: number; title: string }>('select id, title from space_phases where space_id = $1 order by position', [id]);
  assert.deepEqual(phases.map((p) => p.title), ['Informare', 'Propuneri']);
  assert.equal((await post(admin, `/admin/spaces/${id}/phases/${phases[1]!.id}/move`, { direction: 'up' })).statusCode, 303);
  const reordered = await ctx.database.query<{ title: string }>('select title from space_phases where space_id = $1 order by position', [id]);
  assert.deepEqual(reordered.map((p) => p.title), ['Propuneri', 'Informare']);

  for (const p of phases) assert.equal((await post(admin, `/admin/spaces/${id}/phases/${p.id}/activate`, {})).statusCode, 303);
  const active = await ctx.database.query<{ title: string }>('select title from space_phases where space_id = $1 and active', [id]);
  assert.deepEqual(active.map((p) => p.title), ['Propuneri'], 'activating a phase deactivates the others');

  const page = await app.inject({ method: 'GET', url: `/spaces/${slug}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /aria-current="step"[^>]*>\s*<strong>Propuneri/);
  assert.match(page.body, /se pot trimite propuneri/);
  assert.doesNotMatch(page.body, /se pot susține propuneri/);

  const [comp] = await ctx.database.query<{ id: number }>(`insert into space_components (space_id, module, position) values ($1, 'proposals', 1) returning id`, [id]);
  const hosted = await loadHostedComponent(ctx.database, comp!.id);
  assert.deepEqual(hosted?.flags, { proposalsOpen: true, supportsOpen: false, commentsOpen: true, resultsPublished: false });
  assert.equal(hosted?.phase?.title, 'Propuneri');
  assert.equal((await post(admin, `/admin/spaces/${id}/phases/deactivate`, {})).statusCode, 303);
  assert.deepEqual((await loadHostedComponent(ctx.database, comp!.id))?.flags, { proposalsOpen: false, supportsOpen: false, commentsOpen: false, resultsPublished: false }, 'a process between phases is closed');
});

test('a neighbourhood group needs a district; residents join it and follow it', async () => {
  const admin = await browser(ctx, (await makeUser(ctx, { role: 'admin' })).id);
  const slug = unique('grup-');
  const noDistrict = await post(admin, '/admin/spaces', { kind: 'neighbourhood', title: 'Grup', slug, district: '' });
  assert.equal(noDistrict.statusCode, 400);
  assert.match(noDistrict.body, /Un grup de cartier are nevoie de cartier/);
  const ok = await post(admin, '/admin/spaces', { kind: 'neighbourhood', title: 'Grupul Gheorgheni', slug, district: String(await districtId('gheorgheni')), published: 'on' });
  assert.equal(ok.statusCode, 303);

  const resident = await makeUser(ctx);
  const rb = await browser(ctx, resident.id);
  assert.equal((await post(rb, `/spaces/${slug}/join`, { join: 'on' })).statusCode, 303);
  const page = await app.inject({ method: 'GET', url: `/spaces/${slug}`, headers: { cookie: rb.cookie } });
  assert.match(page.body, /Ești membru al acestui grup/);
  assert.match(page.body, /Gheorgheni/);
  const [f] = await ctx.database.query<{ n: number }>('select count(*)::int as n from space_followers f join spaces s on s.id = f.space_id where s.slug = $1 and f.user_id = $2', [slug, resident.id]);
  assert.equal(f!.n, 1, 'joining also follows');
  assert.equal((await post(rb, `/spaces/${slug}/follow`, { follow: 'off' })).statusCode, 303);
  assert.equal((await post(rb, `/spaces/${DEMO_PROCESS_SLUG}/join`, { join: 'on' })).statusCode, 403, 'a process cannot be joined');
  const anon = await browser(ctx);
  const toLogin = await post(anon, `/spaces/${slug}/follow`, { follow: 'on' });
  assert.equal(toLogin.statusCode, 303);
  assert.match(String(toLogin.headers.location), /^\/login/);
});

test('coordinators post news, plain members may not; drafts are hidden from the public', async () => {
  const admin = await makeUser(ctx, { role: 'admin' });
  const ab = await browser(ctx, admin.id);
  const slug = unique('adunare-');
  const created = await post(ab, '/admin/spaces', { kind: 'assembly', title: 'Grup de lucru', slug });
  const id = Number(String(created.headers.location).split('/').pop());
  assert.equal((await app.inject({ method: 'GET', url: `/spaces/${slug}` })).statusCode, 404, 'a draft is not public');
  assert.equal((await app.inject({ method: 'GET', url: `/api/v1/spaces/${slug}` })).statusCode, 404);
  assert.equal((await app.inject({ method: 'GET', url: `/spaces/${slug}`, headers: { cookie: ab.cookie } })).statusCode, 200, 'admins preview drafts');
  await post(ab, `/admin/spaces/${id}`, { title: 'Grup de lucru', published: 'on' });

  const coordinator = await makeUser(ctx);
  const member = await makeUser(ctx);
  assert.equal((await post(ab, `/admin/spaces/${id}/members`, { email: coordinator.email, role: 'coordinator', positionTitle: 'Arhitect' })).statusCode, 303);
  assert.equal((await post(ab, `/admin/spaces/${id}/members`, { email: member.email, role: 'member' })).statusCode, 303);
  assert.equal((await post(ab, `/admin/spaces/${id}/members`, { email: 'nobody@example.test', role: 'member' })).statusCode, 400);

  const mb = await browser(ctx, member.id);
  assert.equal((await post(mb, `/spaces/${slug}/news`, { title: 'Salut', body: 'Text' })).statusCode, 403);
  const cb = await browser(ctx, coordinator.id);
  assert.equal((await post(cb, `/spaces/${slug}/news`, { title: '', body: 'Text' })).statusCode, 400);
  assert.equal((await post(cb, `/spaces/${slug}/news`, { title: 'Prima întâlnire', body: 'Joi la 18.' })).statusCode, 303);
  const page = await app.inject({ method: 'GET', url: `/spaces/${slug}` });
  assert.match(page.body, /Prima întâlnire/);
  assert.match(page.body, /Arhitect/);
  const [ev] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from events where type = 'space.news' and payload->>'slug' = $1`, [slug]);
  assert.equal(ev!.n, 1);

  const api = await app.inject({ method: 'GET', url: '/api/v1/spaces?kind=assembly' });
  assert.equal(api.statusCode, 200);
  assert.ok((api.json() as { slug: string }[]).some((s) => s.slug === slug));
});

test('only admins reach the space administration', async () => {
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await app.inject({ method: 'GET', url: '/admin/spaces', headers: { cookie: citizen.cookie } })).statusCode, 403);
  const anon = await app.inject({ method: 'GET', url: '/admin/spaces' });
  assert.equal(anon.statusCode, 303);
  assert.equal((await post(citizen, '/admin/spaces', { kind: 'process', title: 'x', slug: unique('x-') })).statusCode, 403);
});

test('the demo seeds a process in its proposals phase and a neighbourhood group', async () => {
  const list = await app.inject({ method: 'GET', url: '/spaces' });
  assert.match(list.body, /Cluj propune 2025/);
  assert.match(list.body, /Grupul local Mănăștur/);
  const api = (await app.inject({ method: 'GET', url: `/api/v1/spaces/${DEMO_PROCESS_SLUG}` })).json() as { currentPhase: string };
  assert.equal(api.currentPhase, 'Propuneri');
});

test('an admin adds a hosted component, configures its declared settings, orders and removes it', async () => {
  const admin = await browser(ctx, (await makeUser(ctx, { role: 'admin' })).id);
  const slug = unique('comp-');
  const created = await post(admin, '/admin/spaces', { kind: 'process', title: 'Proces cu componente', slug, published: 'on' });
  const id = Number(String(created.headers.location).split('/').pop());
  assert.equal((await post(admin, `/admin/spaces/${id}/components`, { module: 'nu-exista' })).statusCode, 400);
  const added = await post(admin, `/admin/spaces/${id}/components`, { module: 'proposals', title: 'Idei' });
  assert.equal(added.statusCode, 303);
  const cid = Number(String(added.headers.location).split('/').pop());
  const [defaults] = await ctx.database.query<{ settings: Record<string, unknown> }>('select settings from space_components where id = $1', [cid]);
  assert.deepEqual(defaults!.settings, { supportsLimit: 0, threshold: 20, proposalLimit: 0 }, 'the manifest defaults are stored');
  const form = await app.inject({ method: 'GET', url: `/admin/spaces/${id}/components/${cid}`, headers: { cookie: admin.cookie } });
  assert.match(form.body, /Susțineri pe persoană/);
  const bad = await post(admin, `/admin/spaces/${id}/components/${cid}`, { title: 'Idei', published: 'on', s_supportsLimit: '-1', s_threshold: '5', s_proposalLimit: '0' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Scrie un număr întreg/);
  assert.equal((await post(admin, `/admin/spaces/${id}/components/${cid}`, { title: 'Idei', published: 'on', s_supportsLimit: '5', s_threshold: '10', s_proposalLimit: '2' })).statusCode, 303);
  const hosted = await loadHostedComponent(ctx.database, cid);
  assert.deepEqual(hosted?.settings, { supportsLimit: 5, threshold: 10, proposalLimit: 2 });
  const second = Number(String((await post(admin, `/admin/spaces/${id}/components`, { module: 'proposals', title: 'Al doilea' })).headers.location).split('/').pop());
  await post(admin, `/admin/spaces/${id}/components/${second}/move`, { direction: 'up' });
  const order = await ctx.database.query<{ id: number }>('select id from space_components where space_id = $1 order by position', [id]);
  assert.deepEqual(order.map((r) => r.id), [second, cid]);
  const page = await app.inject({ method: 'GET', url: `/spaces/${slug}` });
  assert.ok(page.body.indexOf('Al doilea') < page.body.indexOf('Idei'), 'the space page follows the order');
  assert.equal((await post(admin, `/admin/spaces/${id}/components/${second}/delete`, {})).statusCode, 303);
  assert.equal((await ctx.database.query('select 1 from space_components where id = $1', [second])).length, 0);
});
