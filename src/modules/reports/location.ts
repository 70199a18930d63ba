// Where a report is: inside the city, in which district, routed to which department.
import type { TxQuery, Database } from '../../core/db/database.ts';
import type { LngLat } from '../../core/db/geometry.ts';

type Q = Pick<Database | TxQuery, 'query'>;

export type PlaceOutcome = { kind: 'ok'; point: LngLat; districtId: number | null } | { kind: 'outside_city' } | { kind: 'unknown_district' };

/** A point must fall inside the city boundary (when the city has one). */
export async function placePoint(q: Q, point: LngLat): Promise<PlaceOutcome> {
  const [row] = await q.query<{ inside: boolean | null; district_id: number | null }>(
    `with p as (select ST_SetSRID(ST_MakePoint($1, $2), 4326) as g)
     select (select bool_or(ST_Covers(a.geom, p.g)) from areas a where a.kind = 'city') as inside,
            (select a.id from areas a where a.kind = 'district' and ST_Covers(a.geom, p.g) order by ST_Area(a.geom) limit 1) as district_id
     from p`,
    [point.lng, point.lat],
  );
  if (row?.inside === false) return { kind: 'outside_city' };
  return { kind: 'ok', point, districtId: row?.district_id ?? null };
}

/** Without a map (no JavaScript), a district stands in for the point: we use a point inside it. */
export async function placeInDistrict(q: Q, districtId: number): Promise<PlaceOutcome> {
  const [row] = await q.query<{ lng: number; lat: number }>(
    `select ST_X(ST_PointOnSurface(geom)) as lng, ST_Y(ST_PointOnSurface(geom)) as lat from areas where id = $1 and kind = 'district'`,
    [districtId],
  );
  if (!row) return { kind: 'unknown_district' };
  return { kind: 'ok', point: { lng: row.lng, lat: row.lat }, districtId };
}

/** (category, district) routing rule, then the category's city-wide rule, then the category's own department. */
export async function routeToDepartment(q: Q, categoryId: number, districtId: number | null): Promise<number | null> {
  const [row] = await q.query<{ department_id: number | null }>(
    `select coalesce(
       (select department_id from report_routing where category_id = $1 and area_id = $2),
       (select department_id from report_routing where category_id = $1 and area_id is null),
       (select department_id from categories where id = $1)) as department_id`,
    [categoryId, districtId],
  );
  return row?.department_id ?? null;
}
