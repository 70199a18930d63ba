// The Timișoara consultation over HTTP: the seeded strategy, expressions of interest with consent
// (and the export that honours it), comments on objectives, open actions promoted to projects,
// and the dashboard's shares by helix type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser, unique } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { TIMISOARA_CONSULTATION, TIMISOARA_STRATEGY } from './timisoara-strategy.ts';
import { dashboard } from './dashboard.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const [consultation] = await ctx.database.query<{ id: number }>('select id from consultations where title = $1', [TIMISOARA_CONSULTATION.title]);
const CID = consultation!.id;
const admin = await browser(ctx, (await makeUser(ctx, { role: 'admin' })).id);
const projectId = async (title: string) => (await ctx.database.query<{ id: number }>('select id from consultation_projects where title = $1', [title]))[0]!.id;

async function post(b: { cookie: string; csrf: string }, url: string, fields: Record<string, string>) {
  return app.inject({ method: 'POST', url, headers: { ...FORM, cookie: b.cookie }, payload: new URLSearchParams({ _csrf: b.csrf, ...fields }).toString() });
}

/** A person, optionally representing a new organization of the given helix type. */
async function stakeholder(helix?: 'public_institution' | 'private_company' | 'academia' | 'civil_society') {
  const u = await makeUser(ctx);
  let orgId: number | undefined;
  if (helix) {
    const [o] = await ctx.database.query<{ id: number }>('insert into organizations (name, helix_type) values ($1, $2) returning id', [unique('Org '), helix]);
    orgId = o!.id;
    await ctx.database.query('insert into organization_members (organization_id, user_id) values ($1, $2)', [orgId, u.id]);
  }
  return { ...u, orgId, b: await browser(ctx, u.id) };
}

test('the demo holds Timișoara’s strategy as written: 7 ambitions, their objectives, projects and open actions', async () => {
  const page = await app.inject({ method: 'GET', url: `/consultations/${CID}` });
  assert.equal(page.statusCode, 200);
  for (const a of TIMISOARA_STRATEGY) {
    assert.ok(page.body.includes(`Ambiția ${a.code}: ${a.title}`), a.code);
    for (const o of a.objectives) for (const p of o.projects) assert.ok(page.body.includes(p.replace(/&/g, '&amp;').replace(/"/g, '&quot;')), p);
  }
  const counts = await ctx.database.query<{ ambitions: number; objectives: number; projects: number; actions: number }>(
    `select (select count(*)::int from consultation_ambitions where consultation_id = $1) as ambitions,
            (select count(*)::int from consultation_objectives o join consultation_ambitions a on a.id = o.ambition_id where a.consultation_id = $1) as objectives,
            (select count(*)::int from consultation_projects p join consultation_objectives o on o.id = p.objective_id join consultation_ambitions a on a.id = o.ambition_id where a.consultation_id = $1) as projects,
            (select count(*)::int from consultation_actions where consultation_id = $1 and status = 'proposed') as actions`,
    [CID],
  );
  assert.deepEqual(counts[0], { ambitions: 7, objectives: 22, projects: 46, actions: 17 });
  assert.ok(page.body.includes('Platforma participativă publică DECIDEM'));
  assert.ok(page.body.includes('Crearea primăriilor de cartier - AD'));
});

test('expressing interest: on one’s own behalf or for one’s organization, updated, withdrawn; only members speak for an organization', async () => {
  const pid = await projectId('Timișoara Living Lab');
  const uni = await stakeholder('academia');
  const res = await post(uni.b, `/consultations/projects/${pid}/interest`, { organizationId: String(uni.orgId), expertise: 'Laborator de cercetare în IoT urban.', consent: 'on' });
  assert.equal(res.statusCode, 303);
  const [row] = await ctx.database.query<{ organization_id: number; consent_contact: boolean; consented_at: Date | null }>('select organization_id, consent_contact, consented_at from consultation_interests where user_id = $1', [uni.id]);
  assert.equal(row!.organization_id, uni.orgId);
  assert.ok(row!.consent_contact && row!.consented_at);

  const outsider = await stakeholder();
  const forged = await post(outsider.b, `/consultations/projects/${pid}/interest`, { organizationId: String(uni.orgId), expertise: 'Pretind că reprezint universitatea.' });
  assert.equal(forged.statusCode, 400);
  assert.ok(forged.body.includes('Puteți vorbi doar în numele organizațiilor din care faceți parte.'));
  const empty = await post(outsider.b, `/consultations/projects/${pid}/interest`, { expertise: '   ' });
  assert.equal(empty.statusCode, 400);
  assert.ok(empty.body.includes('Descrieți pe scurt expertiza'));

  // Updating withdraws consent; expressing again does not create a second row.
  assert.equal((await post(uni.b, `/consultations/projects/${pid}/interest`, { organizationId: String(uni.orgId), expertise: 'Laborator IoT, cu studenți.' })).statusCode, 303);
  const rows = await ctx.database.query<{ consent_contact: boolean; consented_at: Date | null; expertise: string }>('select consent_contact, consented_at, expertise from consultation_interests where user_id = $1', [uni.id]);
  assert.deepEqual(rows.map((r) => [r.consent_contact, r.consented_at, r.expertise]), [[false, null, 'Laborator IoT, cu studenți.']]);
  const page = await app.inject({ method: 'GET', url: `/consultations/projects/${pid}`, headers: { cookie: uni.b.cookie } });
  assert.ok(page.body.includes('Interesul dumneavoastră') && page.body.includes('Mediul academic: 1'));
  assert.ok(!page.body.includes(uni.email), 'who is interested is never shown publicly');

  assert.equal((await post(uni.b, `/consultations/projects/${pid}/interest/withdraw`, {})).statusCode, 303);
  assert.equal((await ctx.database.query('select 1 from consultation_interests where user_id = $1', [uni.id])).length, 0);

  const anon = await browser(ctx);
  const redirected = await post(anon, `/consultations/projects/${pid}/interest`, { expertise: 'x' });
  assert.equal(redirected.statusCode, 303);
  assert.match(String(redirected.headers.location), /^\/login/);
});

test('the export lists only people who agreed to be contacted, per project, and only for admins', async () => {
  const pid = await projectId('Energie verde pentru Timișoara');
  const other = await projectId('Food Waste Timișoara');
  const agrees = await stakeholder('private_company');
  const declines = await stakeholder('civil_society');
  const elsewhere = await stakeholder();
  await post(agrees.b, `/consultations/projects/${pid}/interest`, { organizationId: String(agrees.orgId), expertise: 'Instalăm panouri fotovoltaice, =SUM(A1)', consent: 'on' });
  await post(declines.b, `/consultations/projects/${pid}/interest`, { organizationId: String(declines.orgId), expertise: 'Educație pentru energie.' });
  await post(elsewhere.b, `/consultations/projects/${other}/interest`, { expertise: 'Voluntar la banca de alimente.', consent: 'on' });

  const csv = await app.inject({ method: 'GET', url: `/admin/consultations/projects/${pid}/interests.csv`, headers: { cookie: admin.cookie } });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  const lines = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  assert.equal(lines[0], 'Ambiția,Obiectivul,Proiectul,Nume,E-mail,Organizația,Tipul,Expertiza,Acord de contact din');
  assert.equal(lines.length, 2, 'one consenting person');
  assert.ok(lines[1]!.startsWith(`V,V.1,Energie verde pentru Timișoara,${`Test ${agrees.email.split('@')[0]}`},${agrees.email},`));
  assert.ok(lines[1]!.includes(',Companie privată,'));
  assert.ok(lines[1]!.includes(`"Instalăm panouri fotovoltaice, =SUM(A1)"`));
  assert.ok(!csv.body.includes(declines.email), 'no consent, no export');

  const all = await app.inject({ method: 'GET', url: `/admin/consultations/${CID}/interests.csv`, headers: { cookie: admin.cookie } });
  assert.ok(all.body.includes(agrees.email) && all.body.includes(elsewhere.email) && !all.body.includes(declines.email));
  assert.ok(all.body.includes('Persoane, în nume propriu'));

  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await app.inject({ method: 'GET', url: `/admin/consultations/projects/${pid}/interests.csv`, headers: { cookie: citizen.cookie } })).statusCode, 403);
  assert.equal((await app.inject({ method: 'GET', url: `/admin/consultations/${CID}/interests.csv` })).statusCode, 303);
});

test('an open action is proposed, promoted once into a project under its ambition, and shows up in the strategy', async () => {
  const org = await stakeholder('civil_society');
  const [ambition] = await ctx.database.query<{ id: number }>(`select id from consultation_ambitions where consultation_id = $1 and code = 'V'`, [CID]);
  const bad = await post(org.b, `/consultations/${CID}/actions`, { ambitionId: '', title: '' });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.body.includes('Alegeți ambiția') && bad.body.includes('Scrieți acțiunea propusă'));
  const proposed = await post(org.b, `/consultations/${CID}/actions`, { ambitionId: String(ambition!.id), title: 'Grădini comunitare pe acoperișuri', description: 'Acoperișurile blocurilor devin grădini.', organizationId: String(org.orgId) });
  assert.equal(proposed.statusCode, 303);
  const [action] = await ctx.database.query<{ id: number }>(`select id from consultation_actions where title = 'Grădini comunitare pe acoperișuri'`);

  const [otherObjective] = await ctx.database.query<{ id: number }>(`select o.id from consultation_objectives o where o.code = 'I.1'`);
  const wrong = await post(admin, `/admin/consultations/actions/${action!.id}/promote`, { objectiveId: String(otherObjective!.id), title: '' });
  assert.equal(wrong.statusCode, 400, 'an objective of another ambition is refused');
  assert.ok(wrong.body.includes('Alegeți un obiectiv al aceleiași ambiții.'));

  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  const [v2] = await ctx.database.query<{ id: number }>(`select id from consultation_objectives where code = 'V.2'`);
  assert.equal((await post(citizen, `/admin/consultations/actions/${action!.id}/promote`, { objectiveId: String(v2!.id) })).statusCode, 403);

  const twice = await Promise.all([
    post(admin, `/admin/consultations/actions/${action!.id}/promote`, { objectiveId: String(v2!.id), title: 'Grădini urbane pe acoperișuri' }),
    post(admin, `/admin/consultations/actions/${action!.id}/promote`, { objectiveId: String(v2!.id), title: 'Grădini urbane pe acoperișuri' }),
  ]);
  assert.deepEqual(twice.map((r) => r.statusCode), [303, 303]);
  const projects = await ctx.database.query<{ id: number; origin: string; description: string }>(`select id, origin, description from consultation_projects where title = 'Grădini urbane pe acoperișuri'`);
  assert.equal(projects.length, 1, 'promoted exactly once');
  assert.equal(projects[0]!.origin, 'open_action');
  assert.equal(projects[0]!.description, 'Acoperișurile blocurilor devin grădini.');
  const [after] = await ctx.database.query<{ status: string; project_id: number }>('select status, project_id from consultation_actions where id = $1', [action!.id]);
  assert.deepEqual(after, { status: 'promoted', project_id: projects[0]!.id });

  const strategy = await app.inject({ method: 'GET', url: `/consultations/${CID}` });
  assert.ok(strategy.body.includes(`href="/consultations/projects/${projects[0]!.id}"`) && strategy.body.includes('propus ca acțiune deschisă'));
  assert.ok(strategy.body.includes('Preluată ca proiect strategic'));

  const [seeded] = await ctx.database.query<{ id: number }>(`select id from consultation_actions where title = 'Mobilitate pietonală'`);
  assert.equal((await post(admin, `/admin/consultations/actions/${seeded!.id}/decline`, {})).statusCode, 303);
  assert.equal((await post(admin, `/admin/consultations/actions/${seeded!.id}/decline`, {})).statusCode, 303);
  const [declined] = await ctx.database.query<{ status: string }>('select status from consultation_actions where id = $1', [seeded!.id]);
  assert.equal(declined!.status, 'declined');
});

test('the dashboard gives the share of projects with interest, by ambition and by helix type', async () => {
  const before = await dashboard(ctx, CID);
  const [i1, vi1] = [await projectId('Timișoara colectivă'), await projectId('Instalații urbane high tech interactive')];
  const city = await stakeholder('public_institution');
  const person = await stakeholder();
  await post(city.b, `/consultations/projects/${i1}/interest`, { organizationId: String(city.orgId), expertise: 'Direcția de comunicare.' });
  await post(city.b, `/consultations/projects/${vi1}/interest`, { organizationId: String(city.orgId), expertise: 'Direcția de cultură.' });
  await post(person.b, `/consultations/projects/${i1}/interest`, { expertise: 'Designer de interacțiune.' });
  const d = await dashboard(ctx, CID);
  assert.equal(d.projects, before.projects);
  assert.equal(d.interests, before.interests + 3);
  const helix = (h: string, x: typeof d) => x.byHelix.find((b) => b.helix === h)!;
  assert.equal(helix('public_institution', d).projects - helix('public_institution', before).projects, 2);
  assert.equal(helix('public_institution', d).interests - helix('public_institution', before).interests, 2);
  assert.equal(helix('individual', d).interests - helix('individual', before).interests, 1);
  assert.equal(d.byAmbition.reduce((s, a) => s + a.projects, 0), d.projects);

  const page = await app.inject({ method: 'GET', url: `/consultations/${CID}/dashboard` });
  assert.equal(page.statusCode, 200);
  const share = new Intl.NumberFormat('ro-RO', { style: 'percent', maximumFractionDigits: 0 }).format(d.withInterest / d.projects);
  assert.ok(page.body.includes(share), `the share ${share} is shown`);
  assert.ok(page.body.includes(`${d.withInterest} din ${d.projects}`));
  assert.match(page.body, /<th scope="row">Instituție publică<\/th><td class="num">\d+<\/td>/);
  assert.ok(page.body.includes('<svg class="bar"'), 'the chart is drawn');
});

test('objectives carry a comment thread from the comments module', async () => {
  const [objective] = await ctx.database.query<{ id: number }>(`select id from consultation_objectives where code = 'I.3'`);
  const someone = await stakeholder();
  const res = await app.inject({
    method: 'POST',
    url: '/comments',
    headers: { ...FORM, cookie: someone.b.cookie },
    payload: new URLSearchParams({ _csrf: someone.b.csrf, subjectType: 'consultation_objective', subjectId: String(objective!.id), body: 'Transparența începe cu datele deschise ale bugetului.' }).toString(),
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  const page = await app.inject({ method: 'GET', url: `/consultations/objectives/${objective!.id}` });
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('Transparența începe cu datele deschise ale bugetului.'));
  assert.ok(page.body.includes('Platforma participativă publică DECIDEM'));
});

test('a closed consultation takes no more interest or actions', async () => {
  const [c] = await ctx.database.query<{ id: number }>(`insert into consultations (title, status) values ('Consultare încheiată', 'closed') returning id`);
  const [a] = await ctx.database.query<{ id: number }>(`insert into consultation_ambitions (consultation_id, position, code, title) values ($1, 1, 'I', 'Ambiție') returning id`, [c!.id]);
  const [o] = await ctx.database.query<{ id: number }>(`insert into consultation_objectives (ambition_id, position, code, title) values ($1, 1, 'I.1', 'Obiectiv') returning id`, [a!.id]);
  const [p] = await ctx.database.query<{ id: number }>(`insert into consultation_projects (objective_id, position, title) values ($1, 1, 'Proiect') returning id`, [o!.id]);
  const s = await stakeholder();
  await post(s.b, `/consultations/projects/${p!.id}/interest`, { expertise: 'Ceva.' });
  await post(s.b, `/consultations/${c!.id}/actions`, { ambitionId: String(a!.id), title: 'Ceva nou' });
  assert.equal((await ctx.database.query('select 1 from consultation_interests where project_id = $1', [p!.id])).length, 0);
  assert.equal((await ctx.database.query('select 1 from consultation_actions where consultation_id = $1', [c!.id])).length, 0);
  const page = await app.inject({ method: 'GET', url: `/consultations/projects/${p!.id}`, headers: { cookie: s.b.cookie } });
  assert.ok(!page.body.includes('Îmi exprim interesul'));
});
