// The ballot form as posted (field per control) → a BallotChoice, plus the values to show again
// when the ballot comes back with errors. Format errors (points that are not whole numbers, a gap
// in a ranking) are reported here; everything else is the ballot rules' job.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../core/http/problem.ts';
import type { BudgetConfig } from '../model.ts';
import type { BallotChoice, BallotProblem } from '../ballot/rules.ts';
import type { BallotValues } from '../pages/ballot-form.tsx';
import { formatMoney } from '../pages/format.ts';

export const ballotBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    submission: { type: 'string', maxLength: 100 },
    project: { type: 'array', maxItems: 1000, items: { type: 'string', pattern: '^[0-9]{1,9}$' } },
    number: { type: 'string', maxLength: 60 },
    identifier: { type: 'string', maxLength: 200 },
  },
  patternProperties: {
    '^points_[0-9]{1,9}$': { type: 'string', maxLength: 9 },
    '^rank_[0-9]{1,4}$': { type: 'string', pattern: '^([0-9]{1,9})?$' },
  },
} as const;

export type BallotBody = Record<string, string | string[] | undefined>;

export function parseBallotBody(budget: BudgetConfig, body: BallotBody): { choice: BallotChoice; values: BallotValues; problems: BallotProblem[] } {
  const problems: BallotProblem[] = [];
  const values: BallotValues = { selected: [], points: {}, ranks: [] };
  if (budget.voteType === 'cumulative') {
    const ids: number[] = [];
    const points: number[] = [];
    for (const [key, raw] of Object.entries(body)) {
      const m = /^points_(\d+)$/.exec(key);
      if (!m || typeof raw !== 'string') continue;
      values.points[m[1]!] = raw;
      const s = raw.trim();
      if (s === '' || /^0+$/.test(s)) continue;
      if (!/^\d+$/.test(s)) {
        problems.push({ field: key, key: 'pb.ballot.err.pointsWhole' });
        continue;
      }
      ids.push(Number(m[1]));
      points.push(Number(s));
    }
    return { choice: { projectIds: ids, points }, values, problems };
  }
  if (budget.voteType === 'ordinal') {
    const ranks = Object.entries(body)
      .flatMap(([key, raw]) => {
        const m = /^rank_(\d+)$/.exec(key);
        return m && typeof raw === 'string' ? [{ n: Number(m[1]), value: raw }] : [];
      })
      .sort((a, b) => a.n - b.n);
    const ids: number[] = [];
    let gapAt: number | null = null;
    for (const r of ranks) {
      values.ranks[r.n - 1] = r.value;
      if (r.value === '') {
        gapAt ??= r.n;
        continue;
      }
      if (gapAt !== null) problems.push({ field: `rank_${gapAt}`, key: 'pb.ballot.err.ordinalGap', params: { n: gapAt } });
      ids.push(Number(r.value));
    }
    return { choice: { projectIds: ids, points: null }, values, problems: problems.slice(0, 1) };
  }
  const raw = body.project;
  const ids = (Array.isArray(raw) ? raw : raw ? [raw] : []).map(Number);
  values.selected = ids;
  return { choice: { projectIds: ids, points: null }, values, problems };
}

/** Ballot problems as localized field errors; amounts are written the voter's way. */
export function ballotErrors(req: FastifyRequest, budget: BudgetConfig, problems: BallotProblem[]): FieldError[] {
  return problems.map((p) => {
    const params = { ...(p.params ?? {}) };
    for (const k of ['cost', 'budget'] as const) {
      if (typeof params[k] === 'number') params[k] = formatMoney(req.locale, params[k], budget.currency);
    }
    return { field: p.field, reason: req.t(p.key, params) };
  });
}
