// Reading and checking answers. `readAnswer` turns a question's form fields into an answer value;
// `checkAnswer` decides whether a value is acceptable for the question. Answers carried between
// pages come back from the browser, so the final submission checks every value again.
import { scalePoints, TEXT_LIMITS, type AnswerValue, type Question } from './questions.ts';

export type FormBody = Record<string, string | string[] | undefined>;
export interface AnswerError {
  key: string;
  params?: Record<string, string | number>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Form field name of a question (and of a matrix row / ranking option / coordinate). */
export const fieldName = (q: { id: number }, suffix?: string) => (suffix ? `q${q.id}_${suffix}` : `q${q.id}`);

function one(v: string | string[] | undefined): string {
  return ((Array.isArray(v) ? v[0] : v) ?? '').trim();
}
function many(v: string | string[] | undefined): string[] {
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter(Boolean);
}
function num(s: string): number | undefined {
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return undefined;
  return Number(s.replace(',', '.'));
}

/** The answer the form carries for `q`; undefined when left empty, `{error}` when unreadable. */
export function readAnswer(q: Question, body: FormBody): { value?: AnswerValue; error?: AnswerError } {
  const name = fieldName(q);
  switch (q.kind) {
    case 'short_text':
    case 'long_text':
    case 'single_choice':
    case 'date': {
      const s = one(body[name]).replace(/\r\n/g, '\n');
      return s ? { value: s } : {};
    }
    case 'multiple_choice': {
      const keys = many(body[name]);
      return keys.length ? { value: keys } : {};
    }
    case 'scale':
    case 'number': {
      const s = one(body[name]);
      if (!s) return {};
      const n = num(s);
      return n === undefined ? { error: { key: q.kind === 'scale' ? 'surveys.err.scale' : 'surveys.err.number' } } : { value: n };
    }
    case 'matrix_single': {
      const out: Record<string, string> = {};
      for (const r of q.rows) {
        const v = one(body[fieldName(q, r.key)]);
        if (v) out[r.key] = v;
      }
      return Object.keys(out).length ? { value: out } : {};
    }
    case 'matrix_multiple': {
      const out: Record<string, string[]> = {};
      for (const r of q.rows) {
        const v = many(body[fieldName(q, r.key)]);
        if (v.length) out[r.key] = v;
      }
      return Object.keys(out).length ? { value: out } : {};
    }
    case 'ranking': {
      const ranks = q.choices.map((c) => ({ key: c.key, rank: one(body[fieldName(q, c.key)]) })).filter((r) => r.rank);
      if (!ranks.length) return {};
      if (ranks.some((r) => !/^\d+$/.test(r.rank))) return { error: { key: 'surveys.err.ranking', params: { count: q.choices.length } } };
      if (ranks.length !== q.choices.length || new Set(ranks.map((r) => r.rank)).size !== ranks.length) {
        return { error: { key: 'surveys.err.ranking', params: { count: q.choices.length } } };
      }
      return { value: ranks.sort((a, b) => Number(a.rank) - Number(b.rank)).map((r) => r.key) };
    }
    case 'map_point': {
      const lat = one(body[fieldName(q, 'lat')]);
      const lng = one(body[fieldName(q, 'lng')]);
      if (!lat && !lng) return {};
      const a = num(lat);
      const b = num(lng);
      if (a === undefined || b === undefined) return { error: { key: 'surveys.err.point' } };
      return { value: { lat: a, lng: b } };
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Null when `value` is an acceptable answer to `q` (undefined = unanswered). */
export function checkAnswer(q: Question, value: AnswerValue | undefined): AnswerError | null {
  if (value === undefined) return q.required ? { key: 'surveys.err.required' } : null;
  const s = q.settings;
  const choiceKeys = new Set(q.choices.map((c) => c.key));
  switch (q.kind) {
    case 'short_text':
    case 'long_text': {
      const max = s.maxLength ?? TEXT_LIMITS[q.kind];
      if (typeof value !== 'string' || !value.trim()) return { key: 'surveys.err.required' };
      return value.length > max ? { key: 'surveys.err.tooLong', params: { max } } : null;
    }
    case 'single_choice':
      return typeof value === 'string' && choiceKeys.has(value) ? null : { key: 'surveys.err.choice' };
    case 'multiple_choice': {
      if (!Array.isArray(value) || !value.length || value.some((k) => typeof k !== 'string' || !choiceKeys.has(k)) || new Set(value).size !== value.length) return { key: 'surveys.err.choice' };
      return s.maxChoices && value.length > s.maxChoices ? { key: 'surveys.err.maxChoices', params: { max: s.maxChoices } } : null;
    }
    case 'scale':
      return typeof value === 'number' && scalePoints(s).includes(value) ? null : { key: 'surveys.err.scale' };
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { key: 'surveys.err.number' };
      if (s.integer && !Number.isInteger(value)) return { key: 'surveys.err.integer' };
      if ((s.numberMin !== undefined && value < s.numberMin) || (s.numberMax !== undefined && value > s.numberMax)) {
        return { key: 'surveys.err.numberRange', params: { min: s.numberMin ?? '−∞', max: s.numberMax ?? '∞' } };
      }
      return null;
    }
    case 'date': {
      if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
        return { key: 'surveys.err.date' };
      }
      if ((s.dateMin && value < s.dateMin) || (s.dateMax && value > s.dateMax)) return { key: 'surveys.err.dateRange', params: { min: s.dateMin ?? '…', max: s.dateMax ?? '…' } };
      return null;
    }
    case 'matrix_single':
    case 'matrix_multiple': {
      if (!isObject(value)) return { key: 'surveys.err.choice' };
      const rowKeys = new Set(q.rows.map((r) => r.key));
      for (const [row, cell] of Object.entries(value)) {
        if (!rowKeys.has(row)) return { key: 'surveys.err.choice' };
        const cells = q.kind === 'matrix_single' ? [cell] : cell;
        if (!Array.isArray(cells) || !cells.length || cells.some((c) => typeof c !== 'string' || !choiceKeys.has(c))) return { key: 'surveys.err.choice' };
        if (new Set(cells).size !== cells.length) return { key: 'surveys.err.choice' };
      }
      if (q.required && q.rows.some((r) => !(r.key in value))) return { key: 'surveys.err.matrixRows' };
      return null;
    }
    case 'ranking': {
      const ok = Array.isArray(value) && value.length === q.choices.length && new Set(value).size === value.length && value.every((k) => typeof k === 'string' && choiceKeys.has(k));
      return ok ? null : { key: 'surveys.err.ranking', params: { count: q.choices.length } };
    }
    case 'map_point': {
      if (!isObject(value) || typeof value.lat !== 'number' || typeof value.lng !== 'number') return { key: 'surveys.err.point' };
      return Math.abs(value.lat) <= 90 && Math.abs(value.lng) <= 180 ? null : { key: 'surveys.err.point' };
    }
  }
}

/** Human-readable text of an answer, for CSV cells and text listings. */
export function answerText(q: Question, value: AnswerValue | undefined): string {
  if (value === undefined || value === null) return '';
  const label = (key: string, list = q.choices) => list.find((c) => c.key === key)?.label ?? key;
  switch (q.kind) {
    case 'single_choice':
      return label(String(value));
    case 'multiple_choice':
      return (value as string[]).map((k) => label(k)).join('; ');
    case 'ranking':
      return (value as string[]).map((k, i) => `${i + 1}. ${label(k)}`).join('; ');
    case 'map_point': {
      const p = value as { lat: number; lng: number };
      return `${p.lat}, ${p.lng}`;
    }
    default:
      return String(value);
  }
}

/** One CSV cell per matrix row: `label(column)` or several joined. */
export function matrixCell(q: Question, value: AnswerValue | undefined, rowKey: string): string {
  if (!isObject(value)) return '';
  const cell = (value as Record<string, string | string[]>)[rowKey];
  if (cell === undefined) return '';
  const label = (k: string) => q.choices.find((c) => c.key === k)?.label ?? k;
  return Array.isArray(cell) ? cell.map(label).join('; ') : label(cell);
}
