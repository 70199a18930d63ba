// Submitting a response. Every visible answer is checked again (answers from earlier pages travel
// through the browser), hidden questions' answers are dropped, and "one response per person" is a
// database constraint, so two tabs submitting at once still leave one response.
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { hmac } from '../../../core/auth/tokens.ts';
import { isUniqueViolation } from '../../../core/admin/db-errors.ts';
import { surveyPolicy } from '../policy.ts';
import { getQuestions, getSurvey } from '../queries.ts';
import { checkAnswer, type AnswerError } from '../answers.ts';
import { keepVisible, visibleQuestionIds } from '../conditions.ts';
import type { Answers, Question } from '../questions.ts';

export type RespondOutcome =
  | { kind: 'submitted'; responseId: number }
  | { kind: 'not_found' }
  | { kind: 'needs_sign_in' }
  | { kind: 'closed' }
  | { kind: 'already_answered' }
  | { kind: 'invalid'; errors: { questionId: number; error: AnswerError }[] };

/** Answer errors for `questions` (the visible ones), including "outside the city" for map points. */
export async function answerErrors(ctx: AppContext, questions: Question[], answers: Answers): Promise<{ questionId: number; error: AnswerError }[]> {
  const errors: { questionId: number; error: AnswerError }[] = [];
  for (const q of questions) {
    const value = answers[q.id];
    const error = checkAnswer(q, value);
    if (error) errors.push({ questionId: q.id, error });
    else if (q.kind === 'map_point' && value !== undefined && !(await insideCity(ctx, value as { lat: number; lng: number }))) {
      errors.push({ questionId: q.id, error: { key: 'surveys.err.outsideCity' } });
    }
  }
  return errors;
}

async function insideCity(ctx: AppContext, p: { lat: number; lng: number }): Promise<boolean> {
  const [row] = await ctx.database.query<{ inside: boolean | null }>(
    `select bool_or(ST_Covers(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))) as inside from areas where kind = 'city'`,
    [p.lng, p.lat],
  );
  return row?.inside ?? true; // a city without a boundary accepts any point
}

/** The key an anonymous browser is remembered by: an HMAC, so the table holds no usable token. */
export const browserKey = (ctx: AppContext, token: string) => hmac(ctx.secret, `survey-browser:${token}`);

export async function hasAnswered(ctx: AppContext, surveyId: number, actor: Actor, browserToken?: string): Promise<boolean> {
  if (actor.kind === 'user') {
    const rows = await ctx.database.query(
      `select 1 from survey_responses where survey_id = $1 and user_id = $2
       union all select 1 from survey_participations where survey_id = $1 and user_id = $2`,
      [surveyId, actor.id],
    );
    if (rows.length) return true;
  }
  if (!browserToken) return false;
  return (await ctx.database.query('select 1 from survey_participations where survey_id = $1 and browser_hash = $2', [surveyId, browserKey(ctx, browserToken)])).length > 0;
}

export async function submitResponse(ctx: AppContext, actor: Actor, surveyId: number, given: Answers, browserToken?: string): Promise<RespondOutcome> {
  const survey = await getSurvey(ctx.database, surveyId);
  if (!survey || !surveyPolicy.can(actor, 'survey.view', survey)) return { kind: 'not_found' };
  if (survey.status !== 'open') return { kind: 'closed' };
  if (!surveyPolicy.can(actor, 'survey.respond', survey)) return { kind: 'needs_sign_in' };
  const questions = await getQuestions(ctx.database, surveyId);
  const answers = keepVisible(questions, given);
  const visible = visibleQuestionIds(questions, answers);
  const errors = await answerErrors(ctx, questions.filter((q) => visible.has(q.id)), answers);
  if (errors.length) return { kind: 'invalid', errors };
  if (await hasAnswered(ctx, surveyId, actor, browserToken)) return { kind: 'already_answered' };

  try {
    return await ctx.database.transaction(async (tx) => {
      const linked = survey.mode === 'signed_in';
      if (!linked) {
        const byUser = actor.kind === 'user';
        if (!byUser && !browserToken) throw new Error('an anonymous response needs a browser token');
        await tx.query('insert into survey_participations (survey_id, user_id, browser_hash) values ($1, $2, $3)', [
          surveyId,
          byUser ? actor.id : null,
          byUser ? null : browserKey(ctx, browserToken!),
        ]);
      }
      const [r] = await tx.query<{ id: number }>(
        `insert into survey_responses (survey_id, user_id, submitted_at) values ($1, $2, ${linked ? 'now()' : 'null'}) returning id::int as id`,
        [surveyId, linked && actor.kind === 'user' ? actor.id : null],
      );
      for (const [questionId, value] of Object.entries(answers)) {
        await tx.query('insert into survey_answers (response_id, question_id, value) values ($1, $2, $3)', [r!.id, Number(questionId), JSON.stringify(value)]);
      }
      await ctx.events.publish({ type: 'survey.answered', public: false, payload: { surveyId } }, tx);
      return { kind: 'submitted', responseId: r!.id } as const;
    });
  } catch (err) {
    if (
      isUniqueViolation(err, 'survey_responses_survey_id_user_id_key') ||
      isUniqueViolation(err, 'survey_participations_user_uq') ||
      isUniqueViolation(err, 'survey_participations_browser_uq')
    ) {
      return { kind: 'already_answered' };
    }
    throw err;
  }
}
