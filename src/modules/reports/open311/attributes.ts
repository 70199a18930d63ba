// Extra questions a category asks (report_category_settings.attributes, which the category
// settings page stores in the spec's own shape), as GeoReport service definition attributes, and
// the checking of the `attribute[code]` answers a client posts.
import type { Locale } from '../../../core/config/config.ts';
import { parseW3cDate } from './dates.ts';

export const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Datatype = (typeof DATATYPES)[number];

export interface CategoryAttribute {
  /** false: information shown to the user, no answer expected. */
  variable: boolean;
  code: string;
  datatype: Datatype;
  required: boolean;
  description: string;
  datatypeDescription: string;
  order: number;
  values: { key: string; name: string }[];
}

const isList = (d: Datatype) => d === 'singlevaluelist' || d === 'multivaluelist';

/** Text stored either as one string or per language ({ro, en, hu}). */
function localized(v: unknown, locale: Locale): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const text = o[locale] ?? o.ro;
    return typeof text === 'string' ? text : '';
  }
  return '';
}

/** The stored jsonb, read defensively: an entry without a code or with an unknown datatype is left out. */
export function readAttributes(raw: unknown, locale: Locale): CategoryAttribute[] {
  if (!Array.isArray(raw)) return [];
  const out: CategoryAttribute[] = [];
  for (const [i, entry] of raw.entries()) {
    if (!entry || typeof entry !== 'object') continue;
    const e = entry as Record<string, unknown>;
    const datatype = DATATYPES.find((d) => d === e.datatype);
    if (typeof e.code !== 'string' || !e.code || !datatype) continue;
    const values = Array.isArray(e.values)
      ? e.values.flatMap((v) => {
          const o = v as Record<string, unknown> | null;
          return o && (typeof o.key === 'string' || typeof o.key === 'number') ? [{ key: String(o.key), name: localized(o.name, locale) || String(o.key) }] : [];
        })
      : [];
    out.push({
      variable: e.variable !== false,
      code: e.code,
      datatype,
      required: e.required === true,
      description: localized(e.description, locale),
      datatypeDescription: localized(e.datatype_description, locale),
      order: Number.isInteger(e.order) ? (e.order as number) : i + 1,
      values,
    });
  }
  return out.sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
}

/** One attribute as the spec's service definition lists it. */
export function presentAttribute(a: CategoryAttribute) {
  return {
    variable: a.variable,
    code: a.code,
    datatype: a.datatype,
    required: a.required,
    datatype_description: a.datatypeDescription || null,
    order: a.order,
    description: a.description || null,
    ...(isList(a.datatype) ? { values: a.values.map((v) => ({ key: v.key, name: v.name })) } : {}),
  };
}

export interface AnsweredAttribute {
  code: string;
  /** What the client sent: a string, or the keys of a multi-value list. */
  value: string | string[];
  /** Readable line for the people handling the report. */
  line: string;
}

export type AttributeCheck = { kind: 'ok'; answers: AnsweredAttribute[] } | { kind: 'invalid'; problems: { code: string; problem: 'required' | 'invalid' }[] };

const TEXT_MAX = { string: 500, text: 2000 } as const;

/** Answers come as `attribute[code]` (repeated for multi-value lists, `attribute[code][]` also accepted). */
export function checkAnswers(attrs: CategoryAttribute[], body: Record<string, unknown>): AttributeCheck {
  const problems: { code: string; problem: 'required' | 'invalid' }[] = [];
  const answers: AnsweredAttribute[] = [];
  for (const a of attrs.filter((x) => x.variable)) {
    const raw = [body[`attribute[${a.code}]`], body[`attribute[${a.code}][]`]].flat().filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (raw.length === 0) {
      if (a.required) problems.push({ code: a.code, problem: 'required' });
      continue;
    }
    const label = a.description || a.code;
    const nameOf = (key: string) => a.values.find((v) => v.key === key)?.name;
    const single = raw[0]!.trim();
    switch (a.datatype) {
      case 'multivaluelist': {
        const keys = [...new Set(raw.map((r) => r.trim()))];
        if (keys.some((k) => !nameOf(k))) problems.push({ code: a.code, problem: 'invalid' });
        else answers.push({ code: a.code, value: keys, line: `${label}: ${keys.map(nameOf).join(', ')}` });
        break;
      }
      case 'singlevaluelist':
        if (raw.length > 1 || !nameOf(single)) problems.push({ code: a.code, problem: 'invalid' });
        else answers.push({ code: a.code, value: single, line: `${label}: ${nameOf(single)}` });
        break;
      case 'number':
        if (raw.length > 1 || !/^-?\d+(\.\d+)?$/.test(single)) problems.push({ code: a.code, problem: 'invalid' });
        else answers.push({ code: a.code, value: single, line: `${label}: ${single}` });
        break;
      case 'datetime':
        if (raw.length > 1 || !parseW3cDate(single)) problems.push({ code: a.code, problem: 'invalid' });
        else answers.push({ code: a.code, value: single, line: `${label}: ${single}` });
        break;
      default:
        if (raw.length > 1 || single.length > TEXT_MAX[a.datatype]) problems.push({ code: a.code, problem: 'invalid' });
        else answers.push({ code: a.code, value: single, line: `${label}: ${single}` });
    }
  }
  return problems.length ? { kind: 'invalid', problems } : { kind: 'ok', answers };
}
