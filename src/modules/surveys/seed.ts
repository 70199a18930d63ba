// Demo survey: the exercise sheet ("Fișa de exercițiu", Annex 1) handed out at the third Cluj
// workshop of July 2023, "Efecte ale asumării sau lipsei de asumare a responsabilității civice".
// Questions and answer options are as printed; the paper's page break becomes the survey's page 2.
import type { AppContext } from '../../core/context.ts';

interface SeedQuestion {
  page: number;
  kind: 'single_choice' | 'long_text';
  title: string;
  required: boolean;
  choices?: string[];
}

export const EXERCISE_SHEET = {
  title: 'Fișa de exercițiu – Efecte ale asumării sau lipsei de asumare a responsabilității civice',
  description:
    'Exercițiul de conștientizare a importanței implicării civice din cadrul Workshop-ului 3 (20 iulie 2023, Centrul de Cultură Urbană – Turnul Croitorilor, Cluj-Napoca). ' +
    'Ne ajută să identificăm modalitățile și domeniile de implicare (protecția mediului, egalitate de șanse, responsabilitate socială etc.) potrivite profilului fiecărui participant.',
  questions: [
    {
      page: 1,
      kind: 'single_choice',
      title: 'Faceți parte din comunitatea locală a Municipiului Cluj-Napoca (aveți reședința/munciți/studiați în Cluj-Napoca)?',
      required: true,
      choices: ['DA', 'NU'],
    },
    {
      page: 1,
      kind: 'single_choice',
      title: 'În ce măsură vă implicați în procesul de luare a deciziilor la nivelul comunității locale din care faceți parte?',
      required: true,
      choices: ['În foarte mare măsură', 'În mare măsură', 'În mică măsură', 'În foarte mică măsură', 'Nu știu/Nu răspund'],
    },
    { page: 1, kind: 'long_text', title: 'Ce forme ale manifestării responsabilității civice v-ați asumat în ultima perioadă?', required: false },
    { page: 1, kind: 'long_text', title: 'Ce forme ale manifestării civice considerați că vi se potrivesc cel mai bine?', required: false },
    { page: 2, kind: 'long_text', title: 'Dacă v-ați propune să vă implicați mai mult, în ce domeniu al Responsabilității Civice ați face-o?', required: false },
    { page: 2, kind: 'long_text', title: 'Care ar fi un prim pas pe care l-ați putea face pentru a vă implica în zona menționată?', required: false },
  ] satisfies SeedQuestion[],
};

/** The demo space of the July 2023 workshops (shared with the meetings seed, whichever runs first). */
export const WORKSHOPS_SPACE = {
  slug: 'dialog-civic-cluj-2023',
  title: 'Dialog civic Cluj: atelierele din iulie 2023',
  subtitle: 'Cetățeanul smart city și responsabilitatea civică în era digitală',
  description:
    'Seria de workshop-uri a proiectului „Dezvoltarea instrumentelor de consolidare a dialogului social și civic” (cod 151456), la Centrul de Cultură Urbană – Turnul Croitorilor. Aici găsiți atelierele, minutele lor și fișa de exercițiu.',
};

async function demoSpace(ctx: AppContext, adminId: string | null): Promise<number> {
  const [s] = await ctx.database.query<{ id: number }>(
    `insert into spaces (kind, slug, title, subtitle, description, published, published_at, created_by) values ('process', $1, $2, $3, $4, true, now(), $5)
     on conflict (slug) do update set slug = excluded.slug returning id`,
    [WORKSHOPS_SPACE.slug, WORKSHOPS_SPACE.title, WORKSHOPS_SPACE.subtitle, WORKSHOPS_SPACE.description, adminId],
  );
  await ctx.database.query(
    `insert into space_components (space_id, module, title, position) select $1, 'surveys', 'Fișa de exercițiu', coalesce(max(position), 0) + 1 from space_components where space_id = $1`,
    [s!.id],
  );
  return s!.id;
}

export async function seedSurveysDemo(ctx: AppContext): Promise<number> {
  const [admin] = await ctx.database.query<{ user_id: string }>(`select user_id from user_roles where role = 'admin' limit 1`);
  const spaceId = await demoSpace(ctx, admin?.user_id ?? null);
  return ctx.database.transaction(async (tx) => {
    const [s] = await tx.query<{ id: number }>(
      `insert into surveys (title, description, space_id, status, mode, results_public, created_by, opened_at)
       values ($1, $2, $3, 'open', 'open', true, $4, now()) returning id`,
      [EXERCISE_SHEET.title, EXERCISE_SHEET.description, spaceId, admin?.user_id ?? null],
    );
    for (const [i, q] of EXERCISE_SHEET.questions.entries()) {
      const choices = ((q as SeedQuestion).choices ?? []).map((label, j) => ({ key: `c${j + 1}`, label }));
      await tx.query(
        `insert into survey_questions (survey_id, page, position, kind, title, required, choices, settings) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [s!.id, q.page, i + 1, q.kind, q.title, q.required, JSON.stringify(choices), JSON.stringify(q.kind === 'long_text' ? { maxLength: 4000 } : {})],
      );
    }
    return s!.id;
  });
}
