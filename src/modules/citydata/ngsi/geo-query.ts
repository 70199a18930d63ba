// NGSI-LD geo-queries (clause 4.10) on the entity's `location`, with PostGIS: near (max/minDistance
// in metres, on the geography), within, contains, intersects, equals, disjoint, overlaps.
import { NgsiError } from './problem.ts';
import type { Params } from './q-query.ts';
import { isGeometry } from './entity-format.ts';

export interface GeoQueryInput {
  georel?: string | undefined;
  geometry?: string | undefined;
  coordinates?: string | undefined;
  geoproperty?: string | undefined;
}

export function geoToSql(input: GeoQueryInput, params: Params, column = 'e.location'): string | null {
  const { georel, geometry, coordinates } = input;
  if (!georel && !geometry && !coordinates) return null;
  if (!georel || !geometry || !coordinates) throw new NgsiError('BadRequestData', 'a geo-query needs georel, geometry and coordinates together');
  if (input.geoproperty && input.geoproperty !== 'location') throw new NgsiError('OperationNotSupported', 'only the location geo-property can be queried');
  let coords: unknown;
  try {
    coords = JSON.parse(coordinates);
  } catch {
    throw new NgsiError('BadRequestData', 'coordinates must be a JSON array');
  }
  const geom = { type: geometry, coordinates: coords };
  if (!isGeometry(geom)) throw new NgsiError('BadRequestData', `unsupported geometry "${geometry}"`);
  const g = `ST_SetSRID(ST_GeomFromGeoJSON(${params.add(JSON.stringify(geom))}), 4326)`;
  const [rel, ...mods] = georel.split(';');
  switch (rel) {
    case 'near': {
      const mod = /^(maxDistance|minDistance)==(\d+(\.\d+)?)$/.exec(mods[0] ?? '');
      if (!mod) throw new NgsiError('BadRequestData', 'near needs maxDistance==metres or minDistance==metres');
      const d = params.add(Number(mod[2]));
      return mod[1] === 'maxDistance'
        ? `ST_DWithin(${column}::geography, ${g}::geography, ${d})`
        : `not ST_DWithin(${column}::geography, ${g}::geography, ${d})`;
    }
    case 'within':
      return `ST_Within(${column}, ${g})`;
    case 'contains':
      return `ST_Contains(${column}, ${g})`;
    case 'intersects':
      return `ST_Intersects(${column}, ${g})`;
    case 'equals':
      return `ST_Equals(${column}, ${g})`;
    case 'disjoint':
      return `ST_Disjoint(${column}, ${g})`;
    case 'overlaps':
      return `ST_Overlaps(${column}, ${g})`;
    default:
      throw new NgsiError('BadRequestData', `unknown georel "${rel}"`);
  }
}
