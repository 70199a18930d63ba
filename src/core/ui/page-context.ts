import type { Locale } from '../config/config.ts';
import type { Actor } from '../auth/actor.ts';
import type { Translate } from '../i18n/catalog.ts';
import type { CitySettings } from '../settings/settings.ts';
import type { NavEntry } from '../modules/manifest.ts';

/** What every server-rendered component may read about the current request. */
export interface PageContext {
  t: Translate;
  locale: Locale;
  actor: Actor;
  /** CSRF token for forms on this page. */
  csrf: string;
  /** Current path with query, for "return here" links. */
  path: string;
  city: CitySettings;
  nav: NavEntry[];
  /** Leaflet tile URL template; empty = no background tiles. */
  tileUrl: string;
  /** One-shot notice (e.g. after a redirect), already translated. */
  notice?: string;
}
