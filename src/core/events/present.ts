import type { Catalog, Translate } from '../i18n/catalog.ts';
import type { Locale } from '../config/config.ts';
import type { DomainEvent } from './bus.ts';

/** Public text for an event: the `event.<type>` message with the payload's scalar fields as parameters. */
export function eventText(catalog: Catalog, locale: Locale, t: Translate, ev: DomainEvent): string {
  const key = `event.${ev.type}`;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(ev.payload)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  return catalog.has(locale, key) ? t(key, params) : t('event.generic', { type: ev.type });
}
