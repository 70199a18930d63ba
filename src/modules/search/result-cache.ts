// Searches asked again within a few seconds (the same words, type and page) reuse what matched —
// which items, in which order, and the counts — instead of matching thousands of rows again. What
// each item shows, and whether the public may still see it, is always read fresh (shownSql), so a
// hidden or unpublished item leaves the results at once; only a newly added match, or a change in
// ranking, waits for the entry to expire.
import { LRUCache } from 'lru-cache';
import type { AppContext } from '../../core/context.ts';
import type { ResultType } from './sources.ts';

export interface RankedPage {
  hits: { type: ResultType; id: number }[];
  total: number;
  counts: Partial<Record<ResultType, number>>;
  fuzzy: boolean;
  capped: boolean;
}

export interface SearchCache {
  get(key: string): RankedPage | undefined;
  set(key: string, page: RankedPage): void;
}

export const SEARCH_SETTINGS_KEY = 'module.search';
export interface SearchSettings {
  /** How long a search's matches are reused; 0 matches every search afresh. */
  cacheSeconds: number;
}
export const DEFAULT_SEARCH_SETTINGS: SearchSettings = { cacheSeconds: 15 };

/** Bounded by entries: a ranked page is a few hundred bytes, so 5,000 of them stay around 2 MB. */
const MAX_ENTRIES = 5000;

export function cacheKey(text: string, type: ResultType | undefined, page: number, pageSize: number): string {
  return `${type ?? '*'}|${page}|${pageSize}|${text.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

/** The cache of one app, with the lifetime the city configured (read on every use, so a change applies at once). */
export function searchCacheFor(ctx: Pick<AppContext, 'settings'>): { current(): Promise<SearchCache | undefined> } {
  const lru = new LRUCache<string, RankedPage>({ max: MAX_ENTRIES });
  return {
    async current() {
      const { cacheSeconds } = await ctx.settings.get<SearchSettings>(SEARCH_SETTINGS_KEY, DEFAULT_SEARCH_SETTINGS);
      if (!(cacheSeconds > 0)) return undefined;
      return {
        get: (key) => lru.get(key),
        set: (key, page) => lru.set(key, page, { ttl: cacheSeconds * 1000 }),
      };
    },
  };
}
