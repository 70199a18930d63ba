// Intl formatters are costly to build (~0.1 ms each, most of a list page's CPU when built per
// date shown) and safe to share: one per language tag and options, built on first use.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, tag: string, opts: object, make: () => T): T {
  const key = `${kind}|${tag}|${JSON.stringify(opts)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

export const dateTimeFormat = (tag: string, opts: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat =>
  cached('d', tag, opts, () => new Intl.DateTimeFormat(tag, opts));

export const numberFormat = (tag: string, opts: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  cached('n', tag, opts, () => new Intl.NumberFormat(tag, opts));

const plurals = new Map<string, Intl.PluralRules>();

/** Plural rules per language tag and type (cardinal "1 comentariu / 3 comentarii", ordinal). */
export function pluralRules(tag: string, type: Intl.PluralRuleType = 'cardinal'): Intl.PluralRules {
  const key = `${tag}|${type}`;
  let r = plurals.get(key);
  if (!r) plurals.set(key, (r = new Intl.PluralRules(tag, { type })));
  return r;
}
