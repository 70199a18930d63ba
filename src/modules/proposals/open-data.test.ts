// The proposals dataset: visible proposals of published spaces, never hidden ones nor those of an
// unpublished space.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { csvRecords } from '../../core/testing/csv.ts';
import { insertProposal, makeProposalsComponent } from './testing/fixtures.ts';

const { app, ctx } = await testApp();

test('hidden proposals and proposals of an unpublished space never appear', async () => {
  const pub = await makeProposalsComponent(ctx);
  const unpublished = await makeProposalsComponent(ctx, { published: false });
  const shown = await insertProposal(ctx, pub.componentId, 'Bănci noi în parc, "la umbră"');
  const hidden = await insertProposal(ctx, pub.componentId, 'Propunere ascunsă de moderator');
  const secret = await insertProposal(ctx, unpublished.componentId, 'Propunere dintr-un spațiu nepublicat');
  await ctx.database.query('update proposals set hidden_at = now() where id = $1', [hidden]);

  const csv = await app.inject({ method: 'GET', url: '/open-data/proposals.csv' });
  assert.equal(csv.statusCode, 200);
  const { header, records } = csvRecords(csv.body);
  assert.deepEqual(header, ['id', 'space_id', 'space', 'title', 'state', 'supports', 'comments', 'category', 'district', 'created_at', 'url']);
  const row = records.find((r) => Number(r.id) === shown);
  assert.ok(row);
  assert.equal(row.title, 'Bănci noi în parc, "la umbră"', 'quotes and commas survive the round trip');
  assert.equal(Number(row.space_id), pub.spaceId);
  assert.equal(row.state, 'open');
  assert.equal(row.supports, '0');
  const ids = new Set(records.map((r) => Number(r.id)));
  assert.ok(!ids.has(hidden), 'hidden proposal absent');
  assert.ok(!ids.has(secret), 'unpublished space absent');

  const json = (await app.inject({ method: 'GET', url: '/open-data/proposals.json' })).json() as { id: number; title: string }[];
  assert.ok(json.some((p) => p.id === shown));
  assert.ok(!json.some((p) => p.id === hidden || p.id === secret));
});
