// Validates the Open311 GeoReport v2 service-definition attributes an admin types as JSON for a
// category, and normalises them (defaults filled, keys in spec order) before they are stored.
// Errors name the attribute (1-based) and what is wrong, as message keys.

export const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Datatype = (typeof DATATYPES)[number];

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: Datatype;
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export type AttributesOutcome =
  | { kind: 'ok'; attributes: Open311Attribute[] }
  /** `problem` is a message key; `n` the attribute's position (0 = the whole document). */
  | { kind: 'invalid'; problem: string; n: number };

const KNOWN = new Set(['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values']);
const MAX_ATTRIBUTES = 50;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

export function parseAttributes(json: string): AttributesOutcome {
  let doc: unknown;
  try {
    doc = JSON.parse(json.trim() === '' ? '[]' : json);
  } catch {
    return { kind: 'invalid', problem: 'reports.categories.attr.json', n: 0 };
  }
  if (!Array.isArray(doc)) return { kind: 'invalid', problem: 'reports.categories.attr.notList', n: 0 };
  if (doc.length > MAX_ATTRIBUTES) return { kind: 'invalid', problem: 'reports.categories.attr.tooMany', n: 0 };
  const out: Open311Attribute[] = [];
  const codes = new Set<string>();
  for (const [i, a] of doc.entries()) {
    const n = i + 1;
    const bad = (problem: string) => ({ kind: 'invalid', problem: `reports.categories.attr.${problem}`, n }) as const;
    if (!isObject(a)) return bad('notObject');
    if (Object.keys(a).some((k) => !KNOWN.has(k))) return bad('unknownKey');
    if (typeof a.code !== 'string' || !/^[A-Za-z0-9_.-]{1,60}$/.test(a.code)) return bad('code');
    if (codes.has(a.code)) return bad('duplicateCode');
    codes.add(a.code);
    if (!DATATYPES.includes(a.datatype as Datatype)) return bad('datatype');
    if (!text(a.description, 500)) return bad('description');
    if (a.variable !== undefined && typeof a.variable !== 'boolean') return bad('boolean');
    if (a.required !== undefined && typeof a.required !== 'boolean') return bad('boolean');
    if (a.datatype_description !== undefined && (typeof a.datatype_description !== 'string' || a.datatype_description.length > 500)) return bad('datatypeDescription');
    if (a.order !== undefined && !(Number.isInteger(a.order) && (a.order as number) >= 1 && (a.order as number) <= 1000)) return bad('order');
    const isList = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
    let values: { key: string; name: string }[] | undefined;
    if (isList) {
      if (!Array.isArray(a.values) || a.values.length === 0 || a.values.length > 100) return bad('values');
      values = [];
      const keys = new Set<string>();
      for (const v of a.values) {
        if (!isObject(v) || !text(v.key, 100) || !text(v.name, 200) || Object.keys(v).some((k) => k !== 'key' && k !== 'name')) return bad('values');
        if (keys.has(v.key as string)) return bad('values');
        keys.add(v.key as string);
        values.push({ key: v.key as string, name: (v.name as string).trim() });
      }
    } else if (a.values !== undefined) {
      return bad('valuesNotList');
    }
    out.push({
      variable: (a.variable as boolean | undefined) ?? true,
      code: a.code,
      datatype: a.datatype as Datatype,
      required: (a.required as boolean | undefined) ?? false,
      datatype_description: ((a.datatype_description as string | undefined) ?? '').trim(),
      order: (a.order as number | undefined) ?? n,
      description: (a.description as string).trim(),
      ...(values ? { values } : {}),
    });
  }
  return { kind: 'ok', attributes: out };
}
