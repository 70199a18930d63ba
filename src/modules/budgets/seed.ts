// Demo data for "Cluj-Napoca (demo)": this year's edition open for voting (a city-wide knapsack
// budget and an approval budget for Mărăști counted with the Method of Equal Shares), and last
// year's edition with results and one project being built. Projects are invented examples.
import type { AppContext } from '../../core/context.ts';
import { loadBudget } from './budget-config.ts';
import { computeResults } from './commands/results.ts';

type DemoProject = [title: string, description: string, cost: number, lng: number, lat: number, category: string, status?: 'rejected', reason?: string];

const CITY: DemoProject[] = [
  ['Pistă de biciclete pe malul Someșului', 'O pistă separată de carosabil, de la Podul Garibaldi până la Parcul Rozelor, cu iluminat și bănci.', 850000, 23.6, 46.7745, 'Mobilitate'],
  ['Grădini de ploaie în Piața Mihai Viteazu', 'Spații verzi coborâte care adună apa de ploaie și reduc băltirea străzilor din jur.', 420000, 23.5965, 46.7729, 'Spații verzi'],
  ['Bibliotecă de cartier în containere reciclate', 'O mică bibliotecă deschisă seara și în weekend, cu loc de citit și internet gratuit.', 300000, 23.5558, 46.7565, 'Educație'],
  ['Fântâni de apă potabilă în parcuri', 'Zece cișmele noi în Parcul Central, Parcul Feroviarilor și Parcul Iuliu Hațieganu.', 150000, 23.5799, 46.7684, 'Spații verzi'],
  ['Scenă în aer liber pentru trupe locale', 'O scenă mică, acoperită, unde trupele și școlile de muzică pot cânta gratuit vara.', 600000, 23.6215, 46.7797, 'Cultură'],
  ['Telegondolă spre Cetățuie', 'O telegondolă de la Piața Mihai Viteazu până pe dealul Cetățuia.', 1900000, 23.5846, 46.7749, 'Mobilitate', 'rejected', 'Costul real depășește de peste cinci ori bugetul, iar terenul de pe deal nu este al municipiului.'],
];

const MARASTI: DemoProject[] = [
  ['Loc de joacă accesibil în Parcul Între Lacuri', 'Echipamente pe care le pot folosi și copiii în scaun rulant, cu suprafață moale.', 180000, 23.6302, 46.7801, 'Spații verzi'],
  ['Trotuare refăcute pe strada Aurel Vlaicu', 'Trotuare mai late, cu borduri coborâte la fiecare trecere de pietoni.', 250000, 23.6255, 46.7786, 'Mobilitate'],
  ['Atelier de reparații pentru biciclete', 'Un stand cu unelte și pompă, deschis non-stop, lângă stația Piața Mărăști.', 40000, 23.6192, 46.7779, 'Mobilitate'],
  ['Bănci și umbrare în piața agroalimentară', 'Locuri de odihnă la umbră pentru vârstnici și pentru cei care așteaptă.', 60000, 23.6208, 46.7772, 'Spații verzi'],
];

async function insertProjects(ctx: AppContext, budgetId: number, editionId: number, areaId: number | null, authorId: string | null, reviewerId: string | null, list: DemoProject[]): Promise<number[]> {
  const ids: number[] = [];
  for (const [title, description, cost, lng, lat, category, status, reason] of list) {
    const [row] = await ctx.database.query<{ id: number }>(
      `insert into pb_projects (budget_id, title, description, cost, location, area_id, category_id, author_id, status, status_reason, reviewed_by, reviewed_at)
       values ($1, $2, $3, $4, ST_SetSRID(ST_MakePoint($5, $6), 4326),
               coalesce($7::int, (select id from areas where kind = 'district' and ST_Contains(geom, ST_SetSRID(ST_MakePoint($5, $6), 4326)) limit 1)),
               (select id from pb_categories where edition_id = $8 and name = $9), $10, $11, $12, $13, now()) returning id`,
      [budgetId, title, description, cost, lng, lat, areaId, editionId, category, authorId, status ?? 'accepted', reason ?? null, reviewerId],
    );
    ids.push(row!.id);
  }
  return ids;
}

async function edition(ctx: AppContext, title: string, description: string, phase: string, dates: [string, string, string][]): Promise<number> {
  const [e] = await ctx.database.query<{ id: number }>('insert into pb_editions (title, description, phase) values ($1, $2, $3) returning id', [title, description, phase]);
  for (const [p, from, to] of dates) await ctx.database.query('insert into pb_edition_phases (edition_id, phase, starts_on, ends_on) values ($1, $2, $3, $4)', [e!.id, p, from, to]);
  for (const c of ['Mobilitate', 'Spații verzi', 'Educație', 'Cultură']) await ctx.database.query('insert into pb_categories (edition_id, name) values ($1, $2)', [e!.id, c]);
  return e!.id;
}

export async function seedBudgetsDemo(ctx: AppContext): Promise<void> {
  const person = async (email: string) => (await ctx.database.query<{ id: string }>('select id from users where email = $1', [email]))[0]?.id ?? null;
  const citizen = await person('cetatean@demo.dezvolt.ro');
  const org = await person('ong@demo.dezvolt.ro');
  const official = await person('drumuri@demo.dezvolt.ro');
  const [marasti] = await ctx.database.query<{ id: number }>(`select id from areas where kind = 'district' and slug = 'marasti'`);

  const current = await edition(ctx, 'Bugetare participativă 2025 (demo)', 'Propune și votează proiecte pentru oraș. Municipiul finanțează proiectele câștigătoare din bugetul local.', 'voting', [
    ['submission', '2025-03-01', '2025-04-15'],
    ['review', '2025-04-16', '2025-05-31'],
    ['voting', '2025-06-01', '2025-06-30'],
    ['results', '2025-07-05', '2025-07-05'],
    ['implementation', '2025-07-06', '2026-12-31'],
  ]);
  const [city] = await ctx.database.query<{ id: number }>(
    `insert into pb_budgets (edition_id, name, amount, vote_type, rule, min_project_cost, max_project_cost, allow_ballot_change)
     values ($1, 'Tot orașul', 2000000, 'knapsack', 'greedy', 10000, 2000000, true) returning id`,
    [current],
  );
  await insertProjects(ctx, city!.id, current, null, citizen, official, CITY);
  if (marasti) {
    const [district] = await ctx.database.query<{ id: number }>(
      `insert into pb_budgets (edition_id, name, area_id, amount, vote_type, approval_min, approval_max, rule, max_project_cost)
       values ($1, 'Cartierul Mărăști', $2, 400000, 'approval', 1, 3, 'equalshares/add1', 300000) returning id`,
      [current, marasti.id],
    );
    await insertProjects(ctx, district!.id, current, marasti.id, org, official, MARASTI);
  }

  // Last year's edition: 60 paper ballots from a polling station, counted, one winner being built.
  const past = await edition(ctx, 'Bugetare participativă 2024 (demo)', 'Ediția trecută: proiectele câștigătoare sunt în lucru.', 'voting', [
    ['submission', '2024-03-01', '2024-04-15'],
    ['voting', '2024-06-01', '2024-06-30'],
  ]);
  const [b] = await ctx.database.query<{ id: number }>(`insert into pb_budgets (edition_id, name, amount, vote_type, approval_max, rule) values ($1, 'Tot orașul', 1000000, 'approval', 3, 'greedy') returning id`, [past]);
  const ids = await insertProjects(ctx, b!.id, past, null, citizen, official, [CITY[1]!, CITY[2]!, CITY[3]!, CITY[4]!]);
  for (let v = 0; v < 60; v++) {
    const picks = ids.filter((_, i) => (v * 7 + i * 3) % 5 < 2 + (i === 2 ? 1 : 0));
    const [ballot] = await ctx.database.query<{ id: string }>(`insert into pb_ballots (budget_id, external_voter, source) values ($1, $2, 'paper') returning id`, [b!.id, `paper:${v + 1}`]);
    await ctx.database.query('insert into pb_ballot_items (ballot_id, project_id, position) select $1, p, (o - 1)::int from unnest($2::int[]) with ordinality as t(p, o)', [ballot!.id, picks.length ? picks : [ids[0]!]]);
  }
  await ctx.database.transaction(async (tx) => {
    await computeResults(tx, (await loadBudget(tx, b!.id))!, null);
    await tx.query(`update pb_budgets set voting_closed_at = now() where id = $1`, [b!.id]);
    await tx.query(`update pb_editions set phase = 'implementation' where id = $1`, [past]);
    await tx.query(`update pb_projects set progress = 40, spent = 120000, implementation_note = 'Lucrările au început în martie.' where id = (select id from pb_projects where budget_id = $1 and status = 'selected' order by id limit 1)`, [b!.id]);
  });
}
