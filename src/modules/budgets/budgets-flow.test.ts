// An edition from setup to results, through HTTP on the demo city: an admin sets it up with one
// budget per vote type, citizens propose, an official reviews, residents vote (every vote type's
// validation answers with its own message), voting closes and the results are published.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, form, makeUser } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { parsePb } from './pabulib/parse.ts';
import { receiptFrom } from './testing/fixtures.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
type B = { cookie: string; csrf: string };
const userId = async (email: string) => (await ctx.database.query<{ id: string }>('select id from users where email = $1', [email]))[0]!.id;
const area = async (slug: string) => String((await ctx.database.query<{ id: number }>('select id from areas where slug = $1', [slug]))[0]!.id);
const post = (b: B, url: string, fields: Record<string, string> | [string, string][]) =>
  app.inject({ method: 'POST', url, headers: { ...FORM, cookie: b.cookie }, payload: new URLSearchParams([...(Array.isArray(fields) ? fields : Object.entries(fields)), ['_csrf', b.csrf]]).toString() });
const get = (url: string, b?: B) => app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} });

const admin = await browser(ctx, await userId('admin@demo.dezvolt.ro'));
const official = await browser(ctx, await userId('drumuri@demo.dezvolt.ro'));
const citizen = await browser(ctx, await userId('cetatean@demo.dezvolt.ro'));

const BUDGETS: ({ name: string; area: string } & Record<string, string>)[] = [
  { name: 'Tot orașul', area: '', amount: '600', voteType: 'knapsack', rule: 'greedy', maxProjectCost: '800' },
  { name: 'Centru', area: 'centru', amount: '500', voteType: 'approval', rule: 'equalshares/add1', approvalMin: '1', approvalMax: '2' },
  { name: 'Mănăștur', area: 'manastur', amount: '500', voteType: 'cumulative', rule: 'greedy', pointsPerProject: '3', pointsTotal: '5' },
  { name: 'Gheorgheni', area: 'gheorgheni', amount: '500', voteType: 'ordinal', rule: 'greedy-no-skip', ordinalMax: '2' },
  { name: 'Mărăști', area: 'marasti', amount: '500', voteType: 'choose-1', rule: 'greedy' },
];
const COSTS = [300, 200, 150];

test('setup → proposals → review → every vote type → close → results', async () => {
  // Admin: the edition, its budgets, a category, then open submissions.
  const created = await post(admin, '/admin/budgets/editions', { title: 'Bugetare 2026 (test)', description: 'Test', minAge: '', votingStarts: '2026-06-01', votingEnds: '2026-06-30' });
  assert.equal(created.statusCode, 303, created.body);
  const editionId = Number(String(created.headers.location).split('/').pop());
  const bad = await post(admin, `/admin/budgets/editions/${editionId}/budgets`, { name: 'Greșit', area: '', amount: 'o mie', voteType: 'cumulative', rule: 'equalshares' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Scrie suma ca număr/);
  assert.match(bad.body, /Metoda părților egale se poate folosi doar/);
  assert.match(bad.body, /numărul de puncte pe proiect/);
  for (const b of BUDGETS) {
    const res = await post(admin, `/admin/budgets/editions/${editionId}/budgets`, { ...b, area: b.area ? await area(b.area) : '' });
    assert.equal(res.statusCode, 303, `${b.name}: ${res.body.slice(0, 2000)}`);
  }
  assert.equal((await post(admin, `/admin/budgets/editions/${editionId}/categories`, { category: 'Mobilitate' })).statusCode, 303);
  const tooEarly = await post(admin, `/admin/budgets/editions/${editionId}/phase`, { phase: 'results' });
  assert.equal(tooEarly.statusCode, 409);
  assert.equal((await post(admin, `/admin/budgets/editions/${editionId}/phase`, { phase: 'submission' })).statusCode, 303);
  const budgets = await ctx.database.query<{ id: number; name: string }>('select id, name from pb_budgets where edition_id = $1', [editionId]);
  const budgetId = (name: string) => budgets.find((b) => b.name === name)!.id;

  // Citizens propose; the form explains what is wrong.
  const tooDear = await post(citizen, `/budgets/editions/${editionId}/propose`, { title: 'Prea scump', description: 'x', cost: '900', budget: String(budgetId('Tot orașul')), district: '', category: '', lat: '', lng: '' });
  assert.equal(tooDear.statusCode, 400);
  assert.match(tooDear.body, /depășește maximul permis/);
  const outside = await post(citizen, `/budgets/editions/${editionId}/propose`, { title: 'Departe', description: 'x', cost: '100', budget: String(budgetId('Tot orașul')), lat: '44.4268', lng: '26.1025' });
  assert.match(outside.body, /în afara orașului/);
  const projects = new Map<string, number[]>();
  for (const b of BUDGETS) {
    const ids: number[] = [];
    for (const [i, cost] of COSTS.entries()) {
      const res = await post(citizen, `/budgets/editions/${editionId}/propose`, {
        title: `${b.name} ${i + 1}`,
        description: `Proiectul ${i + 1} pentru ${b.name}`,
        cost: String(cost),
        budget: String(budgetId(b.name)),
        district: '',
        category: '',
        lat: i === 0 ? '46.7705' : '',
        lng: i === 0 ? '23.5901' : '',
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
      ids.push(Number(String(res.headers.location).split('/').pop()));
    }
    projects.set(b.name, ids);
  }
  const rejectMe = await post(citizen, `/budgets/editions/${editionId}/propose`, { title: 'Telegondolă', description: 'Spre Cetățuie', cost: '500', budget: String(budgetId('Tot orașul')) });
  const rejectId = Number(String(rejectMe.headers.location).split('/').pop());
  const page = await get(`/budgets/projects/${projects.get('Tot orașul')![0]}`);
  assert.match(page.body, /latitudine 46\.77050, longitudine 23\.59010/);
  assert.equal((await post(citizen, `/budgets/projects/${rejectId}/comments`, { body: 'Ar fi frumos, dar e scump.' })).statusCode, 303);
  assert.match((await get(`/budgets/projects/${rejectId}`)).body, /Ar fi frumos, dar e scump\./);

  // Review: citizens may not; officials accept, adjust a cost, and must explain a rejection.
  assert.equal((await get(`/budgets/projects/${rejectId}/review`, citizen)).statusCode, 403);
  assert.equal((await post(admin, `/admin/budgets/editions/${editionId}/phase`, { phase: 'review' })).statusCode, 303);
  const noReason = await post(official, `/budgets/projects/${rejectId}/review`, { decision: 'reject', reason: '', adjustedCost: '' });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /Scrie motivul respingerii/);
  assert.equal((await post(official, `/budgets/projects/${rejectId}/review`, { decision: 'reject', reason: 'Terenul nu aparține municipiului.', adjustedCost: '' })).statusCode, 303);
  for (const [name, ids] of projects) {
    for (const id of ids) {
      const adjusted = name === 'Tot orașul' && id === ids[0] ? '350' : '';
      const res = await post(official, `/budgets/projects/${id}/review`, { decision: 'accept', reason: adjusted ? 'Costul include proiectarea.' : '', adjustedCost: adjusted });
      assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
    }
  }
  const rejected = await get(`/budgets/projects/${rejectId}`);
  assert.match(rejected.body, /Motivul respingerii:<\/strong> Terenul nu aparține municipiului\./);
  const audit = await ctx.database.query(`select 1 from audit_log where action = 'pb.project.review' and subject_id = $1`, [String(rejectId)]);
  assert.equal(audit.length, 1);

  // Voting.
  assert.equal((await post(admin, `/admin/budgets/editions/${editionId}/phase`, { phase: 'voting' })).statusCode, 303);
  assert.equal((await post(official, `/budgets/projects/${projects.get('Centru')![0]}/review`, { decision: 'reject', reason: 'prea târziu' })).statusCode, 403, 'no review once voting started');
  const [k1, k2, k3] = projects.get('Tot orașul')!;
  const ballot = (name: string) => `/budgets/ballots/${budgetId(name)}`;
  const form0 = await get(ballot('Tot orașul'), citizen);
  assert.match(form0.body, /Costul lor adunat nu poate depăși bugetul de 600 lei/);
  assert.match(form0.body, /Proiectele se iau pe rând, de la cel mai votat/);
  assert.doesNotMatch(form0.body, /Telegondolă/, 'a rejected project is not on the ballot');
  const voter = async () => browser(ctx, (await makeUser(ctx)).id);

  const cases: [string, [string, string][], RegExp][] = [
    ['Tot orașul', [['project', String(k1)], ['project', String(k2)], ['project', String(k3)], ['project', String(projects.get('Centru')![0])]], /nu este pe buletinul acestui buget/],
    ['Tot orașul', [['project', String(k1)], ['project', String(k2)], ['project', String(k3)]], /costă împreună 700 lei, mai mult decât bugetul de 600 lei/],
    ['Centru', projects.get('Centru')!.map((id) => ['project', String(id)]), /Ai ales 3 proiecte; poți alege cel mult 2/],
    ['Centru', [], /Alege cel puțin un proiect/],
    ['Mănăștur', [[`points_${projects.get('Mănăștur')![0]}`, '4']], /Ai dat 4 puncte unui proiect; cel mult 3/],
    ['Mănăștur', projects.get('Mănăștur')!.map((id) => [`points_${id}`, '2']), /Ai dat în total 6 puncte; ai la dispoziție cel mult 5/],
    ['Mănăștur', [[`points_${projects.get('Mănăștur')![0]}`, '1,5']], /Scrie un număr întreg de puncte/],
    ['Gheorgheni', projects.get('Gheorgheni')!.map((id, i) => [`rank_${i + 1}`, String(id)]), /Ai clasat 3 proiecte; poți clasa cel mult 2/],
    ['Gheorgheni', [['rank_1', ''], ['rank_2', String(projects.get('Gheorgheni')![0])]], /Locul 1 este gol/],
    ['Gheorgheni', [['rank_1', String(projects.get('Gheorgheni')![0])], ['rank_2', String(projects.get('Gheorgheni')![0])]], /același proiect de două ori/],
    ['Mărăști', projects.get('Mărăști')!.slice(0, 2).map((id) => ['project', String(id)]), /Alege exact un proiect \(ai ales 2\)/],
  ];
  const v0id = (await makeUser(ctx)).id;
  const v0 = await browser(ctx, v0id);
  for (const [name, fields, message] of cases) {
    const res = await post(v0, ballot(name), fields);
    assert.equal(res.statusCode, 400, `${name} ${JSON.stringify(fields)}`);
    assert.match(res.body, message, `${name} ${JSON.stringify(fields)}`);
  }
  assert.equal((await ctx.database.query('select 1 from pb_ballots where voter_id = $1', [v0id])).length, 0, 'no invalid ballot was stored');

  // Valid ballots: every voter gets a receipt; the receipt proves the vote without showing it.
  const valid: Record<string, [string, string][][]> = {
    'Tot orașul': [[['project', String(k1)], ['project', String(k2)]], [['project', String(k2)], ['project', String(k3)]], [['project', String(k2)]]],
    Centru: [[['project', String(projects.get('Centru')![0])]], [['project', String(projects.get('Centru')![1])], ['project', String(projects.get('Centru')![2])]], [['project', String(projects.get('Centru')![1])]]],
    Mănăștur: [projects.get('Mănăștur')!.slice(0, 2).map((id, i) => [`points_${id}`, String(3 - i)] as [string, string]), [[`points_${projects.get('Mănăștur')![2]}`, '3']], [[`points_${projects.get('Mănăștur')![1]}`, '1']]],
    Gheorgheni: [[['rank_1', String(projects.get('Gheorgheni')![2])], ['rank_2', String(projects.get('Gheorgheni')![0])]], [['rank_1', String(projects.get('Gheorgheni')![2])]], [['rank_1', String(projects.get('Gheorgheni')![1])]]],
    Mărăști: [[['project', String(projects.get('Mărăști')![0])]], [['project', String(projects.get('Mărăști')![0])]], [['project', String(projects.get('Mărăști')![2])]]],
  };
  const receipts: string[] = [];
  for (const [name, ballots] of Object.entries(valid)) {
    for (const fields of ballots) {
      const res = await post(await voter(), ballot(name), [...fields, ['submission', `k-${receipts.length}`]]);
      assert.equal(res.statusCode, 200, `${name}: ${res.body.slice(0, 2500)}`);
      assert.match(res.body, /Votul tău a fost înregistrat/);
      receipts.push(receiptFrom(res.body)!);
    }
  }
  assert.equal(new Set(receipts).size, 15);
  const unverified = await browser(ctx, (await makeUser(ctx, { verified: false })).id);
  const refused = await post(unverified, ballot('Mărăști'), [['project', String(projects.get('Mărăști')![0])]]);
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /confirmă mai întâi adresa de e-mail/);
  const check = await post(citizen, '/budgets/receipt', { code: receipts[0]!.toLowerCase() });
  assert.match(check.body, /Votul a fost înregistrat online/);
  assert.match(check.body, /Votul va fi numărat la închiderea votului/);
  assert.doesNotMatch(check.body, /Tot orașul 1|Tot orașul 2/, 'the receipt page never shows the choices');
  assert.match((await post(citizen, '/budgets/receipt', { code: 'AAAA-BBBB-CCCC-DDDD' })).body, /Nu există niciun vot cu acest cod/);

  // Close and publish.
  assert.equal((await post(citizen, `/admin/budgets/editions/${editionId}/close`, {})).statusCode, 403);
  const closed = await post(admin, `/admin/budgets/editions/${editionId}/close`, {});
  assert.equal(closed.statusCode, 303, closed.body.slice(0, 2000));
  const late = await post(await voter(), ballot('Mărăști'), [['project', String(projects.get('Mărăști')![0])]]);
  assert.equal(late.statusCode, 409, 'no ballot after closing');
  assert.match((await post(citizen, '/budgets/receipt', { code: receipts[0]! })).body, /Votul a fost numărat la calculul rezultatelor/);

  const expectWinners: Record<string, number[]> = {
    // knapsack greedy: k2 (3 votes, 200), k1 (1 vote, adjusted 350) → 550; k3 (1 vote, 150) no longer fits in 600
    'Tot orașul': [k2!, k1!],
    // cumulative: p1 3 pts, p2 2+1=3 pts, p3 3 pts; all fit in 500? 300+200 = 500, then 150 does not
    Mănăștur: projects.get('Mănăștur')!.slice(0, 2),
    // ordinal Borda: p3 = 2 + 1 = 3, p1 = 1, p2 = 1; no-skip: p3 (150), p1 (300) → 450, p2 (200) does not fit → stop
    Gheorgheni: [projects.get('Gheorgheni')![2]!, projects.get('Gheorgheni')![0]!],
    Mărăști: [projects.get('Mărăști')![0]!, projects.get('Mărăști')![2]!],
  };
  for (const [name, winners] of Object.entries(expectWinners)) {
    const [r] = await ctx.database.query<{ projects: { projectId: number; selected: boolean }[] }>('select projects from pb_results where budget_id = $1', [budgetId(name)]);
    assert.deepEqual(r!.projects.filter((p) => p.selected).map((p) => p.projectId).sort(), [...winners].sort(), name);
  }
  const results = await get(`/budgets/results/${budgetId('Tot orașul')}`);
  assert.equal(results.statusCode, 200);
  assert.match(results.body, /<meter id="spent-meter"/);
  assert.match(results.body, /role="img"/);
  assert.match(results.body, /Cele mai votate proiecte care încap în buget/);
  const centru = await get(`/budgets/results/${budgetId('Centru')}`);
  assert.match(centru.body, /Metoda părților egale, cu bugetul folosit complet/);
  const csv = await get(`/budgets/results/${budgetId('Tot orașul')}.csv`);
  assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
  assert.match(csv.body, /project_id,title,cost,score,selected/);
  const json = await get(`/api/v1/pb/budgets/${budgetId('Tot orașul')}/results`);
  assert.equal(json.json().voters, 3);
  assert.equal(json.json().projects.filter((p: { selected: boolean }) => p.selected).length, 2);
  const pb = await get(`/budgets/results/${budgetId('Mănăștur')}.pb`);
  assert.equal(pb.statusCode, 200);
  const parsed = parsePb(pb.body);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.error));
  assert.equal(parsed.value.voteType, 'cumulative');
  assert.equal(parsed.value.votes.length, 3);
  assert.deepEqual(parsed.value.projects.filter((p) => p.selected === 1).map((p) => Number(p.id)).sort(), [...expectWinners['Mănăștur']!].sort());
  assert.doesNotMatch(pb.body, /cetatean|@/, 'the export names no voter');
  const edition = await get(`/budgets/editions/${editionId}`);
  assert.match(edition.body, /Rezultate: Tot orașul/);
  const [status] = await ctx.database.query<{ status: string }>('select status from pb_projects where id = $1', [k2]);
  assert.equal(status!.status, 'selected');
});
