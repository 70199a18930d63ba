// Participatory budgets as open data: the projects of every edition the public may see (`pb.view`:
// never a draft), with status and cost, and once results are computed the votes (score) and
// whether the project was selected.
import type { AppContext } from '../../core/context.ts';
import type { OpenDataExport } from '../../core/modules/manifest.ts';
import { ANONYMOUS } from '../../core/auth/actor.ts';
import { defineMessages } from '../../core/i18n/catalog.ts';
import { csvChunks, jsonArrayChunks, onePage } from '../../core/open-data/encode.ts';
import { budgetPolicy } from './policy.ts';
import { editionView, listEditions, resultsView } from './queries.ts';
import type { Phase, ProjectStatus } from './model.ts';

interface OpenProject {
  editionId: number;
  edition: string;
  phase: Phase;
  budgetId: number;
  budget: string;
  projectId: number;
  title: string;
  status: ProjectStatus;
  cost: number;
  district: string | null;
  category: string | null;
  votes: number | null;
  selected: boolean | null;
}

async function publicProjects(ctx: AppContext): Promise<OpenProject[]> {
  const out: OpenProject[] = [];
  for (const summary of await listEditions(ctx, { drafts: false })) {
    const edition = await editionView(ctx, summary.id);
    if (!edition || !budgetPolicy.can(ANONYMOUS, 'pb.view', { phase: edition.phase })) continue;
    for (const budget of edition.budgets) {
      const results = budget.hasResults ? await resultsView(ctx, budget) : undefined;
      const scored = new Map(results?.projects.map((p) => [p.projectId, p]) ?? []);
      for (const p of edition.projects.filter((x) => x.budgetId === budget.id)) {
        const r = scored.get(p.id);
        out.push({
          editionId: edition.id, edition: edition.title, phase: edition.phase, budgetId: budget.id, budget: budget.name,
          projectId: p.id, title: p.title, status: p.status, cost: p.cost, district: p.district, category: p.category,
          votes: r ? r.score : null, selected: results ? (r?.selected ?? false) : null,
        });
      }
    }
  }
  return out;
}

async function lastChange(ctx: AppContext): Promise<string | null> {
  const [r] = await ctx.database.query<{ at: string | null }>(
    `select to_char(max(greatest(e.updated_at, r.computed_at)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at
     from pb_editions e left join pb_budgets b on b.edition_id = e.id left join pb_results r on r.budget_id = b.id where e.phase <> 'draft'`,
  );
  return r?.at ?? null;
}

export const budgetsOpenData: OpenDataExport = {
  id: 'budget-projects',
  title: 'pb.openData.title',
  description: 'pb.openData.description',
  formats: ['csv', 'json'],
  modified: lastChange,
  async produce(ctx, format) {
    const base = ctx.config.baseUrl;
    const rows = await publicProjects(ctx);
    if (format === 'csv') {
      return csvChunks(
        ['edition_id', 'edition', 'phase', 'budget_id', 'budget', 'project_id', 'title', 'status', 'cost', 'district', 'category', 'votes', 'selected', 'url'],
        onePage(rows.map((p) => [p.editionId, p.edition, p.phase, p.budgetId, p.budget, p.projectId, p.title, p.status, p.cost, p.district, p.category, p.votes, p.selected, `${base}/budgets/projects/${p.projectId}`])),
      );
    }
    return jsonArrayChunks(onePage(rows.map((p) => ({ ...p, url: `${base}/budgets/projects/${p.projectId}` }))));
  },
};

export const budgetsOpenDataMessages = defineMessages({
  ro: {
    'pb.openData.title': 'Proiectele bugetelor participative',
    'pb.openData.description': 'Proiectele fiecărei ediții publicate: buget, stare, cost, cartier, categorie și, după calcularea rezultatelor, voturile și dacă proiectul a fost selectat.',
  },
  en: {
    'pb.openData.title': 'Participatory budget projects',
    'pb.openData.description': 'The projects of every published edition: budget, status, cost, district, category and, once results are computed, the votes and whether the project was selected.',
  },
  hu: {
    'pb.openData.title': 'A részvételi költségvetések projektjei',
    'pb.openData.description': 'Minden közzétett kiírás projektjei: költségvetés, állapot, költség, kerület, kategória és az eredmények kiszámítása után a szavazatok, valamint hogy a projektet kiválasztották-e.',
  },
});
