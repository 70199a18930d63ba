// Budget projects on a map: the located projects of an edition the public may see as candidates
// (never rejected ones; from voting on, only those that were on the ballot), with the winners marked.
import type { Database } from '../../core/db/database.ts';
import { ON_BALLOT, PROJECT_STATUSES, type Phase, type ProjectStatus } from './model.ts';
import { pointFeatureCollectionSchema } from '../../core/http/api-schemas.ts';

type Q = Pick<Database, 'query'>;

/** Marker colours, at least 3:1 against white and Leaflet's grey background (WCAG 1.4.11). */
export const STATUS_COLOURS: Record<ProjectStatus, string> = {
  submitted: '#4a4a4a',
  accepted: '#0b4f8a',
  rejected: '#a4161a',
  selected: '#1e7b34',
  implemented: '#5b2a86',
};

/** Funded projects: drawn with a check mark as well as their colour. */
export const WINNING: readonly ProjectStatus[] = ['selected', 'implemented'];

/** Which projects an edition in this phase shows on its map. */
export function mapStatuses(phase: Phase): readonly ProjectStatus[] {
  return phase === 'draft' || phase === 'submission' || phase === 'review' ? ['submitted', ...ON_BALLOT] : ON_BALLOT;
}

/** What the legend explains: no winners before the results, no candidates after the review. */
export function legendStatuses(phase: Phase): readonly ProjectStatus[] {
  return mapStatuses(phase).filter((s) => phase === 'results' || phase === 'implementation' || !WINNING.includes(s));
}

export interface ProjectPoint {
  id: number;
  budgetId: number;
  title: string;
  status: ProjectStatus;
  cost: number;
  lat: number;
  lng: number;
}

const WHERE = `b.edition_id = $1 and ($2::int is null or p.budget_id = $2) and p.status = any($3::text[]) and p.location is not null`;

export async function projectPoints(db: Q, editionId: number, phase: Phase, budgetId: number | null): Promise<ProjectPoint[]> {
  return db.query<ProjectPoint>(
    `select p.id, p.budget_id as "budgetId", p.title, p.status, coalesce(p.adjusted_cost, p.cost)::float8 as cost, ST_Y(p.location) as lat, ST_X(p.location) as lng
     from pb_projects p join pb_budgets b on b.id = p.budget_id
     where ${WHERE} order by p.position nulls last, p.id limit 5000`,
    [editionId, budgetId, mapStatuses(phase)],
  );
}

/** Whether the edition has anything to put on a map (the page leaves the map out otherwise). */
export async function hasLocatedProjects(db: Q, editionId: number, phase: Phase): Promise<boolean> {
  const [r] = await db.query<{ any: boolean }>(`select exists(select 1 from pb_projects p join pb_budgets b on b.id = p.budget_id where ${WHERE}) as any`, [editionId, null, mapStatuses(phase)]);
  return r?.any ?? false;
}

export const projectFeatureCollectionSchema = pointFeatureCollectionSchema({
  id: { type: 'integer' },
  budgetId: { type: 'integer' },
  title: { type: 'string' },
  status: { type: 'string', enum: [...PROJECT_STATUSES] },
  selected: { type: 'boolean', description: 'Funded by the results (selected, or already implemented)' },
  cost: { type: 'number' },
  url: { type: 'string' },
} as const);

export function projectFeature(p: ProjectPoint) {
  return {
    type: 'Feature' as const,
    id: p.id,
    geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] },
    properties: { id: p.id, budgetId: p.budgetId, title: p.title, status: p.status, selected: WINNING.includes(p.status), cost: p.cost, url: `/budgets/projects/${p.id}` },
  };
}
