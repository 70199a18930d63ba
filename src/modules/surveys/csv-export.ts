// One CSV line per response and one column per question (a matrix gets one column per row). The
// respondent's name appears only for surveys answered under one's own name.
import type { AppContext } from '../../core/context.ts';
import type { Translate } from '../../core/i18n/catalog.ts';
import { toCsv } from '../../core/text/csv.ts';
import { answerText, matrixCell } from './answers.ts';
import { ordered } from './conditions.ts';
import { isMatrix, type AnswerValue, type Question } from './questions.ts';
import type { Survey } from './queries.ts';

export async function surveyCsv(ctx: AppContext, t: Translate, survey: Survey, questions: Question[]): Promise<string> {
  const qs = ordered(questions);
  const named = survey.mode === 'signed_in';
  const header = [t('surveys.csv.response'), t('surveys.csv.date'), ...(named ? [t('surveys.csv.respondent')] : [])];
  for (const q of qs) {
    if (isMatrix(q.kind)) for (const r of q.rows) header.push(`${q.title} — ${r.label}`);
    else header.push(q.title);
  }
  const responses = await ctx.database.query<{ id: number; day: string; name: string | null; answers: Record<string, AnswerValue> | null }>(
    `select r.id::int as id, to_char(r.submitted_on, 'YYYY-MM-DD') as day, u.display_name as name,
            (select jsonb_object_agg(a.question_id::text, a.value) from survey_answers a where a.response_id = r.id) as answers
     from survey_responses r left join users u on u.id = r.user_id
     where r.survey_id = $1 order by r.id`,
    [survey.id],
  );
  const rows = responses.map((r) => {
    const a = r.answers ?? {};
    const cells: (string | number)[] = [r.id, r.day, ...(named ? [r.name ?? ''] : [])];
    for (const q of qs) {
      const v = a[String(q.id)];
      if (isMatrix(q.kind)) for (const row of q.rows) cells.push(matrixCell(q, v, row.key));
      else cells.push(typeof v === 'number' ? v : answerText(q, v));
    }
    return cells;
  });
  return toCsv(header, rows);
}
