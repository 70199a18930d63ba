// Supports under concurrency: exact counts, one per person, the limit per person, the threshold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { makeProposalsComponent, insertProposal } from './testing/fixtures.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);

async function support(b: { headers: Record<string, string> }, id: number, method: 'POST' | 'DELETE' = 'POST') {
  return app.inject({ method, url: `/api/v1/proposals/${id}/support`, headers: b.headers });
}

test('50 distinct people supporting at once give exactly 50 supports, and the threshold moves the proposal to review', async () => {
  const { componentId } = await makeProposalsComponent(ctx, { rules: { threshold: 30 } });
  const id = await insertProposal(ctx, componentId, 'Iluminat pe aleea din parc');
  const people = await Promise.all(Array.from({ length: 50 }, () => makeUser(ctx)));
  const browsers = await Promise.all(people.map((p) => browser(ctx, p.id)));
  const results = await Promise.all(browsers.map((b) => support(b, id)));
  assert.deepEqual([...new Set(results.map((r) => r.statusCode))], [200]);
  const [row] = await ctx.database.query<{ supports: number; state: string; rows: number }>(
    'select supports_count as supports, state, (select count(*)::int from proposal_supports where proposal_id = $1) as rows from proposals where id = $1',
    [id],
  );
  assert.deepEqual(row, { supports: 50, state: 'under_review', rows: 50 });
  const counts = results.map((r) => (r.json() as { supports: number }).supports).sort((a, b) => a - b);
  assert.deepEqual(counts, Array.from({ length: 50 }, (_, i) => i + 1), 'every answer saw a distinct, exact count');
});

test('one person sending ten supports of the same proposal at once counts once', async () => {
  const { componentId } = await makeProposalsComponent(ctx);
  const id = await insertProposal(ctx, componentId, 'Fântână de apă potabilă în piață');
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const results = await Promise.all(Array.from({ length: 10 }, () => support(b, id)));
  assert.equal(results.filter((r) => r.statusCode === 200).length, 1);
  assert.equal(results.filter((r) => r.statusCode === 409).length, 9);
  const [row] = await ctx.database.query<{ supports: number }>('select supports_count as supports from proposals where id = $1', [id]);
  assert.equal(row!.supports, 1);
});

test('the limit per person holds when one person supports many proposals at once, and withdrawing frees a support', async () => {
  const { componentId } = await makeProposalsComponent(ctx, { rules: { supportsLimit: 3 } });
  const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => insertProposal(ctx, componentId, `Propunerea numărul ${i + 1} pentru cartier`)));
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const results = await Promise.all(ids.map((id) => support(b, id)));
  assert.equal(results.filter((r) => r.statusCode === 200).length, 3);
  const refused = results.filter((r) => r.statusCode === 409);
  assert.equal(refused.length, 7);
  assert.ok(refused.every((r) => (r.json() as { type: string }).type === '/problems/support-limit'));
  const [total] = await ctx.database.query<{ n: number }>('select coalesce(sum(supports_count), 0)::int as n from proposals where component_id = $1', [componentId]);
  assert.equal(total!.n, 3, 'refused supports left no trace in the counts');
  const supported = ids.filter((_, i) => results[i]!.statusCode === 200);
  assert.equal((await support(b, supported[0]!, 'DELETE')).statusCode, 200);
  const free = ids.find((id) => !supported.includes(id))!;
  assert.equal((await support(b, free)).statusCode, 200, 'a withdrawn support can be given elsewhere');
});

test('supports are refused when the phase does not open them, and anonymous callers get 401', async () => {
  const { componentId } = await makeProposalsComponent(ctx, { flags: { supportsOpen: false } });
  const id = await insertProposal(ctx, componentId, 'Coșuri de gunoi pe malul Someșului');
  const b = await browser(ctx, (await makeUser(ctx)).id);
  const res = await support(b, id);
  assert.equal(res.statusCode, 409);
  assert.equal((res.json() as { type: string }).type, '/problems/supports-closed');
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/proposals/${id}/support` })).statusCode, 401);
  const form = await app.inject({ method: 'POST', url: `/proposals/${id}/support`, headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `support=on&_csrf=${encodeURIComponent(b.csrf)}` });
  assert.equal(form.statusCode, 303);
  const [row] = await ctx.database.query<{ supports: number }>('select supports_count as supports from proposals where id = $1', [id]);
  assert.equal(row!.supports, 0);
});
