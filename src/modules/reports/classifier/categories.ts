// The demo city's report categories. The codes are stable identifiers: the model stores them in its
// persisted JSON and the reports module will store them on each report, so renaming one is a migration.
export const CATEGORY_CODES = [
  'roads.pothole',
  'roads.sidewalk',
  'roads.signage',
  'waste.uncollected',
  'waste.illegal_dumping',
  'lighting.streetlight',
  'green.trees',
  'green.playground',
  'transit.stop',
  'police.illegal_parking',
  'police.abandoned_vehicle',
  'police.noise',
] as const;

export type CategoryCode = (typeof CATEGORY_CODES)[number];

export interface LabelledReport {
  code: CategoryCode;
  text: string;
}

const KNOWN: ReadonlySet<string> = new Set(CATEGORY_CODES);

export function isCategoryCode(value: string): value is CategoryCode {
  return KNOWN.has(value);
}
