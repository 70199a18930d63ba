// Conditional display, evaluated on the server so a survey works without JavaScript: a question is
// visible when its condition holds on the answers given so far. A question whose source is itself
// hidden is hidden too, so chains collapse together.
import type { Answers, Question } from './questions.ts';

function matches(answer: Answers[number] | undefined, value: string): boolean | undefined {
  if (answer === undefined) return undefined;
  if (Array.isArray(answer)) return answer.includes(value);
  if (typeof answer === 'string' || typeof answer === 'number') return String(answer) === value;
  return undefined;
}

/** Ids of the visible questions, in survey order. */
export function visibleQuestionIds(questions: Question[], answers: Answers): Set<number> {
  const visible = new Set<number>();
  for (const q of ordered(questions)) {
    if (!q.condition) {
      visible.add(q.id);
      continue;
    }
    const { questionId, op, value } = q.condition;
    if (!visible.has(questionId)) continue;
    const m = matches(answers[questionId], value);
    if (m === undefined) continue;
    if ((op === 'is' && m) || (op === 'is_not' && !m)) visible.add(q.id);
  }
  return visible;
}

export function ordered(questions: Question[]): Question[] {
  return [...questions].sort((a, b) => a.page - b.page || a.position - b.position || a.id - b.id);
}

export function pagesOf(questions: Question[]): number[] {
  return [...new Set(questions.map((q) => q.page))].sort((a, b) => a - b);
}

/** The first page after `after` that has a visible question, or null at the end. */
export function nextPage(questions: Question[], answers: Answers, after: number): number | null {
  const visible = visibleQuestionIds(questions, answers);
  for (const p of pagesOf(questions)) if (p > after && questions.some((q) => q.page === p && visible.has(q.id))) return p;
  return null;
}

/** Drops answers to questions that are not visible (a changed earlier answer hid them). */
export function keepVisible(questions: Question[], answers: Answers): Answers {
  const visible = visibleQuestionIds(questions, answers);
  const out: Answers = {};
  for (const [id, v] of Object.entries(answers)) if (visible.has(Number(id))) out[Number(id)] = v;
  return out;
}
