// What a survey question is: its kind, the settings each kind uses, and the shape of an answer.
// Choices, matrix rows and columns carry short stable keys (c1, r2, k3) so answers survive a label
// being corrected.

export const QUESTION_KINDS = [
  'short_text',
  'long_text',
  'single_choice',
  'multiple_choice',
  'scale',
  'matrix_single',
  'matrix_multiple',
  'ranking',
  'number',
  'date',
  'map_point',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface Choice {
  key: string;
  label: string;
}

export interface QuestionSettings {
  maxLength?: number;
  maxChoices?: number;
  scaleMin?: number;
  scaleMax?: number;
  minLabel?: string;
  maxLabel?: string;
  numberMin?: number;
  numberMax?: number;
  integer?: boolean;
  dateMin?: string;
  dateMax?: string;
}

/** Show the question only when an earlier question was answered `value` (is) or something else (is_not). */
export interface Condition {
  questionId: number;
  op: 'is' | 'is_not';
  value: string;
}

export interface Question {
  id: number;
  page: number;
  position: number;
  kind: QuestionKind;
  title: string;
  help: string;
  required: boolean;
  choices: Choice[];
  rows: Choice[];
  settings: QuestionSettings;
  condition: Condition | null;
}

export type AnswerValue = string | number | string[] | Record<string, string> | Record<string, string[]> | { lat: number; lng: number };

export type Answers = Record<number, AnswerValue>;

export const hasChoices = (k: QuestionKind) => k === 'single_choice' || k === 'multiple_choice' || k === 'ranking' || k === 'matrix_single' || k === 'matrix_multiple';
export const isMatrix = (k: QuestionKind) => k === 'matrix_single' || k === 'matrix_multiple';
/** Kinds another question's condition may depend on. */
export const isConditionSource = (k: QuestionKind) => k === 'single_choice' || k === 'multiple_choice' || k === 'scale';

export const TEXT_LIMITS = { short_text: 200, long_text: 4000 } as const;
export const MAX_CHOICES = 30;

/** Turns lines of text into keyed choices, keeping the key of a label that already existed. */
export function keyedChoices(lines: string[], previous: Choice[], prefix: 'c' | 'r'): Choice[] {
  const used = new Set<string>();
  let next = previous.reduce((m, c) => Math.max(m, Number(c.key.slice(1)) || 0), 0);
  const out: Choice[] = [];
  for (const raw of lines) {
    const label = raw.trim();
    if (!label || out.some((c) => c.label === label)) continue;
    const kept = previous.find((c) => c.label === label && !used.has(c.key));
    const key = kept ? kept.key : `${prefix}${++next}`;
    used.add(key);
    out.push({ key, label });
  }
  return out;
}

/** The scale's points, e.g. 1..5. */
export function scalePoints(s: QuestionSettings): number[] {
  const min = s.scaleMin ?? 1;
  const max = s.scaleMax ?? 5;
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}
