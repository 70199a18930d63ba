// Proposals on a map: the located ones among those the list shows (same filters, never hidden or,
// unless asked for, withdrawn), as GeoJSON points, and the colour of each state on the map.
import type { Database } from '../../core/db/database.ts';
import { STATES, type ProposalState } from './model.ts';
import { listWhere, type ProposalFilters } from './queries.ts';
import { pointFeatureCollectionSchema } from '../../core/http/api-schemas.ts';

/** A component with more located proposals than this shows its most supported ones. */
export const MAP_LIMIT = 2000;

/** Marker colours, at least 3:1 against white and Leaflet's grey background (WCAG 1.4.11). */
export const STATE_COLOURS: Record<ProposalState, string> = {
  open: '#0b4f8a',
  under_review: '#8a5a00',
  evaluating: '#5b2a86',
  accepted: '#1e7b34',
  rejected: '#a4161a',
  withdrawn: '#4a4a4a',
};

export interface ProposalPoint {
  id: number;
  title: string;
  state: ProposalState;
  supports: number;
  lat: number;
  lng: number;
}

export async function proposalPoints(db: Pick<Database, 'query'>, componentId: number, f: Omit<ProposalFilters, 'sort'>): Promise<ProposalPoint[]> {
  const { where, params } = listWhere(componentId, f);
  return db.query<ProposalPoint>(
    `select p.id::int as id, p.title, p.state, p.supports_count as supports, ST_Y(p.location) as lat, ST_X(p.location) as lng
     from proposals p where ${where} and p.location is not null
     order by p.supports_count desc, p.id desc limit ${MAP_LIMIT}`,
    params,
  );
}

export const proposalFeatureCollectionSchema = pointFeatureCollectionSchema({
  id: { type: 'integer' },
  title: { type: 'string' },
  state: { type: 'string', enum: [...STATES] },
  supports: { type: 'integer' },
  url: { type: 'string' },
} as const);

export function proposalFeature(p: ProposalPoint) {
  return {
    type: 'Feature' as const,
    id: p.id,
    geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] },
    properties: { id: p.id, title: p.title, state: p.state, supports: p.supports, url: `/proposals/${p.id}` },
  };
}
