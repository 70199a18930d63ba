// The map API's query: reports inside a bounding box, clustered on a grid when zoomed out so the
// whole city stays one small response even with a million reports.
import type { AppContext } from '../../core/context.ts';
import type { Locale } from '../../core/config/config.ts';
import { whereFor, type ReportFilters } from './queries.ts';

export type BBox = [number, number, number, number];

export interface MapFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { cluster: true; count: number } | { cluster: false; id: number; status: string; category: string };
}

/** Zoom levels at or above this return individual reports. */
export const CLUSTER_BELOW_ZOOM = 16;

export async function mapFeatures(ctx: AppContext, locale: Locale, bbox: BBox, zoom: number, f: ReportFilters, limit = 2000): Promise<MapFeature[]> {
  const params: unknown[] = [bbox[0], bbox[1], bbox[2], bbox[3]];
  const where = `${whereFor(f, params)} and r.location && ST_MakeEnvelope($1, $2, $3, $4, 4326)`;
  const name = { ro: 'name_ro', en: 'name_en', hu: 'name_hu' }[locale];
  if (zoom >= CLUSTER_BELOW_ZOOM) {
    const rows = await ctx.database.query<{ id: number; status: string; category: string; lng: number; lat: number }>(
      `select r.id::int as id, r.status, c.${name} as category, ST_X(r.location) as lng, ST_Y(r.location) as lat
       from reports r join categories c on c.id = r.category_id where ${where} order by r.created_at desc limit ${limit}`,
      params,
    );
    return rows.map((r) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [r.lng, r.lat] }, properties: { cluster: false, id: r.id, status: r.status, category: r.category } }));
  }
  // ~64 px cells on 256 px tiles.
  const cell = 360 / 2 ** zoom / 4;
  params.push(cell);
  const rows = await ctx.database.query<{ n: number; lng: number; lat: number; id: number | null; status: string | null; category: string | null }>(
    `select count(*)::int as n, avg(ST_X(r.location)) as lng, avg(ST_Y(r.location)) as lat,
            case when count(*) = 1 then min(r.id)::int end as id, case when count(*) = 1 then min(r.status) end as status,
            case when count(*) = 1 then min(c.${name}) end as category
     from reports r join categories c on c.id = r.category_id where ${where}
     group by floor(ST_X(r.location) / $${params.length}), floor(ST_Y(r.location) / $${params.length}) limit ${limit}`,
    params,
  );
  return rows.map((r) =>
    r.n === 1 && r.id !== null
      ? { type: 'Feature', geometry: { type: 'Point', coordinates: [r.lng, r.lat] }, properties: { cluster: false, id: r.id, status: r.status!, category: r.category! } }
      : { type: 'Feature', geometry: { type: 'Point', coordinates: [r.lng, r.lat] }, properties: { cluster: true, count: r.n } },
  );
}
