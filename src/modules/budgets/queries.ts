// Read models for the pages. Rows are turned into view shapes here; pages never see SQL rows.
import type { AppContext } from '../../core/context.ts';
import { editionBudgets, loadEdition, type EditionCore } from './budget-config.ts';
import type { BudgetConfig, DatedPhase, Phase, ProjectStatus } from './model.ts';
import type { ResultProject } from './commands/results.ts';

export interface EditionSummary {
  id: number;
  title: string;
  phase: Phase;
  budgets: number;
  projects: number;
  source: 'local' | 'pabulib';
}

/** Newest first; drafts only when asked (admin lists and those the policy lets see drafts). */
export async function listEditions(ctx: AppContext, opts: { drafts: boolean }): Promise<EditionSummary[]> {
  return ctx.database.query<EditionSummary>(
    `select e.id, e.title, e.phase, e.source,
            (select count(*)::int from pb_budgets b where b.edition_id = e.id) as budgets,
            (select count(*)::int from pb_projects p join pb_budgets b on b.id = p.budget_id where b.edition_id = e.id) as projects
     from pb_editions e where $1 or e.phase <> 'draft' order by e.created_at desc, e.id desc limit 200`,
    [opts.drafts],
  );
}

export interface PhaseDates {
  phase: DatedPhase;
  starts: string | null;
  ends: string | null;
}

export interface ProjectCard {
  id: number;
  budgetId: number;
  title: string;
  cost: number;
  status: ProjectStatus;
  district: string | null;
  category: string | null;
}

export interface EditionView extends EditionCore {
  phases: PhaseDates[];
  budgets: (BudgetConfig & { hasResults: boolean })[];
  categories: { id: number; name: string }[];
  projects: ProjectCard[];
}

const dateText = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export async function editionView(ctx: AppContext, id: number): Promise<EditionView | undefined> {
  const edition = await loadEdition(ctx.database, id);
  if (!edition) return undefined;
  const phases = await ctx.database.query<{ phase: DatedPhase; starts_on: Date | string | null; ends_on: Date | string | null }>(
    `select phase, starts_on, ends_on from pb_edition_phases where edition_id = $1
     order by array_position(array['submission','review','voting','results','implementation'], phase)`,
    [id],
  );
  const budgets = await editionBudgets(ctx.database, id);
  const withResults = new Set((await ctx.database.query<{ budget_id: number }>('select r.budget_id from pb_results r join pb_budgets b on b.id = r.budget_id where b.edition_id = $1', [id])).map((r) => r.budget_id));
  const categories = await ctx.database.query<{ id: number; name: string }>('select id, name from pb_categories where edition_id = $1 order by name', [id]);
  const projects = await ctx.database.query<{ id: number; budget_id: number; title: string; cost: number; status: ProjectStatus; district: string | null; category: string | null }>(
    `select p.id, p.budget_id, p.title, coalesce(p.adjusted_cost, p.cost)::float8 as cost, p.status, a.name as district, c.name as category
     from pb_projects p join pb_budgets b on b.id = p.budget_id left join areas a on a.id = p.area_id left join pb_categories c on c.id = p.category_id
     where b.edition_id = $1 order by p.position nulls last, p.id limit 1000`,
    [id],
  );
  return {
    ...edition,
    phases: phases.map((p) => ({ phase: p.phase, starts: dateText(p.starts_on), ends: dateText(p.ends_on) })),
    budgets: budgets.map((b) => ({ ...b, hasResults: withResults.has(b.id) })),
    categories,
    projects: projects.map((p) => ({ id: p.id, budgetId: p.budget_id, title: p.title, cost: p.cost, status: p.status, district: p.district, category: p.category })),
  };
}

/** The phase of a project's edition, for routes that must not reveal a draft's projects. */
export async function projectPhase(ctx: AppContext, projectId: number): Promise<{ phase: Phase } | undefined> {
  const [r] = await ctx.database.query<{ phase: Phase }>(
    'select e.phase from pb_projects p join pb_budgets b on b.id = p.budget_id join pb_editions e on e.id = b.edition_id where p.id = $1',
    [projectId],
  );
  return r;
}

export interface ProjectView {
  id: number;
  editionId: number;
  editionTitle: string;
  phase: Phase;
  budgetId: number;
  budgetName: string;
  currency: string;
  title: string;
  description: string;
  cost: number;
  adjustedCost: number | null;
  status: ProjectStatus;
  statusReason: string | null;
  district: string | null;
  category: string | null;
  lat: number | null;
  lng: number | null;
  authorName: string | null;
  authorId: string | null;
  photos: { id: number; stage: 'proposal' | 'implementation' }[];
  progress: number;
  spent: number | null;
  implementationNote: string | null;
  comments: { author: string; body: string; at: string }[];
}

export async function projectView(ctx: AppContext, id: number): Promise<ProjectView | undefined> {
  const [p] = await ctx.database.query<{
    id: number; edition_id: number; edition_title: string; phase: Phase; budget_id: number; budget_name: string; currency: string; title: string; description: string;
    cost: number; adjusted_cost: number | null; status: ProjectStatus; status_reason: string | null; district: string | null; category: string | null;
    lat: number | null; lng: number | null; author: string | null; author_id: string | null; progress: number; spent: number | null; implementation_note: string | null;
  }>(
    `select p.id, e.id as edition_id, e.title as edition_title, e.phase, b.id as budget_id, b.name as budget_name, b.currency, p.title, p.description,
            p.cost::float8 as cost, p.adjusted_cost::float8 as adjusted_cost, p.status, p.status_reason, a.name as district, c.name as category,
            ST_Y(p.location) as lat, ST_X(p.location) as lng, u.display_name as author, p.author_id, p.progress, p.spent::float8 as spent, p.implementation_note
     from pb_projects p join pb_budgets b on b.id = p.budget_id join pb_editions e on e.id = b.edition_id
     left join areas a on a.id = p.area_id left join pb_categories c on c.id = p.category_id left join users u on u.id = p.author_id and u.erased_at is null
     where p.id = $1`,
    [id],
  );
  if (!p) return undefined;
  const comments = await ctx.database.query<{ author: string | null; body: string; created_at: Date | string }>(
    `select u.display_name as author, c.body, c.created_at from pb_comments c left join users u on u.id = c.author_id and u.erased_at is null
     where c.project_id = $1 and c.hidden_at is null order by c.created_at, c.id limit 500`,
    [id],
  );
  const photos = await ctx.database.query<{ id: string; stage: 'proposal' | 'implementation' }>('select id, stage from pb_project_photos where project_id = $1 order by id', [id]);
  return {
    id: p.id, editionId: p.edition_id, editionTitle: p.edition_title, phase: p.phase, budgetId: p.budget_id, budgetName: p.budget_name, currency: p.currency,
    title: p.title, description: p.description, cost: p.cost, adjustedCost: p.adjusted_cost, status: p.status, statusReason: p.status_reason,
    district: p.district, category: p.category, lat: p.lat, lng: p.lng, authorName: p.author, authorId: p.author_id,
    photos: photos.map((ph) => ({ id: Number(ph.id), stage: ph.stage })), progress: p.progress, spent: p.spent,
    implementationNote: p.implementation_note,
    comments: comments.map((c) => ({ author: c.author ?? '', body: c.body, at: new Date(c.created_at).toISOString() })),
  };
}

export interface ResultsView {
  budget: BudgetConfig;
  editionId: number;
  editionTitle: string;
  phase: Phase;
  rule: string;
  voters: number;
  spent: number;
  computedAt: string;
  tieBroken: boolean;
  projects: (ResultProject & { title: string; lat: number | null; lng: number | null; status: ProjectStatus })[];
}

export async function resultsView(ctx: AppContext, budget: BudgetConfig): Promise<ResultsView | undefined> {
  const [r] = await ctx.database.query<{ rule: string; voters: number; spent: number; computed_at: Date | string; tie_broken: boolean; projects: ResultProject[]; edition_title: string; phase: Phase }>(
    `select r.rule, r.voters, r.spent::float8 as spent, r.computed_at, r.tie_broken, r.projects, e.title as edition_title, e.phase
     from pb_results r join pb_budgets b on b.id = r.budget_id join pb_editions e on e.id = b.edition_id where r.budget_id = $1`,
    [budget.id],
  );
  if (!r) return undefined;
  const info = new Map(
    (await ctx.database.query<{ id: number; title: string; lat: number | null; lng: number | null; status: ProjectStatus }>(
      'select id, title, ST_Y(location) as lat, ST_X(location) as lng, status from pb_projects where budget_id = $1',
      [budget.id],
    )).map((p) => [p.id, p]),
  );
  const projects = r.projects
    .filter((p) => info.has(p.projectId))
    .map((p) => ({ ...p, title: info.get(p.projectId)!.title, lat: info.get(p.projectId)!.lat, lng: info.get(p.projectId)!.lng, status: info.get(p.projectId)!.status }))
    .sort((a, b) => b.score - a.score || (a.order ?? Infinity) - (b.order ?? Infinity));
  return {
    budget, editionId: budget.editionId, editionTitle: r.edition_title, phase: r.phase, rule: r.rule, voters: r.voters, spent: r.spent,
    computedAt: new Date(r.computed_at).toISOString(), tieBroken: r.tie_broken, projects,
  };
}
