// One query over every source: Romanian-aware full text (all words, as prefixes of their stems,
// accents ignored), grouped by type (spaces, debates, meetings, surveys, then proposals), the most
// relevant first — for proposals the most supported. Only when that finds nothing do titles close
// by trigrams count, so a typo still finds its page without paying for fuzzy matching every time.
// A search asked again within seconds reuses its matches (result-cache.ts), never what they show.
import type { Database } from '../../core/db/database.ts';
import { COUNT_CAP, hitsSql, shownSql, sources, type ResultType, type Source } from './sources.ts';
import { cacheKey, type RankedPage, type SearchCache } from './result-cache.ts';

export { COUNT_CAP };

export interface SearchResult {
  type: ResultType;
  id: number;
  title: string;
  excerpt: string;
  url: string;
  at: string;
}

export interface SearchPage {
  results: SearchResult[];
  total: number;
  /** Hits per type for the whole query (not only this page). */
  counts: Partial<Record<ResultType, number>>;
  /** The results come from the typo-tolerant title match. */
  fuzzy: boolean;
  /** Some type had more than COUNT_CAP hits (its count says COUNT_CAP). */
  capped: boolean;
}

type Q = Pick<Database, 'query'>;

interface HitRow {
  type: ResultType;
  id: string | number;
  title: string;
  excerpt: string | null;
  url: string;
  at: Date | string;
  n?: number;
}

const present = (r: HitRow): SearchResult => ({ type: r.type, id: Number(r.id), title: r.title, excerpt: r.excerpt ?? '', url: r.url, at: new Date(r.at).toISOString() });

/** A page of cached matches as they show now: items the public can no longer see are left out. */
async function shown(db: Q, all: Map<ResultType, Source>, page: RankedPage): Promise<SearchResult[]> {
  if (!page.hits.length) return [];
  const types = [...new Set(page.hits.map((h) => h.type))].filter((t) => all.has(t));
  const rows = await db.query<HitRow>(
    shownSql(all, types),
    types.map((t) => `{${page.hits.filter((h) => h.type === t).map((h) => h.id).join(',')}}`),
    { prepare: true },
  );
  const byKey = new Map(rows.map((r) => [`${r.type}:${Number(r.id)}`, r]));
  return page.hits.flatMap((h) => {
    const r = byKey.get(`${h.type}:${h.id}`);
    return r ? [present(r)] : [];
  });
}

export async function search(db: Q, q: string, opts: { type?: ResultType | undefined; page: number; pageSize: number }, cache?: SearchCache): Promise<SearchPage> {
  const text = q.trim().slice(0, 200);
  if (text.length < 2) return { results: [], total: 0, counts: {}, fuzzy: false, capped: false };
  const all = await sources(db);
  const key = cacheKey(text, opts.type, opts.page, opts.pageSize);
  const cached = cache?.get(key);
  if (cached) return { results: await shown(db, all, cached), total: cached.total, counts: cached.counts, fuzzy: cached.fuzzy, capped: cached.capped };

  const [terms] = await db.query<{ tsq: string; plain: string }>('select dz_fts_query($1)::text as tsq, dz_unaccent($1) as plain', [text], { prepare: true });
  const types = opts.type ? [opts.type] : undefined;
  const upTo = opts.page * opts.pageSize;
  let mode: 'fts' | 'fuzzy' = 'fts';
  // Full text is planned once per connection, without its words: planning the five sources took
  // longer than running them for a common word (0.9 ms of 2.2). Only the first pages (a handful of
  // texts; deeper ones are rare and would each be a statement of their own). Trigram matching is
  // planned with its text, so the planner can weigh the trigram index against its selectivity.
  let rows = terms!.tsq ? await db.query<HitRow>(hitsSql(all, 'fts', upTo, types), [terms!.tsq], { prepare: upTo <= COUNT_CAP }) : [];
  if (!rows.length) {
    mode = 'fuzzy';
    rows = await db.query<HitRow>(hitsSql(all, 'fuzzy', upTo, types), [terms!.plain]);
  }
  const counts: Partial<Record<ResultType, number>> = {};
  let capped = false;
  for (const r of rows) {
    counts[r.type] = Math.min(Number(r.n), COUNT_CAP);
    if (Number(r.n) > COUNT_CAP) capped = true;
  }
  const total = opts.type ? (counts[opts.type] ?? 0) : Object.values(counts).reduce((n, c) => n + (c ?? 0), 0);
  const results = rows.filter((r) => !types || types.includes(r.type)).slice((opts.page - 1) * opts.pageSize, upTo).map(present);
  const page: SearchPage = { results, total, counts, fuzzy: mode === 'fuzzy', capped };
  cache?.set(key, { hits: results.map((r) => ({ type: r.type, id: r.id })), total, counts, fuzzy: page.fuzzy, capped });
  return page;
}
