// The survey builder: surveys, their questions, order and publication. Once a survey has responses
// its questions are frozen, because changing a question under existing answers would change what
// people said.
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { surveyPolicy } from '../policy.ts';
import { getQuestions, getSurvey } from '../queries.ts';
import { ordered } from '../conditions.ts';
import { MAX_CHOICES, TEXT_LIMITS, hasChoices, isConditionSource, isMatrix, keyedChoices, scalePoints, type Condition, type Question, type QuestionKind, type QuestionSettings } from '../questions.ts';

export interface SurveyInput {
  title: string;
  description: string;
  spaceId: number | null;
  mode: 'signed_in' | 'anonymous_signed_in' | 'open';
  resultsPublic: boolean;
}

export interface QuestionInput {
  kind: QuestionKind;
  title: string;
  help: string;
  required: boolean;
  page: number;
  choices: string[];
  rows: string[];
  maxChoices?: string;
  scaleMin?: string;
  scaleMax?: string;
  minLabel?: string;
  maxLabel?: string;
  numberMin?: string;
  numberMax?: string;
  integer?: boolean;
  dateMin?: string;
  dateMax?: string;
  maxLength?: string;
  /** `questionId:value`, or empty for "always shown". */
  condition?: string;
  conditionOp?: 'is' | 'is_not';
}

export type BuilderOutcome =
  | { kind: 'saved'; id: number }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  | { kind: 'locked' }
  | { kind: 'no_questions' }
  | { kind: 'order_conflict' }
  | { kind: 'invalid'; errors: FieldError[] };

function validSurvey(input: SurveyInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.title.trim() || input.title.length > 200) errors.push({ field: 'title', reason: 'surveys.err.title' });
  if (input.description.length > 10000) errors.push({ field: 'description', reason: 'surveys.err.description' });
  return errors;
}

async function spaceExists(ctx: AppContext, id: number | null): Promise<boolean> {
  return id === null || (await ctx.database.query('select 1 from spaces where id = $1', [id])).length > 0;
}

export async function createSurvey(ctx: AppContext, actor: Actor, input: SurveyInput): Promise<BuilderOutcome> {
  if (actor.kind !== 'user' || !surveyPolicy.can(actor, 'survey.manage')) return { kind: 'forbidden' };
  const errors = validSurvey(input);
  if (!(await spaceExists(ctx, input.spaceId))) errors.push({ field: 'spaceId', reason: 'surveys.err.space' });
  if (errors.length) return { kind: 'invalid', errors };
  const [s] = await ctx.database.query<{ id: number }>(
    `insert into surveys (title, description, space_id, mode, results_public, created_by) values ($1, $2, $3, $4, $5, $6) returning id`,
    [input.title.trim(), input.description.trim(), input.spaceId, input.mode, input.resultsPublic, actor.id],
  );
  return { kind: 'saved', id: s!.id };
}

export async function updateSurvey(ctx: AppContext, actor: Actor, id: number, input: SurveyInput): Promise<BuilderOutcome> {
  if (!surveyPolicy.can(actor, 'survey.manage')) return { kind: 'forbidden' };
  const survey = await getSurvey(ctx.database, id);
  if (!survey) return { kind: 'not_found' };
  const errors = validSurvey(input);
  if (!(await spaceExists(ctx, input.spaceId))) errors.push({ field: 'spaceId', reason: 'surveys.err.space' });
  // Who may answer and whether answers carry names cannot change under existing responses.
  if (survey.responses > 0 && input.mode !== survey.mode) errors.push({ field: 'mode', reason: 'surveys.err.modeLocked' });
  if (errors.length) return { kind: 'invalid', errors };
  await ctx.database.query('update surveys set title = $2, description = $3, space_id = $4, mode = $5, results_public = $6 where id = $1', [
    id,
    input.title.trim(),
    input.description.trim(),
    input.spaceId,
    input.mode,
    input.resultsPublic,
  ]);
  return { kind: 'saved', id };
}

export async function setSurveyStatus(ctx: AppContext, actor: Actor, id: number, to: 'open' | 'closed'): Promise<BuilderOutcome> {
  if (!surveyPolicy.can(actor, 'survey.manage')) return { kind: 'forbidden' };
  const survey = await getSurvey(ctx.database, id);
  if (!survey) return { kind: 'not_found' };
  if (to === 'open' && (await getQuestions(ctx.database, id)).length === 0) return { kind: 'no_questions' };
  await ctx.database.query(
    `update surveys set status = $2, opened_at = case when $2 = 'open' then coalesce(opened_at, now()) else opened_at end,
       closed_at = case when $2 = 'closed' then now() else null end where id = $1`,
    [id, to],
  );
  return { kind: 'saved', id };
}

const intOf = (s: string | undefined) => (s && /^-?\d+$/.test(s.trim()) ? Number(s.trim()) : undefined);
const numOf = (s: string | undefined) => (s && /^-?\d+([.,]\d+)?$/.test(s.trim()) ? Number(s.trim().replace(',', '.')) : undefined);
const dateOf = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s.trim()) && !Number.isNaN(Date.parse(s.trim())) ? s.trim() : undefined);

/** Settings, choices and rows for `input`, or field errors. */
function buildQuestion(input: QuestionInput, previous: Question | undefined): { errors: FieldError[]; settings: QuestionSettings; choices: Question['choices']; rows: Question['rows'] } {
  const errors: FieldError[] = [];
  const settings: QuestionSettings = {};
  const k = input.kind;
  if (!input.title.trim() || input.title.length > 500) errors.push({ field: 'title', reason: 'surveys.err.questionTitle' });
  if (input.help.length > 2000) errors.push({ field: 'help', reason: 'surveys.err.help' });
  if (!Number.isInteger(input.page) || input.page < 1 || input.page > 50) errors.push({ field: 'page', reason: 'surveys.err.page' });
  const choices = hasChoices(k) ? keyedChoices(input.choices, previous?.choices ?? [], 'c') : [];
  const rows = isMatrix(k) ? keyedChoices(input.rows, previous?.rows ?? [], 'r') : [];
  if (hasChoices(k) && (choices.length < 2 || choices.length > MAX_CHOICES)) errors.push({ field: 'choices', reason: 'surveys.err.choices' });
  if (isMatrix(k) && (rows.length < 1 || rows.length > MAX_CHOICES)) errors.push({ field: 'rows', reason: 'surveys.err.rows' });
  if (k === 'multiple_choice' && input.maxChoices?.trim()) {
    const max = intOf(input.maxChoices);
    if (max === undefined || max < 1 || max > Math.max(1, choices.length)) errors.push({ field: 'maxChoices', reason: 'surveys.err.maxChoicesSetting' });
    else settings.maxChoices = max;
  }
  if (k === 'scale') {
    const min = intOf(input.scaleMin) ?? 1;
    const max = intOf(input.scaleMax) ?? 5;
    if (![0, 1].includes(min) || max < 2 || max > 10 || max <= min) errors.push({ field: 'scaleMax', reason: 'surveys.err.scaleSetting' });
    Object.assign(settings, { scaleMin: min, scaleMax: max, minLabel: (input.minLabel ?? '').trim().slice(0, 100), maxLabel: (input.maxLabel ?? '').trim().slice(0, 100) });
  }
  if (k === 'number') {
    const min = input.numberMin?.trim() ? numOf(input.numberMin) : undefined;
    const max = input.numberMax?.trim() ? numOf(input.numberMax) : undefined;
    if ((input.numberMin?.trim() && min === undefined) || (input.numberMax?.trim() && max === undefined) || (min !== undefined && max !== undefined && min > max)) {
      errors.push({ field: 'numberMin', reason: 'surveys.err.rangeSetting' });
    }
    if (min !== undefined) settings.numberMin = min;
    if (max !== undefined) settings.numberMax = max;
    if (input.integer) settings.integer = true;
  }
  if (k === 'date') {
    const min = input.dateMin?.trim() ? dateOf(input.dateMin) : undefined;
    const max = input.dateMax?.trim() ? dateOf(input.dateMax) : undefined;
    if ((input.dateMin?.trim() && !min) || (input.dateMax?.trim() && !max) || (min && max && min > max)) errors.push({ field: 'dateMin', reason: 'surveys.err.rangeSetting' });
    if (min) settings.dateMin = min;
    if (max) settings.dateMax = max;
  }
  if (k === 'short_text' || k === 'long_text') {
    const limit = TEXT_LIMITS[k];
    const max = input.maxLength?.trim() ? intOf(input.maxLength) : limit;
    if (max === undefined || max < 1 || max > limit) errors.push({ field: 'maxLength', reason: 'surveys.err.maxLengthSetting' });
    else settings.maxLength = max;
  }
  return { errors, settings, choices, rows };
}

function conditionFor(input: QuestionInput, questions: Question[], self: { id: number | null; page: number; position: number }): { condition: Condition | null; error?: FieldError } {
  if (!input.condition) return { condition: null };
  const m = /^(\d+):(.+)$/.exec(input.condition);
  const source = m ? questions.find((q) => q.id === Number(m[1])) : undefined;
  const value = m?.[2] ?? '';
  const earlier = source && source.id !== self.id && (source.page < self.page || (source.page === self.page && source.position < self.position));
  const valid =
    source && isConditionSource(source.kind) && (source.kind === 'scale' ? scalePoints(source.settings).map(String).includes(value) : source.choices.some((c) => c.key === value));
  if (!source || !earlier || !valid) return { condition: null, error: { field: 'condition', reason: 'surveys.err.condition' } };
  return { condition: { questionId: source.id, op: input.conditionOp === 'is_not' ? 'is_not' : 'is', value } };
}

async function editable(ctx: AppContext, actor: Actor, surveyId: number): Promise<BuilderOutcome | null> {
  if (!surveyPolicy.can(actor, 'survey.manage')) return { kind: 'forbidden' };
  const survey = await getSurvey(ctx.database, surveyId);
  if (!survey) return { kind: 'not_found' };
  if (survey.responses > 0) return { kind: 'locked' };
  return null;
}

export async function saveQuestion(ctx: AppContext, actor: Actor, surveyId: number, questionId: number | null, input: QuestionInput): Promise<BuilderOutcome> {
  const refused = await editable(ctx, actor, surveyId);
  if (refused) return refused;
  const questions = await getQuestions(ctx.database, surveyId);
  const previous = questionId === null ? undefined : questions.find((q) => q.id === questionId);
  if (questionId !== null && !previous) return { kind: 'not_found' };
  if (previous && previous.kind !== input.kind) input = { ...input, kind: previous.kind };
  const built = buildQuestion(input, previous);
  const samePage = questions.filter((q) => q.page === input.page && q.id !== questionId);
  const position = previous && previous.page === input.page ? previous.position : samePage.reduce((m, q) => Math.max(m, q.position), 0) + 1;
  const cond = conditionFor(input, questions, { id: questionId, page: input.page, position });
  const errors = [...built.errors, ...(cond.error ? [cond.error] : [])];
  if (errors.length) return { kind: 'invalid', errors };
  if (previous && wouldBreakOrder(questions.map((q) => (q.id === previous.id ? { ...q, page: input.page, position } : q)))) return { kind: 'order_conflict' };
  const params = [input.title.trim(), input.help.trim(), input.required, input.page, position, JSON.stringify(built.choices), JSON.stringify(built.rows), JSON.stringify(built.settings), cond.condition ? JSON.stringify(cond.condition) : null];
  if (previous) {
    await ctx.database.query(
      `update survey_questions set title = $2, help = $3, required = $4, page = $5, position = $6, choices = $7, rows = $8, settings = $9, condition = $10 where id = $1`,
      [previous.id, ...params],
    );
    return { kind: 'saved', id: previous.id };
  }
  const [q] = await ctx.database.query<{ id: number }>(
    `insert into survey_questions (survey_id, kind, title, help, required, page, position, choices, rows, settings, condition)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [surveyId, input.kind, ...params],
  );
  return { kind: 'saved', id: q!.id };
}

/** True when some condition would point at a question that is no longer before it. */
function wouldBreakOrder(questions: Question[]): boolean {
  const order = ordered(questions).map((q) => q.id);
  return questions.some((q) => q.condition && order.indexOf(q.condition.questionId) >= order.indexOf(q.id));
}

export async function deleteQuestion(ctx: AppContext, actor: Actor, surveyId: number, questionId: number): Promise<BuilderOutcome> {
  const refused = await editable(ctx, actor, surveyId);
  if (refused) return refused;
  const rows = await ctx.database.transaction(async (tx) => {
    // Questions shown only after this one's answer would never show again: they become unconditional.
    await tx.query(`update survey_questions set condition = null where survey_id = $1 and (condition->>'questionId')::int = $2`, [surveyId, questionId]);
    return tx.query('delete from survey_questions where id = $1 and survey_id = $2 returning id', [questionId, surveyId]);
  });
  return rows.length ? { kind: 'saved', id: questionId } : { kind: 'not_found' };
}

export async function moveQuestion(ctx: AppContext, actor: Actor, surveyId: number, questionId: number, direction: 'up' | 'down'): Promise<BuilderOutcome> {
  const refused = await editable(ctx, actor, surveyId);
  if (refused) return refused;
  const questions = ordered(await getQuestions(ctx.database, surveyId));
  const i = questions.findIndex((q) => q.id === questionId);
  if (i < 0) return { kind: 'not_found' };
  const j = direction === 'up' ? i - 1 : i + 1;
  const me = questions[i]!;
  const other = questions[j];
  if (!other || other.page !== me.page) return { kind: 'saved', id: questionId };
  const swapped = questions.map((q) => (q.id === me.id ? { ...q, position: other.position } : q.id === other.id ? { ...q, position: me.position } : q));
  if (wouldBreakOrder(swapped)) return { kind: 'order_conflict' };
  await ctx.database.transaction(async (tx) => {
    await tx.query('update survey_questions set position = $2 where id = $1', [me.id, other.position]);
    await tx.query('update survey_questions set position = $2 where id = $1', [other.id, me.position]);
  });
  return { kind: 'saved', id: questionId };
}
