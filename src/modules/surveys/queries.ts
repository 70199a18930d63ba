// Reading surveys and their questions into presenter-ready shapes.
import type { AppContext } from '../../core/context.ts';
import type { TxQuery } from '../../core/db/database.ts';
import type { Question } from './questions.ts';
import type { SurveySubject } from './policy.ts';

export interface Survey extends SurveySubject {
  id: number;
  spaceId: number | null;
  spaceTitle: string | null;
  spaceSlug: string | null;
  title: string;
  description: string;
  responses: number;
}

type Q = Pick<TxQuery, 'query'>;

const SURVEY_COLUMNS = `s.id, s.space_id as "spaceId", sp.published as "spacePublished", sp.title as "spaceTitle", sp.slug as "spaceSlug", s.title, s.description, s.status, s.mode,
  s.results_public as "resultsPublic", (select count(*)::int from survey_responses r where r.survey_id = s.id) as responses`;

export async function getSurvey(db: Q, id: number): Promise<Survey | undefined> {
  const [s] = await db.query<Survey>(`select ${SURVEY_COLUMNS} from surveys s left join spaces sp on sp.id = s.space_id where s.id = $1`, [id]);
  return s;
}

/** Surveys for a list; the admin list (`includeDrafts`) also keeps those of unpublished spaces. */
export async function listSurveys(ctx: AppContext, opts: { includeDrafts: boolean; spaceId?: number | undefined }): Promise<Survey[]> {
  return ctx.database.query<Survey>(
    `select ${SURVEY_COLUMNS} from surveys s left join spaces sp on sp.id = s.space_id
     where ($1 or (s.status <> 'draft' and (s.space_id is null or sp.published))) and ($2::int is null or s.space_id = $2)
     order by case s.status when 'open' then 0 when 'draft' then 1 else 2 end, s.id desc`,
    [opts.includeDrafts, opts.spaceId ?? null],
  );
}

export async function getQuestions(db: Q, surveyId: number): Promise<Question[]> {
  return db.query<Question>(
    `select id, page, position, kind, title, help, required, choices, rows, settings, condition
     from survey_questions where survey_id = $1 order by page, position, id`,
    [surveyId],
  );
}

export async function spaceOptions(ctx: AppContext): Promise<{ id: number; title: string }[]> {
  return ctx.database.query<{ id: number; title: string }>('select id, title from spaces order by title');
}

/** A survey as the public JSON API sees it, with when it opened and closed. */
export interface PublicSurvey extends Survey {
  openedAt: string | null;
  closedAt: string | null;
}

export interface PublicSurveyFilters {
  spaceId?: number | undefined;
  status?: 'open' | 'closed' | undefined;
}

const iso = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const PUBLIC_COLUMNS = `${SURVEY_COLUMNS}, ${iso('s.opened_at')} as "openedAt", ${iso('s.closed_at')} as "closedAt"`;
// What the public may see: never drafts, never a survey of a space that is not published.
const PUBLIC_WHERE = `s.status <> 'draft' and (s.space_id is null or sp.published)`;

export async function listPublicSurveys(db: Q, f: PublicSurveyFilters, page: number, pageSize: number): Promise<{ items: PublicSurvey[]; total: number }> {
  const where = `${PUBLIC_WHERE} and ($1::int is null or s.space_id = $1) and ($2::text is null or s.status = $2)`;
  const params = [f.spaceId ?? null, f.status ?? null];
  const [items, [count]] = await Promise.all([
    db.query<PublicSurvey>(
      `select ${PUBLIC_COLUMNS} from surveys s left join spaces sp on sp.id = s.space_id where ${where}
       order by case s.status when 'open' then 0 else 1 end, s.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
      params,
    ),
    db.query<{ n: number }>(`select count(*)::int as n from surveys s left join spaces sp on sp.id = s.space_id where ${where}`, params),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** One survey if the public may see it. */
export async function getPublicSurvey(db: Q, id: number): Promise<PublicSurvey | undefined> {
  const [s] = await db.query<PublicSurvey>(`select ${PUBLIC_COLUMNS} from surveys s left join spaces sp on sp.id = s.space_id where s.id = $1 and ${PUBLIC_WHERE}`, [id]);
  return s;
}

/** A published space, for the `space` filter of public lists. */
export async function publishedSpace(db: Q, id: number): Promise<{ id: number } | undefined> {
  const [s] = await db.query<{ id: number }>('select id from spaces where id = $1 and published', [id]);
  return s;
}
