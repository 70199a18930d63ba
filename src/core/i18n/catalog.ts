// Message catalogs: Romanian is the source, English and Hungarian must carry every key
// (enforced at compile time by defineMessages and at test time by i18n.test.ts).
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import type { Locale } from '../config/config.ts';
import { dateTimeFormat, numberFormat, pluralRules } from './intl-cache.ts';

export type Messages<K extends string> = { ro: Record<K, string>; en: Record<NoInfer<K>, string>; hu: Record<NoInfer<K>, string> };

export function defineMessages<K extends string>(m: Messages<K>): Messages<K> {
  return m;
}

export type AnyMessages = { ro: Record<string, string>; en: Record<string, string>; hu: Record<string, string> };

/** Several feature catalogs as one (a module may split its messages by audience). */
export function mergeMessages(...parts: AnyMessages[]): AnyMessages {
  const out: AnyMessages = { ro: {}, en: {}, hu: {} };
  for (const p of parts) for (const l of ['ro', 'en', 'hu'] as const) Object.assign(out[l], p[l]);
  return out;
}

export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

const COUNTS_KEPT = 2000;

export class Catalog {
  private readonly byLocale: Record<Locale, Map<string, string>> = { ro: new Map(), en: new Map(), hu: new Map() };

  add(source: string, m: AnyMessages): void {
    for (const locale of ['ro', 'en', 'hu'] as const) {
      for (const [k, v] of Object.entries(m[locale])) {
        const prev = this.byLocale[locale].get(k);
        if (prev !== undefined && prev !== v) throw new Error(`message key "${k}" defined twice with different text (${source})`);
        this.byLocale[locale].set(k, v);
      }
    }
  }

  has(locale: Locale, key: string): boolean {
    return this.byLocale[locale].has(key);
  }

  keys(locale: Locale): string[] {
    return [...this.byLocale[locale].keys()];
  }

  /** One per language, shared by every request (messages are looked up live, so later `add`s show). */
  translator(locale: Locale): Translate {
    let t = this.translators[locale];
    if (!t) this.translators[locale] = t = this.makeTranslator(locale);
    return t;
  }

  private readonly translators: Partial<Record<Locale, Translate>> = {};

  private makeTranslator(locale: Locale): Translate {
    const map = this.byLocale[locale];
    const fallback = this.byLocale.ro;
    const compiled = this.plurals[locale];
    const tag = Catalog.intlTag(locale);
    // intl-messageformat's own formatter caches key every call by serialising its arguments (a
    // tenth of a list page's CPU); these are looked up by language tag.
    const formatters: Formatters = {
      getNumberFormat: (_locales, opts) => numberFormat(tag, opts),
      getDateTimeFormat: (_locales, opts) => dateTimeFormat(tag, opts),
      getPluralRules: (_locales, opts) => pluralRules(tag, opts?.type),
    };
    return (key, params) => {
      const text = map.get(key) ?? fallback.get(key) ?? key;
      if (!params) return text;
      if (text.includes(', plural,')) {
        // Counts agree with their noun ("1 comentariu", "3 comentarii", "20 de comentarii" in
        // Romanian): ICU plural messages, compiled once. A `count` given as text ("100+") takes the
        // "other" form and is shown as given.
        let plural = compiled.get(text);
        if (!plural) compiled.set(text, (plural = { format: new IntlMessageFormat(text, tag, undefined, { formatters }), byCount: new Map() }));
        // Most plural texts take only a count, and pages repeat the same few counts (a list shows
        // "3 susțineri" many times over): those are formatted once.
        const onlyCount = typeof params['count'] === 'number' && Object.keys(params).length === 1;
        const known = onlyCount ? plural.byCount.get(params['count'] as number) : undefined;
        if (known !== undefined) return known;
        const capped = typeof params['count'] === 'string' && /^\d+\+$/.test(params['count']);
        try {
          const formatted = String(plural.format.format(capped ? { ...params, count: Infinity } : params));
          const out = capped ? formatted.replace(/∞/g, () => String(params['count'])) : formatted;
          if (onlyCount && plural.byCount.size < COUNTS_KEPT) plural.byCount.set(params['count'] as number, out);
          return out;
        } catch {
          // A param the caller did not give: say the key rather than fail the page (i18n.test.ts
          // checks every plural text parses and names the same params in each language).
          return key;
        }
      }
      return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
    };
  }

  private readonly plurals: Record<Locale, Map<string, { format: IntlMessageFormat; byCount: Map<number, string> }>> = { ro: new Map(), en: new Map(), hu: new Map() };

  /** Formats numbers and dates for a locale (ro-RO uses "1.234,5" and dd.mm.yyyy). */
  static intlTag(locale: Locale): string {
    return { ro: 'ro-RO', en: 'en-GB', hu: 'hu-HU' }[locale];
  }
}
