// The live classifier suggests categories through the API and learns from officials' corrections.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../../core/testing/harness.ts';
import { browser, form } from '../../../core/testing/factories.ts';
import { seedDemo } from '../../../core/seed/demo.ts';
import { loadActor } from '../../../core/auth/actor.ts';
import { submitReport } from '../commands/submit.ts';
import { suggestCategories } from './store.ts';

const { app, ctx } = await testApp();
await seedDemo(ctx);

test('the suggest API ranks the likely categories for a Romanian description', async () => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/reports/suggest-category?text=${encodeURIComponent('Becul de pe stâlpul din fața blocului nu mai arde de trei seri')}` });
  assert.equal(res.statusCode, 200);
  const [best] = res.json() as { code: string; name: string; score: number }[];
  assert.equal(best!.code, 'lighting.streetlight');
  assert.equal(best!.name, 'Iluminat stradal defect');
  const en = await app.inject({ method: 'GET', url: `/api/v1/reports/suggest-category?text=${encodeURIComponent('gunoiul nu a fost ridicat de o saptamana')}`, headers: { cookie: 'dz_lang=en' } });
  assert.equal(en.json()[0].name, 'Uncollected waste');
});

test('an official’s correction re-routes the report and teaches the model', async () => {
  const text = 'Trotinetele electrice abandonate blochează complet rampa de acces de la intrarea în parc';
  const before = await suggestCategories(ctx, 'ro', text);
  const [citizen] = await ctx.database.query<{ id: string }>(`select id from users where email = 'cetatean@demo.dezvolt.ro'`);
  const [pothole] = await ctx.database.query<{ id: number }>(`select id from categories where code = 'roads.pothole'`);
  const out = (await submitReport(ctx, await loadActor(ctx.database, citizen!.id), { categoryId: pothole!.id, point: { lng: 23.59, lat: 46.77 }, description: text, showName: false, photos: [], source: 'web' })) as { id: number };
  const [drumuri] = await ctx.database.query<{ id: string }>(`select id from users where email = 'drumuri@demo.dezvolt.ro'`);
  const b = await browser(ctx, drumuri!.id);
  const correct = (category: string) =>
    app.inject({ method: 'POST', url: `/reports/${out.id}/category`, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: b.cookie }, payload: form({ _csrf: b.csrf, category }) });
  assert.equal((await correct('police.abandoned_vehicle')).statusCode, 303);
  assert.equal((await correct('roads.pothole')).statusCode, 403, 'after the move the report belongs to another department');
  const [r] = await ctx.database.query<{ code: string; department: string }>(
    `select c.code, d.slug as department from reports r join categories c on c.id = r.category_id join departments d on d.id = r.department_id where r.id = $1`,
    [out.id],
  );
  assert.deepEqual(r, { code: 'police.abandoned_vehicle', department: 'politia-locala' }, 'the report moved to the police department, so Drumuri can no longer change it');
  const after = await suggestCategories(ctx, 'ro', text);
  const score = (list: { code: string; score: number }[]) => list.find((s) => s.code === 'police.abandoned_vehicle')?.score ?? 0;
  assert.ok(score(after) > score(before), `the corrected category gained probability (${score(before)} → ${score(after)})`);
});
