// One ballot per person per budget (the database says so, not only the code), changing a ballot,
// receipts of replaced ballots, paper ballots, and who may vote (age, residents' list).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser } from '../../core/testing/factories.ts';
import { makeBudget, receiptFrom } from './testing/fixtures.ts';

const { app, ctx } = await testApp();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
type B = { cookie: string; csrf: string };
const post = (b: B, url: string, fields: [string, string][]) =>
  app.inject({ method: 'POST', url, headers: { ...FORM, cookie: b.cookie }, payload: new URLSearchParams([...fields, ['_csrf', b.csrf]]).toString() });
const admin = await makeUser(ctx, { role: 'admin' });

test('the database itself refuses a second ballot of one person in one budget', async () => {
  const { budgetId, projectIds } = await makeBudget(ctx, admin.id);
  const voter = await makeUser(ctx);
  const res = await post(await browser(ctx, voter.id), `/budgets/ballots/${budgetId}`, [['project', String(projectIds[0])]]);
  assert.equal(res.statusCode, 200);
  // Bypassing every check in the code: a plain INSERT still cannot add a second ballot.
  await assert.rejects(
    ctx.database.query(`insert into pb_ballots (budget_id, voter_id, source) values ($1, $2, 'online')`, [budgetId, voter.id]),
    /pb_ballots_one_per_voter|duplicate key/,
  );
  await assert.rejects(
    ctx.database.transaction(async (tx) => {
      await tx.query(`insert into pb_ballots (budget_id, external_voter, source) values ($1, 'paper:1', 'paper')`, [budgetId]);
      await tx.query(`insert into pb_ballots (budget_id, external_voter, source) values ($1, 'paper:1', 'paper')`, [budgetId]);
    }),
    /pb_ballots_one_per_external|duplicate key/,
  );
  const again = await post(await browser(ctx, voter.id), `/budgets/ballots/${budgetId}`, [['project', String(projectIds[1])]]);
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /Ai votat deja/);
  const [n] = await ctx.database.query<{ n: number }>('select count(*)::int as n from pb_ballots where budget_id = $1 and voter_id = $2', [budgetId, voter.id]);
  assert.equal(n!.n, 1);
});

test('a resent form is "already recorded"; a changed ballot replaces the old one and its receipt says so', async () => {
  const { budgetId, projectIds } = await makeBudget(ctx, admin.id, { budget: { allowBallotChange: true } });
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const first = await post(b, `/budgets/ballots/${budgetId}`, [['project', String(projectIds[0])], ['submission', 'once']]);
  const receipt1 = receiptFrom(first.body)!;
  const resent = await post(b, `/budgets/ballots/${budgetId}`, [['project', String(projectIds[0])], ['submission', 'once']]);
  assert.equal(resent.statusCode, 200);
  assert.match(resent.body, /Votul tău era deja înregistrat/);
  assert.equal(receiptFrom(resent.body), null, 'a receipt is shown only once');
  const page = await app.inject({ url: `/budgets/ballots/${budgetId}`, headers: { cookie: b.cookie } });
  assert.match(page.body, /Ai votat deja în acest buget/);
  assert.match(page.body, new RegExp(`value="${projectIds[0]}" checked`), 'the voter sees their own ballot to change it');
  const changed = await post(b, `/budgets/ballots/${budgetId}`, [['project', String(projectIds[1])], ['project', String(projectIds[2])], ['submission', 'twice']]);
  assert.match(changed.body, /Votul tău a fost schimbat/);
  const receipt2 = receiptFrom(changed.body)!;
  const items = await ctx.database.query<{ project_id: number }>('select i.project_id from pb_ballot_items i join pb_ballots b on b.id = i.ballot_id where b.budget_id = $1 order by i.position', [budgetId]);
  assert.deepEqual(items.map((i) => i.project_id), [projectIds[1], projectIds[2]]);
  const old = await post(b, '/budgets/receipt', [['code', receipt1]]);
  assert.match(old.body, /a fost înlocuit la/);
  const current = await post(b, '/budgets/receipt', [['code', receipt2]]);
  assert.match(current.body, /Votul este păstrat exact cum a fost trimis/);
});

test('officials enter paper ballots: logged, numbered once, with a receipt for the voter', async () => {
  const { budgetId, projectIds } = await makeBudget(ctx, admin.id, { budget: { amount: 900 } });
  const official = await makeUser(ctx, { role: 'official' });
  const o = await browser(ctx, official.id);
  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await app.inject({ url: `/budgets/ballots/${budgetId}/paper`, headers: { cookie: citizen.cookie } })).statusCode, 403);
  const form = await app.inject({ url: `/budgets/ballots/${budgetId}/paper`, headers: { cookie: o.cookie } });
  assert.match(form.body, /Numărul buletinului de pe hârtie/);
  const missing = await post(o, `/budgets/ballots/${budgetId}/paper`, [['project', String(projectIds[0])]]);
  assert.match(missing.body, /Scrie numărul buletinului/);
  const tooMuch = await post(o, `/budgets/ballots/${budgetId}/paper`, [['number', 'A-17'], ...projectIds.map((id) => ['project', String(id)] as [string, string])]);
  assert.equal(tooMuch.statusCode, 400, 'paper ballots follow the same rules');
  const ok = await post(o, `/budgets/ballots/${budgetId}/paper`, [['number', 'A-17'], ['project', String(projectIds[3])]]);
  assert.equal(ok.statusCode, 200, ok.body.slice(0, 1500));
  assert.match(ok.body, /Buletinul a fost înregistrat/);
  assert.ok(receiptFrom(ok.body));
  const dup = await post(o, `/budgets/ballots/${budgetId}/paper`, [['number', 'A-17'], ['project', String(projectIds[2])]]);
  assert.equal(dup.statusCode, 409);
  assert.match(dup.body, /Un buletin cu acest număr a fost deja introdus/);
  const audit = await ctx.database.query<{ actor_id: string; details: { number: string } }>(`select actor_id, details from audit_log where action = 'pb.ballot.paper' and subject_id = $1`, [String(budgetId)]);
  assert.deepEqual(audit.map((a) => [a.actor_id, a.details.number]), [[official.id, 'A-17']]);
  const check = await post(citizen, '/budgets/receipt', [['code', receiptFrom(ok.body)!]]);
  assert.match(check.body, /Votul pe hârtie a fost înregistrat/);
});

test('minimum age and the residents\' list decide who may vote; one resident has one ballot across paper and online', async () => {
  const { editionId, budgetId, projectIds } = await makeBudget(ctx, admin.id, { minAge: 16 });
  const a = await browser(ctx, admin.id);
  const csv = '"identificator"\nCJ-0001\ncj-0002\r\nCJ-0003;Popescu\n\n';
  const boundary = 'pbBoundary';
  const upload = await app.inject({
    method: 'POST',
    url: `/admin/budgets/editions/${editionId}/census?_csrf=${encodeURIComponent(a.csrf)}`,
    headers: { cookie: a.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lista.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
  });
  assert.equal(upload.statusCode, 303, upload.body.slice(0, 1500));
  const stored = await ctx.database.query<{ identifier_hash: string }>('select identifier_hash from pb_census where edition_id = $1', [editionId]);
  assert.equal(stored.length, 4, 'three residents and the header row');
  assert.ok(stored.every((s) => !/cj-000/i.test(s.identifier_hash)), 'identifiers are never stored in clear');

  const young = await makeUser(ctx);
  const y = await browser(ctx, young.id);
  const vote = (b: B, id = projectIds[0]!) => post(b, `/budgets/ballots/${budgetId}`, [['project', String(id)]]);
  assert.match((await vote(y)).body, /Completează anul nașterii/);
  await ctx.database.query('insert into demographics (user_id, birth_year) values ($1, extract(year from now())::int - 12)', [young.id]);
  const tooYoung = await vote(y);
  assert.equal(tooYoung.statusCode, 403);
  assert.match(tooYoung.body, /Nu ai încă vârsta minimă de vot/);

  const adult = await makeUser(ctx);
  await ctx.database.query('insert into demographics (user_id, birth_year) values ($1, 1980)', [adult.id]);
  const ad = await browser(ctx, adult.id);
  const needsList = await vote(ad);
  assert.equal(needsList.statusCode, 403);
  assert.match(needsList.body, /Confirmă că locuiești în oraș/);
  assert.match((await post(ad, `/budgets/ballots/${budgetId}/census`, [['identifier', 'CJ-9999']])).body, /nu este în lista locuitorilor/);
  assert.equal((await post(ad, `/budgets/ballots/${budgetId}/census`, [['identifier', ' cj-0001 ']])).statusCode, 303);
  assert.equal((await vote(ad)).statusCode, 200);

  const other = await makeUser(ctx);
  await ctx.database.query('insert into demographics (user_id, birth_year) values ($1, 1990)', [other.id]);
  assert.match((await post(await browser(ctx, other.id), `/budgets/ballots/${budgetId}/census`, [['identifier', 'CJ-0001']])).body, /a fost deja folosit de alt cont/);

  // A resident who voted on paper cannot vote online too, even from a fresh account.
  const official = await browser(ctx, (await makeUser(ctx, { role: 'official' })).id);
  const paper = await post(official, `/budgets/ballots/${budgetId}/paper`, [['number', '7'], ['identifier', 'CJ-0002'], ['project', String(projectIds[1])]]);
  assert.equal(paper.statusCode, 200, paper.body.slice(0, 1500));
  assert.match((await post(official, `/budgets/ballots/${budgetId}/paper`, [['number', '8'], ['identifier', 'cj-0001'], ['project', String(projectIds[1])]])).body, /a votat deja în acest buget/);
  const late = await makeUser(ctx);
  await ctx.database.query('insert into demographics (user_id, birth_year) values ($1, 1975)', [late.id]);
  const l = await browser(ctx, late.id);
  assert.equal((await post(l, `/budgets/ballots/${budgetId}/census`, [['identifier', 'CJ-0002']])).statusCode, 303);
  const twice = await vote(l);
  assert.equal(twice.statusCode, 409);
  const [n] = await ctx.database.query<{ n: number }>('select count(*)::int as n from pb_ballots where budget_id = $1', [budgetId]);
  assert.equal(n!.n, 2, 'one online ballot (CJ-0001) and one paper ballot (CJ-0002)');
});
