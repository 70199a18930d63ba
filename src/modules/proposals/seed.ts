// Demo proposals in "Cluj propune 2025" (its proposals phase is active): a handful of proposals in
// different districts, supports from the demo accounts, and one official answer.
import type { AppContext } from '../../core/context.ts';
import { loadActor, type UserActor } from '../../core/auth/actor.ts';
import { DEMO_PROCESS_SLUG } from '../spaces/seed.ts';
import { createProposal } from './commands/create.ts';
import { setSupport } from './commands/support.ts';
import { answerProposal } from './commands/manage.ts';

const DEMO: { by: string; title: string; body: string; category: string; district: string | null; supporters: string[] }[] = [
  {
    by: 'cetatean@demo.dezvolt.ro',
    title: 'Pistă de biciclete pe strada Observatorului',
    body: 'Strada Observatorului leagă Zorilor de centru și e folosită zilnic de studenți pe bicicletă. O pistă separată de carosabil ar face drumul sigur.',
    category: 'mobility',
    district: 'zorilor',
    supporters: ['ong@demo.dezvolt.ro', 'moderator@demo.dezvolt.ro'],
  },
  {
    by: 'ong@demo.dezvolt.ro',
    title: 'Parc de buzunar în curtea fostei centrale termice din Mănăștur',
    body: 'Terenul dintre blocurile de pe strada Bucegi este abandonat. Propunem un parc mic cu bănci, arbori și un loc de joacă pentru copiii din cartier.',
    category: 'green',
    district: 'manastur',
    supporters: ['cetatean@demo.dezvolt.ro'],
  },
  {
    by: 'cetatean@demo.dezvolt.ro',
    title: 'Bănci și umbrare în stațiile de autobuz din Mărăști',
    body: 'Multe stații din Mărăști nu au nici bancă, nici acoperiș. Vârstnicii așteaptă în picioare, în soare sau în ploaie.',
    category: 'public_space',
    district: 'marasti',
    supporters: [],
  },
  {
    by: 'ong@demo.dezvolt.ro',
    title: 'Ateliere de programare gratuite în bibliotecile de cartier',
    body: 'Bibliotecile de cartier pot găzdui ateliere săptămânale de programare pentru copii și adolescenți, ținute de voluntari din comunitatea IT a Clujului.',
    category: 'education',
    district: null,
    supporters: ['cetatean@demo.dezvolt.ro', 'admin@demo.dezvolt.ro'],
  },
];

async function actorFor(ctx: AppContext, email: string): Promise<UserActor | null> {
  const [u] = await ctx.database.query<{ id: string }>('select id from users where email = $1', [email]);
  if (!u) return null;
  const a = await loadActor(ctx.database, u.id);
  return a.kind === 'user' ? a : null;
}

export async function seedProposalsDemo(ctx: AppContext): Promise<void> {
  const [space] = await ctx.database.query<{ id: number }>('select id from spaces where slug = $1', [DEMO_PROCESS_SLUG]);
  if (!space) return;
  const [component] = await ctx.database.query<{ id: number }>(
    `insert into space_components (space_id, module, title, position, settings) values ($1, 'proposals', 'Propuneri', 1, $2) returning id`,
    [space.id, JSON.stringify({ supportsLimit: 10, threshold: 20, proposalLimit: 3 })],
  );
  const ids: number[] = [];
  for (const d of DEMO) {
    const author = await actorFor(ctx, d.by);
    if (!author) continue;
    const [cat] = await ctx.database.query<{ id: number }>('select id from proposal_categories where code = $1', [d.category]);
    const [area] = d.district ? await ctx.database.query<{ id: number }>('select id from areas where slug = $1', [d.district]) : [];
    const outcome = await createProposal(ctx, author, component!.id, { title: d.title, body: d.body, categoryId: cat?.id ?? null, districtId: area?.id ?? null, point: null, address: '' });
    if (outcome.kind !== 'created') continue;
    ids.push(outcome.id);
    for (const email of d.supporters) {
      const supporter = await actorFor(ctx, email);
      if (supporter) await setSupport(ctx, supporter, outcome.id, true);
    }
  }
  const official = await actorFor(ctx, 'drumuri@demo.dezvolt.ro');
  if (official && ids[0]) {
    await answerProposal(ctx, official, ids[0], 'evaluating', 'Direcția Drumuri analizează profilul străzii împreună cu Serviciul Mobilitate. Revenim cu un răspuns până la sfârșitul etapei de analiză tehnică.');
  }
}
