// The surveys module's part of "download my data" and "erase my account". Only responses given
// under one's name are the person's; anonymous answers hold nothing that points back to them, and
// a participation mark only says "has answered".
import type { AppContext } from '../../core/context.ts';
import type { TxQuery } from '../../core/db/database.ts';

export async function surveysPersonalData(ctx: AppContext, userId: string): Promise<Record<string, unknown>> {
  const responses = await ctx.database.query(
    `select s.id as "surveyId", s.title as survey, r.submitted_at as "submittedAt",
            (select jsonb_object_agg(q.title, a.value) from survey_answers a join survey_questions q on q.id = a.question_id where a.response_id = r.id) as answers
     from survey_responses r join surveys s on s.id = r.survey_id where r.user_id = $1 order by r.id`,
    [userId],
  );
  const participated = (await ctx.database.query<{ id: number }>('select survey_id as id from survey_participations where user_id = $1 order by 1', [userId])).map((r) => r.id);
  return { surveyResponses: responses, anonymousSurveysAnswered: participated };
}

/** Named answers become anonymous: the aggregate results stay right, nothing names the person. */
export async function eraseSurveysData(_ctx: AppContext, userId: string, tx: TxQuery): Promise<void> {
  await tx.query('update survey_responses set user_id = null, submitted_at = null where user_id = $1', [userId]);
  await tx.query('delete from survey_participations where user_id = $1', [userId]);
  await tx.query('update surveys set created_by = null where created_by = $1', [userId]);
}
