// One query over every source: Romanian-aware full text (all words, as prefixes of their stems,
// accents ignored), grouped by type (spaces, debates, meetings, surveys, then proposals), the most
// relevant first — for proposals the most supported. Only when that finds nothing do titles close
// by trigrams count, so a typo still finds its page without paying for fuzzy matching every time.
import type { Database } from '../../core/db/database.ts';
import { countSql, hitsSql, sources, type Source, type ResultType } from './sources.ts';

/** Hits per type are counted up to this many. */
export const COUNT_CAP = 100;

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

async function countHits(db: Q, all: Map<ResultType, Source>, mode: 'fts' | 'fuzzy', param: string): Promise<{ counts: Partial<Record<ResultType, number>>; capped: boolean }> {
  const rows = await db.query<{ type: ResultType; n: number }>(countSql(all, mode, COUNT_CAP), [param]);
  const counts = Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.type, Math.min(r.n, COUNT_CAP)])) as Partial<Record<ResultType, number>>;
  return { counts, capped: rows.some((r) => r.n > COUNT_CAP) };
}

export async function search(db: Q, q: string, opts: { type?: ResultType | undefined; page: number; pageSize: number }): Promise<SearchPage> {
  const text = q.trim().slice(0, 200);
  if (text.length < 2) return { results: [], total: 0, counts: {}, fuzzy: false, capped: false };
  const all = await sources(db);
  const [terms] = await db.query<{ tsq: string; plain: string }>('select dz_fts_query($1)::text as tsq, dz_unaccent($1) as plain', [text]);
  let mode: 'fts' | 'fuzzy' = 'fts';
  let { counts, capped } = terms!.tsq ? await countHits(db, all, 'fts', terms!.tsq) : { counts: {}, capped: false };
  if (!Object.keys(counts).length) {
    mode = 'fuzzy';
    ({ counts, capped } = await countHits(db, all, 'fuzzy', terms!.plain));
  }
  const total = opts.type ? (counts[opts.type] ?? 0) : Object.values(counts).reduce((n, c) => n + (c ?? 0), 0);
  if (!total) return { results: [], total: 0, counts, fuzzy: mode === 'fuzzy', capped };
  const rows = await db.query<{ type: ResultType; id: string | number; title: string; excerpt: string; url: string; at: Date | string }>(
    `${hitsSql(all, mode, opts.page * opts.pageSize, opts.type ? [opts.type] : undefined)} select type, id, title, excerpt, url, at from hits
     order by tord, rank desc, id desc limit ${opts.pageSize} offset ${(opts.page - 1) * opts.pageSize}`,
    [mode === 'fts' ? terms!.tsq : terms!.plain],
  );
  return {
    results: rows.map((r) => ({ type: r.type, id: Number(r.id), title: r.title, excerpt: r.excerpt ?? '', url: r.url, at: new Date(r.at).toISOString() })),
    total,
    counts,
    fuzzy: mode === 'fuzzy',
    capped,
  };
}
