// Approximate outlines for the demo city "Cluj-Napoca (demo)". They are simplified by hand and
// marked is_demo; a real installation imports its official boundaries.
type Ring = [number, number][];

export const CLUJ_BOUNDARY: Ring = [
  [23.500, 46.745], [23.530, 46.728], [23.575, 46.722], [23.620, 46.725], [23.660, 46.735],
  [23.705, 46.748], [23.722, 46.770], [23.712, 46.795], [23.680, 46.812], [23.630, 46.818],
  [23.580, 46.812], [23.540, 46.798], [23.510, 46.778], [23.500, 46.745],
];

/** slug → [name, ring]. Rectangular-ish cells laid over the real districts' positions. */
export const CLUJ_DISTRICTS: [string, string, Ring][] = [
  ['centru', 'Centru', [[23.575, 46.762], [23.605, 46.762], [23.605, 46.778], [23.575, 46.778], [23.575, 46.762]]],
  ['manastur', 'Mănăștur', [[23.535, 46.745], [23.575, 46.745], [23.575, 46.768], [23.535, 46.768], [23.535, 46.745]]],
  ['gheorgheni', 'Gheorgheni', [[23.605, 46.755], [23.645, 46.755], [23.645, 46.775], [23.605, 46.775], [23.605, 46.755]]],
  ['marasti', 'Mărăști', [[23.605, 46.775], [23.650, 46.775], [23.650, 46.795], [23.605, 46.795], [23.605, 46.775]]],
  ['zorilor', 'Zorilor', [[23.565, 46.735], [23.605, 46.735], [23.605, 46.762], [23.565, 46.762], [23.565, 46.735]]],
  ['grigorescu', 'Grigorescu', [[23.535, 46.768], [23.575, 46.768], [23.575, 46.790], [23.535, 46.790], [23.535, 46.768]]],
];

export function multiPolygonGeoJson(ring: Ring): string {
  return JSON.stringify({ type: 'MultiPolygon', coordinates: [[ring]] });
}
