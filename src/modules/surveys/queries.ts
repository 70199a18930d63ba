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

const SURVEY_COLUMNS = `s.id, s.space_id as "spaceId", sp.title as "spaceTitle", sp.slug as "spaceSlug", s.title, s.description, s.status, s.mode,
  s.results_public as "resultsPublic", (select count(*)::int from survey_responses r where r.survey_id = s.id) as responses`;

export async function getSurvey(db: Q, id: number): Promise<Survey | undefined> {
  const [s] = await db.query<Survey>(`select ${SURVEY_COLUMNS} from surveys s left join spaces sp on sp.id = s.space_id where s.id = $1`, [id]);
  return s;
}

export async function listSurveys(ctx: AppContext, opts: { includeDrafts: boolean; spaceId?: number | undefined }): Promise<Survey[]> {
  return ctx.database.query<Survey>(
    `select ${SURVEY_COLUMNS} from surveys s left join spaces sp on sp.id = s.space_id
     where ($1 or s.status <> 'draft') and ($2::int is null or s.space_id = $2)
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
