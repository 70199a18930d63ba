// The map API's query: reports inside a bounding box, as individual markers when few, otherwise as
// clusters read from report_map_cells (kept by triggers, migration 004), so the whole city stays one
// small, fast response even with a million reports.
import type { AppContext } from '../../core/context.ts';
import type { Locale } from '../../core/config/config.ts';
import { whereFor, type ReportFilters } from './queries.ts';

export type BBox = [number, number, number, number];

export interface MapFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { cluster: true; count: number } | { cluster: false; id: number; status: string; category: string };
}

/** Zoom levels at or above this return individual reports, when the view holds at most POINTS_MAX. */
export const CLUSTER_BELOW_ZOOM = 16;
/** More markers than this help nobody (and weigh ~200 B each): a dense view is clustered at any zoom. */
export const POINTS_MAX = 1000;
/** The grid levels report_map_cells keeps; a cell of level L is 90/2^L degrees, ~64 px at zoom L. */
export const CELL_LEVELS = [10, 12, 14, 16] as const;
const FINEST = 16;
/** Clusters of one report are shown as that report; beyond this many, they stay clusters of 1. */
const SINGLES_MAX = 500;
/** A bounding box far larger than the screen (a client asking for the whole country at zoom 17). */
const CLUSTERS_MAX = 5000;
const OPEN = `('new','acknowledged','in_progress','planned')`;

export const cellOf = (deg: number, level: number): number => Math.floor((deg * 2 ** level) / 90);
const nameCol = (locale: Locale) => ({ ro: 'name_ro', en: 'name_en', hu: 'name_hu' })[locale];

const point = (lng: number, lat: number) => ({ type: 'Point' as const, coordinates: [lng, lat] as [number, number] });

export async function mapFeatures(ctx: AppContext, locale: Locale, bbox: BBox, zoom: number, f: ReportFilters): Promise<MapFeature[]> {
  if (zoom >= CLUSTER_BELOW_ZOOM) {
    const inView = await countInView(ctx, bbox, f);
    if (inView <= POINTS_MAX) return points(ctx, locale, bbox, f);
    return clusters(ctx, locale, bbox, FINEST, 0, f);
  }
  const level: number = CELL_LEVELS.find((l) => l >= zoom) ?? FINEST;
  return clusters(ctx, locale, bbox, level, level - zoom, f);
}

/** Conditions on report_map_cells `m` for the public filters the map offers, cells of `level` in the box. */
function cellWhere(f: ReportFilters, bbox: BBox, level: number, params: unknown[]): string {
  const w = [
    `m.level = ${level}`,
    columnsWhere(cellOf(bbox[0], level), cellOf(bbox[2], level), params),
    `m.cy between ${cellOf(bbox[1], level)} and ${cellOf(bbox[3], level)}`,
    'm.n <> 0',
    f.category ? `m.category_id = (select id from categories where code = $${params.push(f.category)})` : 'm.category_id = 0',
  ];
  if (f.status === 'open') w.push(`m.status in ${OPEN}`);
  else if (f.status) w.push(`m.status = $${params.push(f.status)}`);
  if (f.district) w.push(`m.district_id = $${params.push(f.district)}`);
  return w.join(' and ');
}

/**
 * The view's columns as a list: the primary key (level, category, cx, cy, …) is then searched once
 * per column within the cy range, instead of reading every row of the city between the two edges
 * (45,000 index entries → 2,800 for a zoom-17 view at 1,000,000 reports).
 */
function columnsWhere(x0: number, x1: number, params: unknown[]): string {
  if (x1 - x0 > 512) return `m.cx between ${x0} and ${x1}`;
  return `m.cx = any($${params.push(Array.from({ length: x1 - x0 + 1 }, (_, i) => x0 + i))}::int[])`;
}

async function countInView(ctx: AppContext, bbox: BBox, f: ReportFilters): Promise<number> {
  const params: unknown[] = [];
  const level = FINEST;
  const [row] = await ctx.database.query<{ n: number }>(`select coalesce(sum(m.n), 0)::int as n from report_map_cells_live m where ${cellWhere(f, bbox, level, params)}`, params);
  return row?.n ?? 0;
}

async function points(ctx: AppContext, locale: Locale, bbox: BBox, f: ReportFilters): Promise<MapFeature[]> {
  const params: unknown[] = [bbox[0], bbox[1], bbox[2], bbox[3]];
  const where = `${whereFor(f, params)} and r.location && ST_MakeEnvelope($1, $2, $3, $4, 4326)`;
  const rows = await ctx.database.query<{ id: number; status: string; category: string; lng: number; lat: number }>(
    `select r.id::int as id, r.status, c.${nameCol(locale)} as category, ST_X(r.location) as lng, ST_Y(r.location) as lat
     from reports r join categories c on c.id = r.category_id where ${where} order by r.created_at desc limit ${POINTS_MAX}`,
    params,
  );
  return rows.map((r) => ({ type: 'Feature', geometry: point(r.lng, r.lat), properties: { cluster: false, id: r.id, status: r.status, category: r.category } }));
}

async function clusters(ctx: AppContext, locale: Locale, bbox: BBox, level: number, shift: number, f: ReportFilters): Promise<MapFeature[]> {
  const params: unknown[] = [];
  const rows = await ctx.database.query<{ n: number; lng: number; lat: number }>(
    `select sum(m.n)::int as n, sum(m.sum_lng) / sum(m.n) as lng, sum(m.sum_lat) / sum(m.n) as lat
     from report_map_cells_live m where ${cellWhere(f, bbox, level, params)}
     group by m.cx >> ${shift}, m.cy >> ${shift} having sum(m.n) > 0 limit ${CLUSTERS_MAX}`,
    params,
  );
  const features: MapFeature[] = rows.map((r) => ({ type: 'Feature', geometry: point(r.lng, r.lat), properties: { cluster: true, count: r.n } }));
  const singles = features.filter((x) => x.properties.cluster && x.properties.count === 1).slice(0, SINGLES_MAX);
  if (singles.length) await resolveSingles(ctx, locale, singles, f);
  return features;
}

/**
 * A cluster of one sits exactly on its report (its sums are that report's coordinates), so the
 * report is found by a tiny envelope around it and shown as itself, with id, status and category.
 */
async function resolveSingles(ctx: AppContext, locale: Locale, singles: MapFeature[], f: ReportFilters): Promise<void> {
  const params: unknown[] = [singles.map((s) => s.geometry.coordinates[0]), singles.map((s) => s.geometry.coordinates[1])];
  const rows = await ctx.database.query<{ k: number; id: number; status: string; category: string; lng: number; lat: number }>(
    `select v.k::int as k, x.id::int as id, x.status, x.category, x.lng, x.lat
     from unnest($1::float8[], $2::float8[]) with ordinality as v(x, y, k)
     cross join lateral (
       select r.id, r.status, c.${nameCol(locale)} as category, ST_X(r.location) as lng, ST_Y(r.location) as lat
       from reports r join categories c on c.id = r.category_id
       where ${whereFor(f, params)} and r.location && ST_MakeEnvelope(v.x - 1e-7, v.y - 1e-7, v.x + 1e-7, v.y + 1e-7, 4326)
       limit 1
     ) x`,
    params,
  );
  for (const r of rows) {
    const s = singles[r.k - 1]!;
    s.geometry = point(r.lng, r.lat);
    s.properties = { cluster: false, id: r.id, status: r.status, category: r.category };
  }
}
