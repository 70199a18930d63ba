// Results: the page, and the downloads (CSV, JSON through the API, Pabulib .pb).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { problem, problemSchema, sendProblem } from '../../../core/http/problem.ts';
import { loadBudget, loadEdition } from '../budget-config.ts';
import type { BudgetConfig } from '../model.ts';
import { budgetPolicy } from '../policy.ts';
import { resultsView, type ResultsView } from '../queries.ts';
import { budgetElection, type ExportContext } from '../election.ts';
import { serializePb } from '../pabulib/serialize.ts';
import { hasMap, ResultsPage } from '../pages/results-page.tsx';
import { FEATURE_MAP_ISLAND, FEATURE_MAP_STYLES } from '../../../core/ui/feature-map.tsx';
import { forbidden, idParams, visibleTo } from './common.tsx';

function csvCell(v: string | number | boolean | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function resultsCsv(r: ResultsView): string {
  const rows = [['project_id', 'title', 'cost', 'score', 'selected', 'funding_order', 'status']];
  for (const p of r.projects) rows.push([String(p.projectId), p.title, String(p.cost), String(p.score), p.selected ? '1' : '0', p.order === null ? '' : String(p.order), p.status]);
  // The BOM lets spreadsheet programs read Romanian letters as UTF-8.
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function resultsJson(r: ResultsView) {
  return {
    budget: { id: r.budget.id, name: r.budget.name, amount: r.budget.amount, currency: r.budget.currency, voteType: r.budget.voteType, district: r.budget.areaName },
    edition: { id: r.editionId, title: r.editionTitle },
    rule: r.rule,
    voters: r.voters,
    spent: r.spent,
    computedAt: r.computedAt,
    tieBrokenByOrder: r.tieBroken,
    projects: r.projects.map((p) => ({ id: p.projectId, title: p.title, cost: p.cost, score: p.score, selected: p.selected, fundingOrder: p.order })),
  };
}

const projectSchema = {
  type: 'object',
  properties: { id: { type: 'integer' }, title: { type: 'string' }, cost: { type: 'number' }, score: { type: 'number' }, selected: { type: 'boolean' }, fundingOrder: { type: ['integer', 'null'] } },
} as const;

const resultsSchema = {
  type: 'object',
  properties: {
    budget: {
      type: 'object',
      properties: { id: { type: 'integer' }, name: { type: 'string' }, amount: { type: 'number' }, currency: { type: 'string' }, voteType: { type: 'string' }, district: { type: ['string', 'null'] } },
    },
    edition: { type: 'object', properties: { id: { type: 'integer' }, title: { type: 'string' } } },
    rule: { type: 'string' },
    voters: { type: 'integer' },
    spent: { type: 'number' },
    computedAt: { type: 'string', format: 'date-time' },
    tieBrokenByOrder: { type: 'boolean' },
    projects: { type: 'array', items: projectSchema },
  },
} as const;

export async function exportContext(ctx: AppContext, budget: BudgetConfig): Promise<ExportContext> {
  const edition = (await loadEdition(ctx.database, budget.editionId))!;
  const [dates] = await ctx.database.query<{ starts: string | null; ends: string | null }>(
    `select to_char(starts_on, 'YYYY-MM-DD') as starts, to_char(ends_on, 'YYYY-MM-DD') as ends from pb_edition_phases where edition_id = $1 and phase = 'voting'`,
    [budget.editionId],
  );
  const [res] = await ctx.database.query<{ projects: { projectId: number; selected: boolean }[] }>('select projects from pb_results where budget_id = $1', [budget.id]);
  return {
    cityName: (await ctx.settings.city()).name,
    editionTitle: edition.title,
    votingDates: { starts: dates?.starts ?? null, ends: dates?.ends ?? null },
    selected: res ? new Set(res.projects.filter((p) => p.selected).map((p) => p.projectId)) : null,
  };
}

/** The budget as a `.pb` file; for an imported budget, the file it came from. */
export async function exportPb(ctx: AppContext, budget: BudgetConfig): Promise<string> {
  const { election } = await budgetElection(ctx.database, budget, await exportContext(ctx, budget));
  return serializePb(election);
}

export function registerResultsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const withResults = async (req: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply) => {
    const budget = await loadBudget(ctx.database, req.params.id);
    const results = budget && (await resultsView(ctx, budget));
    if (!visibleTo(req.actor, results)) return { done: reply.callNotFound() };
    return { results };
  };

  app.get<{ Params: { id: number } }>('/budgets/results/:id', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const r = await withResults(req, reply);
    if ('done' in r) return r.done;
    return reply.page(
      req.t('pb.results.title', { budget: r.results.budget.name }),
      <ResultsPage page={await req.pageContext()} results={r.results} />,
      hasMap(r.results) ? { islands: [FEATURE_MAP_ISLAND], styles: FEATURE_MAP_STYLES } : {},
    );
  });

  app.get<{ Params: { id: number } }>('/budgets/results/:id.csv', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const r = await withResults(req, reply);
    if ('done' in r) return r.done;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="budget-${r.results.budget.id}-results.csv"`)
      .send(resultsCsv(r.results));
  });

  app.get<{ Params: { id: number } }>('/budgets/results/:id.pb', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const budget = await loadBudget(ctx.database, req.params.id);
    const edition = budget && (await loadEdition(ctx.database, budget.editionId));
    if (!budget || !visibleTo(req.actor, edition)) return reply.callNotFound();
    const [res] = await ctx.database.query('select 1 from pb_results where budget_id = $1', [budget.id]);
    if (!budgetPolicy.can(req.actor, 'pb.export', { phase: edition.phase, hasResults: !!res })) {
      if (req.actor.kind === 'anonymous') return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
      return forbidden(req, reply);
    }
    return reply
      .type('text/plain; charset=utf-8')
      .header('content-disposition', `attachment; filename="budget-${budget.id}.pb"`)
      .header('cache-control', 'no-store')
      .send(await exportPb(ctx, budget));
  });

  app.get<{ Params: { id: number } }>(
    '/api/v1/pb/budgets/:id/results',
    {
      schema: {
        tags: ['participatory budgeting'],
        summary: 'Results of a participatory budget: winners, scores, costs and the money spent',
        params: idParams,
        response: { 200: resultsSchema, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const budget = await loadBudget(ctx.database, req.params.id);
      const results = budget && (await resultsView(ctx, budget));
      if (!visibleTo(req.actor, results)) return sendProblem(reply, problem(404, 'not-found', 'Not found', 'This budget does not exist or has no results yet.'));
      return resultsJson(results);
    },
  );
}
