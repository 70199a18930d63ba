// Demo data for "Cluj-Napoca (demo)": SLA and help text per category, one routing rule that sends
// green-space reports outside the department's own districts to Drumuri, and a few reports in
// different states so the pages have something to show.
import type { AppContext } from '../../core/context.ts';
import { submitReport } from './commands/submit.ts';
import { changeStatus } from './commands/handle.ts';
import { loadActor } from '../../core/auth/actor.ts';

const SLA: Record<string, [number, number]> = {
  'roads.pothole': [2, 30],
  'roads.sidewalk': [3, 45],
  'roads.signage': [2, 20],
  'waste.uncollected': [1, 3],
  'waste.illegal_dumping': [2, 10],
  'lighting.streetlight': [2, 7],
  'green.trees': [3, 30],
  'green.playground': [3, 30],
  'transit.stop': [2, 20],
  'police.illegal_parking': [1, 2],
  'police.abandoned_vehicle': [3, 30],
  'police.noise': [1, 3],
};

const DEMO_REPORTS: { code: string; lng: number; lat: number; address: string; text: string; by: string; to?: 'acknowledged' | 'in_progress' | 'resolved' }[] = [
  { code: 'roads.pothole', lng: 23.5895, lat: 46.7701, address: 'Str. Memorandumului 12', text: 'Groapă mare pe banda a doua, lângă trecerea de pietoni. Mașinile o ocolesc brusc.', by: 'cetatean@demo.dezvolt.ro', to: 'in_progress' },
  { code: 'lighting.streetlight', lng: 23.6251, lat: 46.7655, address: 'Str. Observatorului 80', text: 'Trei stâlpi de iluminat nu mai funcționează de o săptămână, trotuarul e complet întunecat seara.', by: 'cetatean@demo.dezvolt.ro', to: 'resolved' },
  { code: 'waste.uncollected', lng: 23.5532, lat: 46.7561, address: 'Str. Bucegi 5', text: 'Containerele de la bloc nu au fost golite de joi, gunoiul e pe jos lângă ele.', by: 'ong@demo.dezvolt.ro', to: 'acknowledged' },
  { code: 'green.playground', lng: 23.6302, lat: 46.7801, address: 'Parcul Între Lacuri', text: 'Leagănul de la locul de joacă are lanțul rupt, e periculos pentru copii.', by: 'ong@demo.dezvolt.ro' },
  { code: 'police.illegal_parking', lng: 23.5963, lat: 46.7689, address: 'Piața Unirii', text: 'Mașini parcate pe trotuar zilnic, pietonii merg pe carosabil.', by: 'cetatean@demo.dezvolt.ro' },
];

export async function seedReportsDemo(ctx: AppContext): Promise<void> {
  for (const [code, [ack, resolve]] of Object.entries(SLA)) {
    await ctx.database.query(
      `insert into report_category_settings (category_id, sla_ack_days, sla_resolve_days)
       select id, $2, $3 from categories where code = $1 on conflict (category_id) do nothing`,
      [code, ack, resolve],
    );
  }
  await ctx.database.query(
    `insert into report_routing (category_id, area_id, department_id)
     select c.id, a.id, d.id from categories c, areas a, departments d
     where c.code in ('green.trees', 'green.playground') and a.kind = 'district' and d.slug = 'drumuri'
       and a.id not in (select area_id from department_districts dd join departments sv on sv.id = dd.department_id where sv.slug = 'spatii-verzi')`,
  );
  for (const r of DEMO_REPORTS) {
    const [u] = await ctx.database.query<{ id: string }>('select id from users where email = $1', [r.by]);
    const [c] = await ctx.database.query<{ id: number; department_id: number }>('select id, department_id from categories where code = $1', [r.code]);
    if (!u || !c) continue;
    const outcome = await submitReport(ctx, await loadActor(ctx.database, u.id), {
      categoryId: c.id,
      point: { lng: r.lng, lat: r.lat },
      address: r.address,
      description: r.text,
      showName: false,
      photos: [],
      source: 'web',
    });
    if (outcome.kind !== 'created' || !r.to) continue;
    const [official] = await ctx.database.query<{ user_id: string }>(
      `select m.user_id from department_members m join reports rp on rp.department_id = m.department_id where rp.id = $1 limit 1`,
      [outcome.id],
    );
    const [admin] = await ctx.database.query<{ user_id: string }>(`select user_id from user_roles where role = 'admin' limit 1`);
    const actorId = official?.user_id ?? admin?.user_id;
    if (!actorId) continue;
    const actor = await loadActor(ctx.database, actorId);
    if (r.to === 'resolved') {
      await changeStatus(ctx, actor, outcome.id, { to: 'acknowledged', publicNote: 'Am preluat sesizarea și am trimis o echipă.' });
      await changeStatus(ctx, actor, outcome.id, { to: 'resolved', outcome: 'favorabil', publicNote: 'Becurile au fost înlocuite.' });
    } else {
      await changeStatus(ctx, actor, outcome.id, { to: r.to, publicNote: 'Am preluat sesizarea.' });
    }
  }
}
