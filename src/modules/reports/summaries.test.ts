// report_tallies and report_map_cells (migration 004) must always equal what counting the reports
// gives, whatever the writes: bulk inserts, confirmations, hiding, moves, recategorisation, deletes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../core/testing/harness.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { cellOf, CELL_LEVELS } from './map-query.ts';
import { foldReportSummaries } from './summary-folder.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);
const db = ctx.database;
const PUBLIC = `status <> 'unconfirmed' and hidden_at is null`;

async function assertSummariesExact(when: string): Promise<void> {
  const tallies = await db.query<{ k: string; n: number }>(
    `select concat_ws('|', status, category_id, district_id, department_id) as k, sum(n)::int as n from report_tallies_live group by 1 having sum(n) <> 0 order by 1`,
  );
  const expectedTallies = await db.query<{ k: string; n: number }>(
    `select concat_ws('|', status, category_id, coalesce(district_id, 0), coalesce(department_id, 0)) as k, count(*)::int as n
     from reports where ${PUBLIC} group by 1 order by 1`,
  );
  assert.deepEqual(tallies, expectedTallies, `report_tallies after ${when}`);

  for (const level of CELL_LEVELS) {
    const cells = await db.query<{ k: string; n: number; lng: number; lat: number }>(
      `select concat_ws('|', category_id, cx, cy, status, district_id) as k, sum(n)::int as n, sum(sum_lng) as lng, sum(sum_lat) as lat
       from report_map_cells_live where level = $1 group by 1 having sum(n) <> 0 order by 1`,
      [level],
    );
    const expected = await db.query<{ k: string; n: number; lng: number; lat: number }>(
      `select concat_ws('|', k.c, floor(ST_X(r.location) * power(2, $1) / 90)::int, floor(ST_Y(r.location) * power(2, $1) / 90)::int,
                        r.status, coalesce(r.district_id, 0)) as k,
              count(*)::int as n, sum(ST_X(r.location)) as lng, sum(ST_Y(r.location)) as lat
       from reports r cross join lateral (values (0), (r.category_id)) as k(c) where ${PUBLIC} group by 1 order by 1`,
      [level],
    );
    assert.deepEqual(cells.map((c) => [c.k, c.n]), expected.map((c) => [c.k, c.n]), `report_map_cells level ${level} after ${when}`);
    cells.forEach((c, i) => {
      assert.ok(Math.abs(c.lng - expected[i]!.lng) < 1e-6 && Math.abs(c.lat - expected[i]!.lat) < 1e-6, `sums of ${c.k} at level ${level} after ${when}`);
    });
  }
}

test('the demo seed leaves summaries that match the reports', async () => {
  const [n] = await db.query<{ n: number }>(`select count(*)::int as n from reports where ${PUBLIC}`);
  assert.ok(n!.n > 0, 'the demo city has public reports to summarise');
  await assertSummariesExact('the demo seed');
});

test('every kind of write keeps the summaries exact', async () => {
  const [{ cat = 0, dep = 0, cat2 = 0, district = 0 } = {}] = await db.query<{ cat: number; dep: number; cat2: number; district: number }>(
    `select (select id from categories where code = 'roads.pothole') as cat, (select id from departments where slug = 'drumuri') as dep,
            (select id from categories where code <> 'roads.pothole' order by id limit 1) as cat2,
            (select id from areas where kind = 'district' order by id limit 1) as district`,
  );
  const inserted = await db.query<{ id: number }>(
    `insert into reports (category_id, department_id, district_id, location, description, description_public, status, hidden_at)
     select $1::int, case when i % 4 = 0 then null else $2::int end, case when i % 3 = 0 then null else $3::int end,
            ST_SetSRID(ST_MakePoint(23.55 + (i % 17) * 0.004, 46.74 + (i % 13) * 0.005), 4326), 'text', 'text',
            (array['unconfirmed','new','acknowledged','in_progress','planned','resolved','rejected','closed'])[1 + i % 8],
            case when i % 11 = 0 then now() end
     from generate_series(1, 120) i returning id::int as id`,
    [cat, dep, district],
  );
  await assertSummariesExact('a bulk insert');
  const ids = inserted.map((r) => r.id);

  await db.query(`update reports set status = 'new' where status = 'unconfirmed' and id = any($1)`, [ids]);
  await assertSummariesExact('confirmations');
  await db.query(`update reports set hidden_at = now() where id = any($1) and id % 5 = 0`, [ids]);
  await db.query(`update reports set hidden_at = null where id = any($1) and id % 11 = 0`, [ids]);
  await assertSummariesExact('hiding and restoring');
  await db.query(`update reports set location = ST_SetSRID(ST_MakePoint(ST_X(location) + 0.03, ST_Y(location) - 0.01), 4326) where id = any($1) and id % 3 = 0`, [ids]);
  await db.query(`update reports set category_id = $2::int, district_id = null, department_id = null where id = any($1) and id % 7 = 0`, [ids, cat2]);
  await db.query(`update reports set status = 'resolved', updated_at = now() where id = any($1) and id % 2 = 0`, [ids]);
  await db.query(`update reports set updated_at = now() where id = any($1)`, [ids]);
  await assertSummariesExact('moves, recategorisation and status changes');
  await db.query(`delete from reports where id = any($1) and id % 4 = 1`, [ids]);
  await assertSummariesExact('deletes');
});

test('folding moves every pending delta into the summaries and changes no total', async () => {
  const [before] = await db.query<{ n: number }>('select count(*)::int as n from report_map_cell_deltas');
  assert.ok(before!.n > 0, 'the writes above left deltas to fold');
  await foldReportSummaries(ctx);
  const [after] = await db.query<{ n: number }>('select (select count(*) from report_map_cell_deltas) + (select count(*) from report_tally_deltas) as n');
  assert.equal(Number(after!.n), 0);
  await assertSummariesExact('a fold');
  await db.query(`update reports set status = 'closed' where id in (select id from reports where status = 'resolved' order by id limit 3)`);
  await assertSummariesExact('writes after a fold');
});

test('truncating reports empties the summaries', async () => {
  const rollback = new Error('roll back');
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.exec('truncate reports cascade');
      const [left] = await tx.query<{ n: number }>('select (select count(*) from report_tallies_live) + (select count(*) from report_map_cells_live) as n');
      assert.equal(Number(left!.n), 0);
      throw rollback;
    }),
    (e) => e === rollback,
  );
});

test('the map API clusters the whole city from the summaries and names single reports', async () => {
  const bbox = [23.45, 46.7, 23.75, 46.84];
  const res = await app.inject({ method: 'GET', url: `/api/v1/reports/map?bbox=${bbox.join(',')}&zoom=12` });
  assert.equal(res.statusCode, 200, res.body);
  const features = res.json().features as { geometry: { coordinates: [number, number] }; properties: { cluster: boolean; count?: number; id?: number } }[];
  const shown = features.reduce((s, f) => s + (f.properties.cluster ? f.properties.count! : 1), 0);
  const [inCells] = await db.query<{ n: number }>(
    `select count(*)::int as n from reports where ${PUBLIC}
       and floor(ST_X(location) * 4096 / 90) between $1 and $2 and floor(ST_Y(location) * 4096 / 90) between $3 and $4`,
    [cellOf(bbox[0]!, 12), cellOf(bbox[2]!, 12), cellOf(bbox[1]!, 12), cellOf(bbox[3]!, 12)],
  );
  assert.equal(shown, inCells!.n, 'every public report in view is in exactly one cluster or marker');
  assert.ok(features.some((f) => f.properties.cluster && f.properties.count! > 1), 'dense places are clusters');
  const singles = features.filter((f) => !f.properties.cluster);
  assert.ok(singles.length > 0, 'lonely reports are shown as themselves');
  for (const s of singles) {
    const [r] = await db.query<{ lng: number; lat: number }>(`select ST_X(location) as lng, ST_Y(location) as lat from reports where id = $1 and ${PUBLIC}`, [s.properties.id]);
    assert.deepEqual(s.geometry.coordinates, [r!.lng, r!.lat]);
  }

  const filtered = await app.inject({ method: 'GET', url: `/api/v1/reports/map?bbox=${bbox.join(',')}&zoom=12&category=roads.pothole&status=open` });
  const filteredShown = (filtered.json().features as typeof features).reduce((s, f) => s + (f.properties.cluster ? f.properties.count! : 1), 0);
  const [expected] = await db.query<{ n: number }>(
    `select count(*)::int as n from reports r join categories c on c.id = r.category_id
     where ${PUBLIC} and c.code = 'roads.pothole' and r.status in ('new','acknowledged','in_progress','planned')
       and floor(ST_X(location) * 4096 / 90) between $1 and $2 and floor(ST_Y(location) * 4096 / 90) between $3 and $4`,
    [cellOf(bbox[0]!, 12), cellOf(bbox[2]!, 12), cellOf(bbox[1]!, 12), cellOf(bbox[3]!, 12)],
  );
  assert.equal(filteredShown, expected!.n);
});

test('zoomed in on a quiet street the map lists the reports themselves', async () => {
  const [r] = await db.query<{ id: number; lng: number; lat: number }>(`select id::int as id, ST_X(location) as lng, ST_Y(location) as lat from reports where ${PUBLIC} order by id limit 1`);
  const bbox = [r!.lng - 0.001, r!.lat - 0.001, r!.lng + 0.001, r!.lat + 0.001];
  const res = await app.inject({ method: 'GET', url: `/api/v1/reports/map?bbox=${bbox.join(',')}&zoom=18` });
  const features = res.json().features as { properties: { cluster: boolean; id?: number } }[];
  assert.ok(features.every((f) => !f.properties.cluster));
  assert.ok(features.some((f) => f.properties.id === r!.id));
});

test('the list page counts from the tallies and agrees with the reports', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/v1/reports.geojson?status=open' });
  assert.equal(res.statusCode, 200);
  const page = await app.inject({ method: 'GET', url: '/reports?status=open' });
  const [n] = await db.query<{ n: number }>(`select count(*)::int as n from reports where ${PUBLIC} and status in ('new','acknowledged','in_progress','planned')`);
  assert.match(page.body, new RegExp(`\\b${n!.n}\\b`), 'the page states the exact number of open reports');
});
