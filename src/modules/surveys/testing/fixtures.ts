// Building surveys for tests straight in the database, and posting survey forms the way a browser
// does (repeated names for checkboxes).
import type { AppContext } from '../../../core/context.ts';
import type { Question } from '../questions.ts';

export type QuestionSpec = Partial<Omit<Question, 'id' | 'position'>> & { kind: Question['kind']; title: string };

export async function makeSurvey(
  ctx: AppContext,
  opts: { mode?: 'signed_in' | 'anonymous_signed_in' | 'open'; status?: 'draft' | 'open' | 'closed'; resultsPublic?: boolean; questions: QuestionSpec[] },
): Promise<{ id: number; questionIds: number[] }> {
  const [s] = await ctx.database.query<{ id: number }>(`insert into surveys (title, status, mode, results_public) values ('Chestionar de test', $1, $2, $3) returning id`, [
    opts.status ?? 'open',
    opts.mode ?? 'signed_in',
    opts.resultsPublic ?? false,
  ]);
  const questionIds: number[] = [];
  for (const [i, q] of opts.questions.entries()) {
    const [row] = await ctx.database.query<{ id: number }>(
      `insert into survey_questions (survey_id, page, position, kind, title, required, choices, rows, settings, condition)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [s!.id, q.page ?? 1, i + 1, q.kind, q.title, q.required ?? false, JSON.stringify(q.choices ?? []), JSON.stringify(q.rows ?? []), JSON.stringify(q.settings ?? {}), q.condition ? JSON.stringify(q.condition) : null],
    );
    questionIds.push(row!.id);
  }
  return { id: s!.id, questionIds };
}

export const choices = (...labels: string[]) => labels.map((label, i) => ({ key: `c${i + 1}`, label }));

/** A url-encoded body with repeated keys for arrays. */
export function formBody(fields: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
}

/** The hidden `_state` a page carries, read back from the HTML. */
export function hiddenValue(html: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no hidden ${name} in page`);
  return m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'");
}
