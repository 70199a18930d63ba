// Aggregated results per question, computed in SQL over the jsonb answers. Free text and map
// points are listed only when the caller may see individual answers.
import type { AppContext } from '../../core/context.ts';
import { scalePoints, type Question } from './questions.ts';

export interface Bar {
  label: string;
  count: number;
}

export type QuestionResult =
  | { kind: 'bars'; question: Question; answered: number; bars: Bar[]; average?: number }
  | { kind: 'matrix'; question: Question; answered: number; columns: string[]; rows: { label: string; counts: number[] }[] }
  | { kind: 'ranking'; question: Question; answered: number; items: { label: string; averageRank: number | null; first: number }[] }
  | { kind: 'number'; question: Question; answered: number; min: number | null; max: number | null; average: number | null; median: number | null }
  | { kind: 'date'; question: Question; answered: number; earliest: string | null; latest: string | null }
  | { kind: 'text'; question: Question; answered: number; texts: string[] }
  | { kind: 'points'; question: Question; answered: number; points: { lat: number; lng: number }[] };

async function answered(ctx: AppContext, qid: number): Promise<number> {
  const [r] = await ctx.database.query<{ n: number }>('select count(*)::int as n from survey_answers where question_id = $1', [qid]);
  return r?.n ?? 0;
}

async function countsBy(ctx: AppContext, sql: string, qid: number): Promise<Map<string, number>> {
  const rows = await ctx.database.query<{ k: string; n: number }>(sql, [qid]);
  return new Map(rows.map((r) => [r.k, r.n]));
}

export async function questionResult(ctx: AppContext, q: Question, withIndividual: boolean): Promise<QuestionResult> {
  const n = await answered(ctx, q.id);
  switch (q.kind) {
    case 'single_choice':
    case 'multiple_choice': {
      const expr = q.kind === 'single_choice' ? `value #>> '{}'` : `jsonb_array_elements_text(value)`;
      const counts = await countsBy(ctx, `select k, count(*)::int as n from (select ${expr} as k from survey_answers where question_id = $1) x group by k`, q.id);
      return { kind: 'bars', question: q, answered: n, bars: q.choices.map((c) => ({ label: c.label, count: counts.get(c.key) ?? 0 })) };
    }
    case 'scale': {
      const counts = await countsBy(ctx, `select value #>> '{}' as k, count(*)::int as n from survey_answers where question_id = $1 group by 1`, q.id);
      const [avg] = await ctx.database.query<{ a: number | null }>(`select avg((value #>> '{}')::numeric)::float8 as a from survey_answers where question_id = $1`, [q.id]);
      return { kind: 'bars', question: q, answered: n, bars: scalePoints(q.settings).map((p) => ({ label: String(p), count: counts.get(String(p)) ?? 0 })), average: avg?.a ?? undefined };
    }
    case 'matrix_single':
    case 'matrix_multiple': {
      const cell = q.kind === 'matrix_single' ? `e.value #>> '{}'` : `jsonb_array_elements_text(e.value)`;
      const rows = await ctx.database.query<{ r: string; c: string; n: number }>(
        `select r, c, count(*)::int as n from (select e.key as r, ${cell} as c from survey_answers a, jsonb_each(a.value) e where a.question_id = $1) x group by r, c`,
        [q.id],
      );
      const count = (r: string, c: string) => rows.find((x) => x.r === r && x.c === c)?.n ?? 0;
      return { kind: 'matrix', question: q, answered: n, columns: q.choices.map((c) => c.label), rows: q.rows.map((r) => ({ label: r.label, counts: q.choices.map((c) => count(r.key, c.key)) })) };
    }
    case 'ranking': {
      const rows = await ctx.database.query<{ k: string; avg: number; first: number }>(
        `select e.k, avg(e.pos)::float8 as avg, count(*) filter (where e.pos = 1)::int as first
         from survey_answers a, jsonb_array_elements_text(a.value) with ordinality as e(k, pos) where a.question_id = $1 group by e.k`,
        [q.id],
      );
      const items = q.choices.map((c) => {
        const r = rows.find((x) => x.k === c.key);
        return { label: c.label, averageRank: r?.avg ?? null, first: r?.first ?? 0 };
      });
      items.sort((a, b) => (a.averageRank ?? Infinity) - (b.averageRank ?? Infinity));
      return { kind: 'ranking', question: q, answered: n, items };
    }
    case 'number': {
      const [r] = await ctx.database.query<{ min: number | null; max: number | null; avg: number | null; median: number | null }>(
        `select min(v)::float8 as min, max(v)::float8 as max, avg(v)::float8 as avg, percentile_cont(0.5) within group (order by v)::float8 as median
         from (select (value #>> '{}')::numeric as v from survey_answers where question_id = $1) x`,
        [q.id],
      );
      return { kind: 'number', question: q, answered: n, min: r?.min ?? null, max: r?.max ?? null, average: r?.avg ?? null, median: r?.median ?? null };
    }
    case 'date': {
      const [r] = await ctx.database.query<{ earliest: string | null; latest: string | null }>(
        `select min(value #>> '{}') as earliest, max(value #>> '{}') as latest from survey_answers where question_id = $1`,
        [q.id],
      );
      return { kind: 'date', question: q, answered: n, earliest: r?.earliest ?? null, latest: r?.latest ?? null };
    }
    case 'short_text':
    case 'long_text': {
      const texts = withIndividual
        ? (await ctx.database.query<{ t: string }>(`select value #>> '{}' as t from survey_answers where question_id = $1 order by response_id desc limit 100`, [q.id])).map((r) => r.t)
        : [];
      return { kind: 'text', question: q, answered: n, texts };
    }
    case 'map_point': {
      const points = withIndividual
        ? await ctx.database.query<{ lat: number; lng: number }>(
            `select (value->>'lat')::float8 as lat, (value->>'lng')::float8 as lng from survey_answers where question_id = $1 order by response_id desc limit 200`,
            [q.id],
          )
        : [];
      return { kind: 'points', question: q, answered: n, points };
    }
  }
}
