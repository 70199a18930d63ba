// Moving through a survey's pages without JavaScript. Each POST carries the answers of earlier
// pages (hidden `_state`), the page number and the ids of the questions that were on screen
// (`_shown`). When an answer reveals a question on the same page, the page comes back with it
// instead of going on, so nobody skips a question they never saw.
import type { AppContext } from '../../core/context.ts';
import type { FieldError } from '../../core/http/problem.ts';
import type { Translate } from '../../core/i18n/catalog.ts';
import { readAnswer, type FormBody } from './answers.ts';
import { keepVisible, nextPage, pagesOf, visibleQuestionIds } from './conditions.ts';
import { answerErrors } from './commands/respond.ts';
import type { Answers, Question } from './questions.ts';

export interface PageView {
  pageNo: number;
  pageIndex: number;
  pageCount: number;
  questions: Question[];
  state: Answers;
  body: FormBody;
  errors?: FieldError[];
  revealed?: boolean;
  last: boolean;
}

export type FlowStep = { kind: 'page'; view: PageView; status: 200 | 400 } | { kind: 'submit'; answers: Answers };

/** Answers carried from earlier pages; anything unreadable is dropped (and asked again at the end). */
export function parseState(raw: unknown, questions: Question[]): Answers {
  if (typeof raw !== 'string' || !raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const ids = new Set(questions.map((q) => q.id));
  const out: Answers = {};
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) if (ids.has(Number(k)) && v !== null) out[Number(k)] = v as Answers[number];
  return out;
}

export function pageView(questions: Question[], answers: Answers, pageNo: number, body: FormBody, extra: Partial<PageView> = {}): PageView {
  const visible = visibleQuestionIds(questions, answers);
  const pages = pagesOf(questions);
  return {
    pageNo,
    pageIndex: pages.indexOf(pageNo) + 1,
    pageCount: pages.length,
    questions: questions.filter((q) => q.page === pageNo && visible.has(q.id)),
    state: Object.fromEntries(Object.entries(answers).filter(([id]) => questions.find((q) => q.id === Number(id))?.page !== pageNo)),
    body,
    last: nextPage(questions, answers, pageNo) === null,
    ...extra,
  };
}

/** The first page of the survey, empty. */
export function firstPage(questions: Question[]): PageView | null {
  const first = nextPage(questions, {}, 0);
  return first === null ? null : pageView(questions, {}, first, {});
}

export async function advance(ctx: AppContext, t: Translate, questions: Question[], body: FormBody): Promise<FlowStep> {
  const state = parseState(body._state, questions);
  const pageNo = Number(body._page);
  const pageQs = questions.filter((q) => q.page === pageNo);
  if (!pageQs.length) {
    const first = firstPage(questions);
    return first ? { kind: 'page', view: first, status: 400 } : { kind: 'submit', answers: {} };
  }
  const shown = new Set(String(body._shown ?? '').split(',').map(Number));
  const answers: Answers = Object.fromEntries(Object.entries(state).filter(([id]) => !pageQs.some((q) => q.id === Number(id))));
  const errors: FieldError[] = [];
  for (const q of pageQs) {
    const read = readAnswer(q, body);
    if (read.error) errors.push({ field: `q${q.id}`, reason: t(read.error.key, read.error.params) });
    else if (read.value !== undefined) answers[q.id] = read.value;
  }
  const visible = visibleQuestionIds(questions, answers);
  const onPage = pageQs.filter((q) => visible.has(q.id));
  const revealed = onPage.some((q) => !shown.has(q.id));
  const seen = onPage.filter((q) => shown.has(q.id) && !errors.some((e) => e.field === `q${q.id}`));
  for (const e of await answerErrors(ctx, seen, answers)) errors.push({ field: `q${e.questionId}`, reason: t(e.error.key, e.error.params) });
  errors.sort((a, b) => pageQs.findIndex((q) => `q${q.id}` === a.field) - pageQs.findIndex((q) => `q${q.id}` === b.field));
  const kept = keepVisible(questions, answers);
  if (errors.length || revealed) {
    return { kind: 'page', view: pageView(questions, kept, pageNo, body, { ...(errors.length ? { errors } : {}), revealed }), status: errors.length ? 400 : 200 };
  }
  const next = nextPage(questions, kept, pageNo);
  if (next === null) return { kind: 'submit', answers: kept };
  return { kind: 'page', view: pageView(questions, kept, next, {}), status: 200 };
}
