import type { Catalog, Translate } from '../i18n/catalog.ts';
import type { Locale } from '../config/config.ts';
import type { DomainEvent } from './bus.ts';

/**
 * Public text for an event: the `event.<type>` message with the payload's scalar fields as parameters.
 * A field named `<name>Key` holding a message key becomes the translated parameter `<name>`, so an
 * event recorded once reads right in every language (e.g. statusKey → {status}).
 */
export function eventText(catalog: Catalog, locale: Locale, t: Translate, ev: DomainEvent): string {
  const key = `event.${ev.type}`;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(ev.payload)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  for (const [k, v] of Object.entries(ev.payload)) {
    if (k.endsWith('Key') && typeof v === 'string' && catalog.has(locale, v)) params[k.slice(0, -3)] = t(v);
  }
  return catalog.has(locale, key) ? t(key, params) : t('event.generic', { type: ev.type });
}
