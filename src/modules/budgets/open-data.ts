// Participatory budgets as open data: the projects of every edition the public may see (`pb.view`:
// never a draft), with status and cost, and once results are computed the votes (score) and
// whether the project was selected.
import type { AppContext } from '../../core/context.ts';
import type { OpenDataExport, OpenDataVersion } from '../../core/modules/manifest.ts';
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

/**
 * The file's newest change across editions, projects and results (small tables). Budget and
 * category names carry no timestamp, so a digest of them joins the project count (a deleted
 * project) in the tag.
 */
async function lastChange(ctx: AppContext): Promise<OpenDataVersion | null> {
  const [r] = await ctx.database.query<{ at: string | null; tag: string }>(
    `with pub as (select id, updated_at from pb_editions where phase <> 'draft'),
          proj as (select p.updated_at from pb_projects p join pb_budgets b on b.id = p.budget_id where b.edition_id in (select id from pub))
     select to_char(greatest((select max(updated_at) from pub), (select max(updated_at) from proj),
                             (select max(r.computed_at) from pb_results r join pb_budgets b on b.id = r.budget_id where b.edition_id in (select id from pub)))
                    at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
            (select count(*) from proj)::text || '.' ||
            md5(coalesce((select string_agg(id || ':' || name, ',' order by id) from pb_budgets), '') || '|' ||
                coalesce((select string_agg(id || ':' || name, ',' order by id) from pb_categories), '')) as tag`,
  );
  return r?.at ? { at: r.at, tag: r.tag } : null;
}

export const budgetsOpenData: OpenDataExport = {
  id: 'budget-projects',
  title: 'pb.openData.title',
  description: 'pb.openData.description',
  formats: ['csv', 'json'],
  lastModified: lastChange,
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
