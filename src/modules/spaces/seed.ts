// Demo spaces for "Cluj-Napoca (demo)": a participatory process in its proposals phase, a
// neighbourhood group in the manner of Timișoara's local groups, and a working group. The
// proposals and debates modules add their components and content to the process.
import type { AppContext } from '../../core/context.ts';
import { loadActor } from '../../core/auth/actor.ts';
import { ALL_CLOSED, type PhaseSettings } from './model.ts';
import { postNews } from './commands/news.ts';

export const DEMO_PROCESS_SLUG = 'cluj-propune-2025';
export const DEMO_NEIGHBOURHOOD_SLUG = 'grup-local-manastur';

const PHASES: [string, string, string, string | null, Partial<PhaseSettings>, boolean][] = [
  ['Informare', 'Prezentăm bugetul disponibil, regulile și cartierele. Întrebările se pun la întâlnirile publice.', '2025-03-01', '2025-03-31', { commentsOpen: true }, false],
  [
    'Propuneri',
    'Orice locuitor al Clujului poate depune propuneri pentru oraș și cartierul său: spații verzi, mobilitate, educație, cultură. Poți susține propunerile altora; cele cu cel puțin 20 de susțineri intră în analiza tehnică.',
    '2025-04-01',
    '2025-06-30',
    { proposalsOpen: true, supportsOpen: true, commentsOpen: true },
    true,
  ],
  ['Analiză tehnică', 'Direcțiile primăriei verifică fezabilitatea și costul propunerilor și răspund fiecăreia.', '2025-07-01', '2025-08-31', { commentsOpen: true }, false],
  ['Rezultate', 'Publicăm răspunsurile oficiale și proiectele incluse în buget.', '2025-09-01', null, { resultsPublished: true }, false],
];

async function userId(ctx: AppContext, email: string): Promise<string | undefined> {
  return (await ctx.database.query<{ id: string }>('select id from users where email = $1', [email]))[0]?.id;
}

export async function seedSpacesDemo(ctx: AppContext): Promise<void> {
  const admin = await userId(ctx, 'admin@demo.dezvolt.ro');
  const ong = await userId(ctx, 'ong@demo.dezvolt.ro');
  const citizen = await userId(ctx, 'cetatean@demo.dezvolt.ro');
  await ctx.database.transaction(async (tx) => {
    const [process] = await tx.query<{ id: number }>(
      `insert into spaces (kind, slug, title, subtitle, description, published, published_at, created_by)
       values ('process', $1, 'Cluj propune 2025', 'Bugetare participativă: propune ce ar trebui să facă orașul', $2, true, now(), $3) returning id`,
      [
        DEMO_PROCESS_SLUG,
        'Cluj propune este procesul prin care locuitorii decid o parte din bugetul orașului.\n\nÎn fiecare etapă vezi ce poți face: propui, susții, dezbați, apoi afli răspunsul oficial al primăriei pentru fiecare propunere.',
        admin ?? null,
      ],
    );
    let position = 0;
    for (const [title, description, startsOn, endsOn, flags, active] of PHASES) {
      await tx.query(`insert into space_phases (space_id, position, title, description, starts_on, ends_on, active, settings) values ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        process!.id,
        ++position,
        title,
        description,
        startsOn,
        endsOn,
        active,
        JSON.stringify({ ...ALL_CLOSED, ...flags }),
      ]);
    }
    const [hood] = await tx.query<{ id: number }>(
      `insert into spaces (kind, slug, title, subtitle, description, area_id, published, published_at, created_by)
       select 'neighbourhood', $1, 'Grupul local Mănăștur', 'Vecini care propun și urmăresc proiectele cartierului', $2, a.id, true, now(), $3
       from areas a where a.slug = 'manastur' returning id`,
      [
        DEMO_NEIGHBOURHOOD_SLUG,
        'După modelul grupurilor de inițiativă locală din Timișoara, grupul reunește locuitori, asociații de proprietari și ONG-uri din Mănăștur.\n\nNe întâlnim lunar, strângem propunerile cartierului și le urmărim până la răspunsul primăriei. Oricine locuiește sau lucrează în cartier poate intra în grup.',
        admin ?? null,
      ],
    );
    const [group] = await tx.query<{ id: number }>(
      `insert into spaces (kind, slug, title, subtitle, description, published, published_at, created_by)
       values ('assembly', 'grup-lucru-mobilitate', 'Grupul de lucru Mobilitate urbană', 'Experți, ONG-uri și primăria despre piste de biciclete și transport public', $1, true, now(), $2) returning id`,
      ['Grupul de lucru analizează propunerile de mobilitate și formulează recomandări pentru strategia orașului.', admin ?? null],
    );
    if (hood && ong) await tx.query(`insert into space_members (space_id, user_id, role, position_title) values ($1, $2, 'coordinator', 'Asociația Cartierul Verde')`, [hood.id, ong]);
    if (hood && citizen) await tx.query(`insert into space_members (space_id, user_id, role) values ($1, $2, 'member')`, [hood.id, citizen]);
    if (group && ong) await tx.query(`insert into space_members (space_id, user_id, role) values ($1, $2, 'expert')`, [group.id, ong]);
    if (hood && citizen) await tx.query('insert into space_followers (space_id, user_id) values ($1, $2)', [hood.id, citizen]);
  });
  if (ong) {
    const [hood] = await ctx.database.query<{ id: number; slug: string; title: string }>('select id, slug, title from spaces where slug = $1', [DEMO_NEIGHBOURHOOD_SLUG]);
    const actor = await loadActor(ctx.database, ong);
    if (hood && actor.kind === 'user') {
      await postNews(ctx, actor, hood, { title: 'Întâlnirea lunară a grupului', body: 'Ne vedem joi la ora 18:00 la Casa de Cultură a Studenților din Mănăștur. Pe ordinea de zi: propunerile pentru Cluj propune 2025.' });
    }
  }
}
