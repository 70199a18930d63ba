// The reports dataset: only public reports, only the masked text, every one of them even past a
// page of 5,000 (keyset pagination by id).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { makeUser } from '../../core/testing/factories.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { loadActor } from '../../core/auth/actor.ts';
import { csvRecords } from '../../core/testing/csv.ts';
import { submitReport } from './commands/submit.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
const [pothole] = await ctx.database.query<{ id: number }>(`select id from categories where code = 'roads.pothole'`);

async function newReport(text: string): Promise<number> {
  const reporter = await makeUser(ctx);
  const out = await submitReport(ctx, await loadActor(ctx.database, reporter.id), {
    categoryId: pothole!.id,
    point: { lng: 23.59, lat: 46.77 },
    description: text,
    showName: false,
    photos: [],
    source: 'web',
  });
  assert.equal(out.kind, 'created');
  return (out as { id: number }).id;
}

const get = (url: string) => app.inject({ method: 'GET', url });

test('personal data in a description never reaches the export, the masked text does', async () => {
  const id = await newReport('Groapă mare în fața blocului; sunați-mă la 0722 123 456 sau scrieți la ion.popescu@example.com.');
  for (const format of ['csv', 'geojson', 'json']) {
    const res = await get(`/open-data/reports.${format}`);
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes('ion.popescu@example.com'), `${format}: no e-mail`);
    assert.ok(!/0722\s?123\s?456/.test(res.body), `${format}: no phone number`);
  }
  const { records } = csvRecords((await get('/open-data/reports.csv')).body);
  const row = records.find((r) => r.id === String(id));
  assert.ok(row, 'the report is exported');
  const text = row.description ?? '';
  assert.match(text, /Groapă mare în fața blocului/);
  assert.match(text, /\[telefon ascuns\]/);
  assert.match(text, /\[e-mail ascuns\]/);
  assert.equal(row.category_code, 'roads.pothole');
  assert.equal(row.status, 'new');
  assert.equal(Number(row.latitude), 46.77);
});

test('hidden and unconfirmed reports are left out', async () => {
  const hidden = await newReport('O sesizare ascunsă de moderator.');
  const unconfirmed = await newReport('O sesizare neconfirmată.');
  await ctx.database.query(`update reports set hidden_at = now() where id = $1`, [hidden]);
  await ctx.database.query(`update reports set status = 'unconfirmed' where id = $1`, [unconfirmed]);
  const ids = new Set(csvRecords((await get('/open-data/reports.csv')).body).records.map((r) => Number(r.id)));
  assert.ok(!ids.has(hidden), 'hidden report absent');
  assert.ok(!ids.has(unconfirmed), 'unconfirmed report absent');
  const geo = (await get('/open-data/reports.geojson')).json() as { features: { id: number }[] };
  assert.ok(!geo.features.some((f) => f.id === hidden || f.id === unconfirmed));
});

test('more than one page of reports streams completely, in id order, once each', async () => {
  await ctx.database.query(
    `insert into reports (category_id, location, description, description_public, status, hidden_at)
     select $1::int, ST_SetSRID(ST_MakePoint(23.55 + (i % 17) * 0.004, 46.74 + (i % 13) * 0.005), 4326), 'text ' || i, 'text ' || i,
            (array['unconfirmed','new','resolved','closed'])[1 + i % 4], case when i % 11 = 0 then now() end
     from generate_series(1, 8000) i`,
    [pothole!.id],
  );
  const [expected] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from reports where status <> 'unconfirmed' and hidden_at is null`);
  assert.ok(expected!.n > 5000, 'more than one page');
  const ids = csvRecords((await get('/open-data/reports.csv')).body).records.map((r) => Number(r.id));
  assert.equal(ids.length, expected!.n);
  assert.ok(ids.every((id, i) => i === 0 || id > ids[i - 1]!), 'ascending, no repeats');
  const geo = (await get('/open-data/reports.geojson')).json() as { type: string; features: unknown[] };
  assert.equal(geo.type, 'FeatureCollection');
  assert.equal(geo.features.length, expected!.n);
});
