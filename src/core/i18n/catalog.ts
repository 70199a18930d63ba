// Message catalogs: Romanian is the source, English and Hungarian must carry every key
// (enforced at compile time by defineMessages and at test time by i18n.test.ts).
import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '../config/config.ts';

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

  translator(locale: Locale): Translate {
    const map = this.byLocale[locale];
    const fallback = this.byLocale.ro;
    const compiled = this.plurals[locale];
    return (key, params) => {
      const text = map.get(key) ?? fallback.get(key) ?? key;
      if (!params) return text;
      if (text.includes(', plural,')) {
        // Counts agree with their noun ("1 comentariu", "3 comentarii", "20 de comentarii" in
        // Romanian): ICU plural messages, compiled once. A `count` given as text ("100+") takes the
        // "other" form and is shown as given.
        let format = compiled.get(text);
        if (!format) compiled.set(text, (format = new IntlMessageFormat(text, Catalog.intlTag(locale))));
        const capped = typeof params['count'] === 'string' && /^\d+\+$/.test(params['count']);
        try {
          const out = String(format.format(capped ? { ...params, count: Infinity } : params));
          return capped ? out.replace(/∞/g, () => String(params['count'])) : out;
        } catch {
          // A param the caller did not give: say the key rather than fail the page (i18n.test.ts
          // checks every plural text parses and names the same params in each language).
          return key;
        }
      }
      return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
    };
  }

  private readonly plurals: Record<Locale, Map<string, IntlMessageFormat>> = { ro: new Map(), en: new Map(), hu: new Map() };

  /** Formats numbers and dates for a locale (ro-RO uses "1.234,5" and dd.mm.yyyy). */
  static intlTag(locale: Locale): string {
    return { ro: 'ro-RO', en: 'en-GB', hu: 'hu-HU' }[locale];
  }
}
