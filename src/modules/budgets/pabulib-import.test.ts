// Real elections from ../shared/pabulib-sample imported through the admin page: the results the
// platform computes from the stored ballots equal each file's official `selected` column, and
// exporting the budget writes the same election back (export ∘ import = parse ∘ serialize).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { testApp } from '../../core/testing/harness.ts';
import { browser, makeUser } from '../../core/testing/factories.ts';
import { pabulibSampleDir } from './pabulib/sample-files.ts';
import { parsePb } from './pabulib/parse.ts';
import { serializePb } from './pabulib/serialize.ts';

const { app, ctx } = await testApp();
const admin = await browser(ctx, (await makeUser(ctx, { role: 'admin' })).id);
const dir = pabulibSampleDir();

// Every sample whose META rule we run, except Łódź (90 494 voters: it is the benchmark's input).
const MATCHING = [
  'Netherlands_Assen_2024.pb',
  'Poland_Czestochowa_2025_Podjasnogorska.pb',
  'Poland_Gdynia_2022_Kamienna_Gora__large.pb',
  'Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb',
  'Poland_Warszawa_2018_Pole_Mokotowskie.pb',
  'Poland_Warszawa_2026_Sielce.pb',
  'Poland_Wroclaw_2017_Rejon_nr_11_750.pb',
];

function upload(b: { cookie: string; csrf: string }, file: string, text: string, fields: Record<string, string> = {}) {
  const boundary = 'pbImportBoundary';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file}"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n`);
  return app.inject({
    method: 'POST',
    url: `/admin/budgets/import?_csrf=${encodeURIComponent(b.csrf)}`,
    headers: { cookie: b.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`, 'utf8'),
  });
}

const budgetOf = (location: unknown) => Number(String(location).split('/').pop());

for (const file of MATCHING) {
  test(`${file}: imported results equal the official selection, and the export round-trips`, async () => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const original = parsePb(text);
    assert.ok(original.ok);
    const res = await upload(admin, file, text);
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    const budgetId = budgetOf(res.headers.location);
    const official = original.value.projects.filter((p) => p.selected === 1).map((p) => p.id).sort();
    const [r] = await ctx.database.query<{ projects: { projectId: number; selected: boolean }[]; voters: number }>('select projects, voters from pb_results where budget_id = $1', [budgetId]);
    const external = new Map((await ctx.database.query<{ id: number; external_id: string }>('select id, external_id from pb_projects where budget_id = $1', [budgetId])).map((p) => [p.id, p.external_id]));
    assert.deepEqual(r!.projects.filter((p) => p.selected).map((p) => external.get(p.projectId)).sort(), official);
    assert.equal(r!.voters, original.value.votes.length);
    const page = await app.inject({ url: `/budgets/results/${budgetId}` });
    assert.equal(page.statusCode, 200);
    const exported = await app.inject({ url: `/budgets/results/${budgetId}.pb` });
    assert.equal(exported.statusCode, 200);
    assert.equal(exported.body, serializePb(original.value), 'export writes back the election that was imported');
  });
}

test('a second file joins an imported edition; bad files and unknown rules are refused with the reason', async () => {
  const first = await upload(admin, 'a.pb', readFileSync(path.join(dir, 'Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb'), 'utf8'));
  const [b] = await ctx.database.query<{ edition_id: number }>('select edition_id from pb_budgets where id = $1', [budgetOf(first.headers.location)]);
  const second = await upload(admin, 'b.pb', readFileSync(path.join(dir, 'Poland_Zabrze_2020_Osiedle_Mlodego_Gornika.pb'), 'utf8'), { edition: String(b!.edition_id), rule: '' });
  assert.equal(second.statusCode, 303);
  const [n] = await ctx.database.query<{ n: number }>('select count(*)::int as n from pb_budgets where edition_id = $1', [b!.edition_id]);
  assert.equal(n!.n, 2);

  const broken = await upload(admin, 'rau.pb', 'META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;abc\nVOTES\nvoter_id;vote\n');
  assert.equal(broken.statusCode, 400);
  assert.match(broken.body, /nu este un \.pb valid \(rândul 7\): cost of project &quot;1&quot; &quot;abc&quot; is not a number/);

  const chicago = readFileSync(path.join(dir, 'US_Stanford_Dataset_PB_Chicago_35th_Ward_2021_vote_rankings.pb'), 'utf8');
  const unknown = await upload(admin, 'chicago.pb', chicago);
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /Regula „unknown” nu poate fi folosită/);
  const chosen = await upload(admin, 'chicago.pb', chicago, { rule: 'greedy' });
  assert.equal(chosen.statusCode, 303, 'with a rule chosen by the admin, the ordinal file imports');
  const [ordinal] = await ctx.database.query<{ vote_type: string; ordinal_max: number }>('select vote_type, ordinal_max from pb_budgets where id = $1', [budgetOf(chosen.headers.location)]);
  assert.equal(ordinal!.vote_type, 'ordinal');

  const citizen = await browser(ctx, (await makeUser(ctx)).id);
  assert.equal((await upload(citizen, 'a.pb', 'META')).statusCode, 403);
});
