// The concurrency check: many voters at once, with retries and double submissions mixed
// in, give exactly one counted ballot per voter, every voter's stored ballot is the one they were
// told was recorded, and the tally equals a recount from the stored ballots.
// Scale: PB_CONCURRENT_BALLOTS voters (default 2000) by PB_CONCURRENT_CLIENTS clients (default 50);
// the full run is PB_CONCURRENT_BALLOTS=10000 PB_CONCURRENT_CLIENTS=200.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { makeUser } from '../../core/testing/factories.ts';
import { makeBudget, makeVoters } from './testing/fixtures.ts';
import { ballotForm, classify, planSubmissions, runConcurrently, type Answer } from './testing/ballot-load.ts';
import { closeVoting } from './commands/results.ts';
import { tally } from './tally/tally.ts';
import type { PbElection } from './pabulib/types.ts';

const VOTERS = Number(process.env.PB_CONCURRENT_BALLOTS ?? 2000);
const CLIENTS = Number(process.env.PB_CONCURRENT_CLIENTS ?? 50);
const { app, ctx } = await testApp();
const admin = await makeUser(ctx, { role: 'admin' });
const COSTS = [100, 150, 200, 250, 300, 400, 500, 600, 800, 1000];
const BUDGET = 2000;

async function vote(allowBallotChange: boolean, voters: number, seed: number) {
  const { editionId, budgetId, projectIds } = await makeBudget(ctx, admin.id, { costs: COSTS, budget: { amount: BUDGET, allowBallotChange } });
  const people = await makeVoters(ctx, voters);
  const plan = planSubmissions(voters, projectIds.map((id, i) => ({ id, cost: COSTS[i]! })), BUDGET, { seed, retryRate: 0.1, doubleRate: 0.1 });
  const answers = plan.map(() => 'error' as Answer);
  const index = new Map(plan.map((s, i) => [s, i]));
  await runConcurrently(plan, CLIENTS, async (s) => {
    const p = people[s.voter]!;
    const res = await app.inject({
      method: 'POST',
      url: `/budgets/ballots/${budgetId}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: p.cookie },
      payload: ballotForm(s, p.csrf),
    });
    answers[index.get(s)!] = classify(res.statusCode, res.body);
  });
  return { editionId, budgetId, projectIds, people, plan, answers };
}

async function storedBallots(budgetId: number) {
  return ctx.database.query<{ voter_id: string; projects: number[] }>(
    `select b.voter_id, array_agg(i.project_id order by i.position) as projects from pb_ballots b join pb_ballot_items i on i.ballot_id = b.id
     where b.budget_id = $1 group by b.id, b.voter_id`,
    [budgetId],
  );
}

test(`${VOTERS} voters, ${CLIENTS} concurrent clients, with retries and double submissions: one ballot each, exactly as recorded`, async () => {
  const run = await vote(false, VOTERS, 20260611);
  const { plan, answers, people, budgetId, editionId, projectIds } = run;
  assert.ok(plan.some((s) => s.kind === 'retry') && plan.some((s) => s.kind === 'double'), 'the plan mixes in retries and doubles');
  assert.deepEqual(answers.filter((a) => a === 'error'), [], 'every request was answered as cast, repeated or already voted');

  // What each voter was told was recorded is what is stored: one ballot per voter, no more.
  const told = new Map<string, number[]>();
  plan.forEach((s, i) => {
    if (answers[i] !== 'cast') return;
    const voter = people[s.voter]!.id;
    assert.ok(!told.has(voter), `voter ${s.voter} was told twice that a new ballot was recorded`);
    told.set(voter, s.projects);
  });
  assert.equal(told.size, VOTERS, 'every voter got exactly one receipt');
  const stored = await storedBallots(budgetId);
  assert.equal(stored.length, VOTERS);
  for (const b of stored) assert.deepEqual(b.projects, told.get(b.voter_id), `ballot of ${b.voter_id}`);
  const [dups] = await ctx.database.query<{ n: number }>('select count(*)::int as n from (select voter_id from pb_ballots where budget_id = $1 group by voter_id having count(*) > 1) d', [budgetId]);
  assert.equal(dups!.n, 0);
  const [receipts] = await ctx.database.query<{ n: number }>('select count(*)::int as n from pb_receipts r join pb_ballots b on b.id = r.ballot_id where b.budget_id = $1', [budgetId]);
  assert.equal(receipts!.n, VOTERS, 'one receipt per ballot');

  // Close, then recount independently: from what the clients were told, and from raw rows.
  const closed = await closeVoting(ctx, admin.id, editionId);
  assert.equal(closed.kind, 'closed');
  const [result] = await ctx.database.query<{ voters: number; projects: { projectId: number; score: number; selected: boolean }[] }>('select voters, projects from pb_results where budget_id = $1', [budgetId]);
  assert.equal(result!.voters, VOTERS);
  const recount = new Map(projectIds.map((id) => [id, 0]));
  for (const projects of told.values()) for (const p of projects) recount.set(p, recount.get(p)! + 1);
  const sqlCount = new Map(
    (await ctx.database.query<{ project_id: number; n: number }>('select i.project_id, count(*)::int as n from pb_ballot_items i join pb_ballots b on b.id = i.ballot_id where b.budget_id = $1 group by i.project_id', [budgetId])).map((r) => [r.project_id, r.n]),
  );
  for (const p of result!.projects) {
    assert.equal(p.score, recount.get(p.projectId), `score of project ${p.projectId} vs the clients' receipts`);
    assert.equal(p.score, sqlCount.get(p.projectId) ?? 0, `score of project ${p.projectId} vs SQL`);
  }
  const election: PbElection = {
    meta: new Map(),
    budget: BUDGET,
    voteType: 'approval',
    rule: 'greedy',
    threshold: null,
    projectColumns: ['project_id', 'cost'],
    projects: projectIds.map((id, i) => ({ id: String(id), cost: COSTS[i]!, votes: null, score: null, selected: null, fields: new Map() })),
    voteColumns: ['voter_id', 'vote'],
    votes: [...told.entries()].map(([voter, projects]) => ({ voterId: voter, projects: projects.map(String), points: null, fields: new Map() })),
  };
  const expected = tally(election, 'greedy');
  assert.ok(expected.ok);
  assert.deepEqual(result!.projects.filter((p) => p.selected).map((p) => String(p.projectId)).sort(), [...expected.value.selected].sort());
});

test('with ballot changes allowed, concurrent changes still leave one ballot per voter and one live receipt', async () => {
  const voters = Math.max(50, Math.round(VOTERS / 10));
  const { plan, answers, people, budgetId } = await vote(true, voters, 7);
  assert.deepEqual(answers.filter((a) => a === 'error'), []);
  const stored = await storedBallots(budgetId);
  assert.equal(stored.length, voters);
  const sent = new Map<string, string[]>();
  for (const s of plan) sent.set(people[s.voter]!.id, [...(sent.get(people[s.voter]!.id) ?? []), s.projects.join(',')]);
  for (const b of stored) assert.ok(sent.get(b.voter_id)!.includes(b.projects.join(',')), 'the stored ballot is one the voter sent');
  const [live] = await ctx.database.query<{ n: number; ballots: number }>(
    `select count(*)::int as n, count(distinct r.ballot_id)::int as ballots from pb_receipts r join pb_ballots b on b.id = r.ballot_id where b.budget_id = $1 and r.superseded_at is null`,
    [budgetId],
  );
  assert.deepEqual(live, { n: voters, ballots: voters }, 'exactly one receipt still valid per ballot');
});
