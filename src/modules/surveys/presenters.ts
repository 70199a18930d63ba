// What the public JSON API says about a survey: its text and questions, and — once it is closed with
// public results — the aggregated counts. Never a response, never who answered, never free text or
// map points (people write personal things into text boxes and mark their own homes).
import { QUESTION_KINDS, type Question } from './questions.ts';
import type { QuestionResult } from './results.ts';
import type { PublicSurvey } from './queries.ts';
import { pageSchema } from '../../core/http/api-schemas.ts';

const nullableString = { type: ['string', 'null'] } as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const choiceList = { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, label: { type: 'string' } } } } as const;

export const surveyItemSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    title: { type: 'string' },
    description: { type: 'string' },
    status: { type: 'string', enum: ['open', 'closed'] },
    mode: { type: 'string', enum: ['signed_in', 'anonymous_signed_in', 'open'], description: 'signed_in and anonymous_signed_in need an account to answer; open takes anyone' },
    resultsPublic: { type: 'boolean' },
    responses: { type: 'integer' },
    space: { anyOf: [{ type: 'null' }, { type: 'object', properties: { id: { type: 'integer' }, title: { type: 'string' }, slug: { type: 'string' } } }] },
    openedAt: { ...nullableString, format: 'date-time' },
    closedAt: { ...nullableString, format: 'date-time' },
    url: { type: 'string' },
  },
} as const;

export const surveyPageSchema = pageSchema(surveyItemSchema);

const questionSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    page: { type: 'integer' },
    position: { type: 'integer' },
    kind: { type: 'string', enum: [...QUESTION_KINDS] },
    title: { type: 'string' },
    help: { type: 'string' },
    required: { type: 'boolean' },
    choices: choiceList,
    rows: choiceList,
    settings: {
      type: 'object',
      properties: {
        maxLength: { type: 'integer' },
        maxChoices: { type: 'integer' },
        scaleMin: { type: 'integer' },
        scaleMax: { type: 'integer' },
        minLabel: { type: 'string' },
        maxLabel: { type: 'string' },
        numberMin: { type: 'number' },
        numberMax: { type: 'number' },
        integer: { type: 'boolean' },
        dateMin: { type: 'string' },
        dateMax: { type: 'string' },
      },
    },
    condition: {
      anyOf: [{ type: 'null' }, { type: 'object', properties: { questionId: { type: 'integer' }, op: { type: 'string', enum: ['is', 'is_not'] }, value: { type: 'string' } } }],
      description: 'shown only when the earlier question was answered value (is) or something else (is_not)',
    },
  },
} as const;

const bar = { type: 'object', properties: { label: { type: 'string' }, count: { type: 'integer' } } } as const;

const resultSchema = {
  type: 'object',
  description: 'Aggregated answers to one question; which fields are present depends on kind. Free-text and map answers give only the count.',
  properties: {
    questionId: { type: 'integer' },
    kind: { type: 'string', enum: ['bars', 'matrix', 'ranking', 'number', 'date', 'count'] },
    answered: { type: 'integer' },
    bars: { type: 'array', items: bar },
    average: nullableNumber,
    columns: { type: 'array', items: { type: 'string' } },
    rows: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' }, counts: { type: 'array', items: { type: 'integer' } } } } },
    items: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' }, averageRank: nullableNumber, first: { type: 'integer' } } } },
    min: nullableNumber,
    max: nullableNumber,
    median: nullableNumber,
    earliest: nullableString,
    latest: nullableString,
  },
} as const;

export const surveySchema = {
  type: 'object',
  properties: {
    ...surveyItemSchema.properties,
    questions: { type: 'array', items: questionSchema },
    results: { anyOf: [{ type: 'null' }, { type: 'array', items: resultSchema }], description: 'null unless the survey is closed and its results are public' },
  },
} as const;

export function presentSurveyItem(s: PublicSurvey) {
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    status: s.status,
    mode: s.mode,
    resultsPublic: s.resultsPublic,
    responses: s.responses,
    space: s.spaceId !== null && s.spaceTitle !== null && s.spaceSlug !== null ? { id: s.spaceId, title: s.spaceTitle, slug: s.spaceSlug } : null,
    openedAt: s.openedAt,
    closedAt: s.closedAt,
    url: `/surveys/${s.id}`,
  };
}

export function presentQuestion(q: Question) {
  return { id: q.id, page: q.page, position: q.position, kind: q.kind, title: q.title, help: q.help, required: q.required, choices: q.choices, rows: q.rows, settings: q.settings, condition: q.condition };
}

/** Only aggregates leave: the texts and points a result may carry for admins are dropped here too. */
export function presentResult(r: QuestionResult) {
  const base = { questionId: r.question.id, answered: r.answered };
  switch (r.kind) {
    case 'bars':
      return { ...base, kind: 'bars' as const, bars: r.bars, average: r.average ?? null };
    case 'matrix':
      return { ...base, kind: 'matrix' as const, columns: r.columns, rows: r.rows };
    case 'ranking':
      return { ...base, kind: 'ranking' as const, items: r.items };
    case 'number':
      return { ...base, kind: 'number' as const, min: r.min, max: r.max, average: r.average, median: r.median };
    case 'date':
      return { ...base, kind: 'date' as const, earliest: r.earliest, latest: r.latest };
    case 'text':
    case 'points':
      return { ...base, kind: 'count' as const };
  }
}

export function presentSurvey(s: PublicSurvey, questions: Question[], results: QuestionResult[] | null) {
  return { ...presentSurveyItem(s), questions: questions.map(presentQuestion), results: results ? results.map(presentResult) : null };
}
