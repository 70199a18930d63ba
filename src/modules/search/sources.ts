// What the search box looks through. Spaces, proposals and debates have indexed search vectors
// (Romanian stemming on unaccented text, kept by triggers) and trigram indexes or small tables for
// titles. Meetings and surveys belong to other modules that may be switched off, so they are
// searched when their tables exist, on the fly, with the visibility rules their columns allow (no
// drafts, nothing in an unpublished space).
import type { Database } from '../../core/db/database.ts';

export const RESULT_TYPES = ['space', 'proposal', 'debate', 'meeting', 'survey'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

/**
 * One searchable table. `select` yields (type, id, title, excerpt, url, at) and `rank`; `fts` and
 * `fuzzy` are its two ways of matching, each with one parameter $1: the tsquery for `fts`, the
 * unaccented text for `fuzzy`, computed beforehand so the planner sees constants and uses the indexes.
 */
export interface Source {
  select: string;
  /** The table the `select` reads, with its alias: a page of hits is ranked first, then only its rows are read. */
  table: string;
  from: string;
  where: string;
  fts: { match: string; rank: string };
  fuzzy: { match: string; rank: string };
  /**
   * For a large table ranked by an index order: the first rows in rank order, read from an index
   * holding every column `where` and the full-text `match` need (so no table reads), with the joins
   * `where` names. A common word finds its first COUNT_CAP + 1 matches there in a few thousand
   * index entries, which is both its top hits and its capped count; a rarer word falls back to
   * matching everything.
   */
  walk?: { from: string; where: string };
}

/** Hits per type are shown up to this many ("100+"): pages past that are of little use. */
export const COUNT_CAP = 100;

/** Index entries a walk reads before it gives up on a word as too rare to meet COUNT_CAP + 1 matches in them. */
export const WALK_ROWS = 3000;

/** Results come grouped by type in this order, best first within each type. */
export const TYPE_ORDER: ResultType[] = ['space', 'debate', 'meeting', 'survey', 'proposal'];

const titleFuzzy = (alias: string) => ({ match: `dz_unaccent(${alias}.title) % $1::text`, rank: `similarity(dz_unaccent(${alias}.title), $1::text)` });

const INDEXED: Record<'space' | 'proposal' | 'debate', Source> = {
  space: {
    select: `'space'::text as type, s.id::bigint as id, s.title, left(coalesce(nullif(s.subtitle, ''), s.description), 240) as excerpt, '/spaces/' || s.slug as url, s.created_at as at`,
    table: 'spaces s',
    from: 'spaces s',
    where: 's.published',
    fts: { match: 's.search @@ $1::tsquery', rank: 'ts_rank(s.search, $1::tsquery)' },
    fuzzy: titleFuzzy('s'),
  },
  proposal: {
    select: `'proposal'::text, p.id, p.title, left(p.body_public, 240), '/proposals/' || p.id, p.created_at`,
    table: 'proposals p',
    from: 'proposals p join space_components c on c.id = p.component_id join spaces s on s.id = p.space_id',
    where: `p.hidden_at is null and p.state <> 'withdrawn' and c.published and s.published`,
    // The most supported matching proposals first: an index order, so a common word costs one page
    // of rows, not a ranking of thousands (the small tables above rank by relevance).
    fts: { match: 'p.search @@ $1::tsquery', rank: 'p.supports_count' },
    fuzzy: titleFuzzy('p'),
    // proposals_search_walk_idx (migration 007) holds these columns in this order.
    walk: {
      from: `(select id, supports_count, component_id, space_id, state, search from proposals where hidden_at is null order by supports_count desc, id desc limit ${WALK_ROWS}) p
        join space_components c on c.id = p.component_id join spaces s on s.id = p.space_id`,
      where: `p.state <> 'withdrawn' and c.published and s.published`,
    },
  },
  debate: {
    select: `'debate'::text, d.id, d.title, left(d.description, 240), '/debates/' || d.id, d.created_at`,
    table: 'debates d',
    from: 'debates d join space_components c on c.id = d.component_id join spaces s on s.id = d.space_id',
    where: 'c.published and s.published',
    fts: { match: 'd.search @@ $1::tsquery', rank: 'ts_rank(d.search, $1::tsquery)' },
    fuzzy: titleFuzzy('d'),
  },
};

const OPTIONAL: Record<'meeting' | 'survey', { table: string; url: string; at: string }> = {
  meeting: { table: 'meetings', url: '/meetings/', at: 'starts_at' },
  survey: { table: 'surveys', url: '/surveys/', at: 'created_at' },
};

async function optionalSource(db: Pick<Database, 'query'>, type: 'meeting' | 'survey'): Promise<Source | null> {
  const { table, url, at } = OPTIONAL[type];
  const cols = new Set(
    (await db.query<{ column_name: string }>(`select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1`, [table])).map((r) => r.column_name),
  );
  if (!cols.has('id') || !cols.has('title')) return null;
  const description = cols.has('description') ? 't.description' : `''`;
  const vector = `dz_fts(t.title || ' ' || coalesce(${description}, ''))`;
  const where = [
    cols.has('status') ? `t.status <> 'draft'` : null,
    cols.has('published') ? 't.published' : null,
    cols.has('hidden_at') ? 't.hidden_at is null' : null,
    cols.has('space_id') ? '(t.space_id is null or exists (select 1 from spaces s where s.id = t.space_id and s.published))' : null,
  ].filter(Boolean);
  return {
    select: `'${type}'::text, t.id::bigint, t.title, left(coalesce(${description}, ''), 240), '${url}' || t.id, ${cols.has(at) ? `t.${at}` : 'now()'}`,
    table: `${table} t`,
    from: `${table} t`,
    where: where.length ? where.join(' and ') : 'true',
    fts: { match: `${vector} @@ $1::tsquery`, rank: `ts_rank(${vector}, $1::tsquery)` },
    fuzzy: titleFuzzy('t'),
  };
}

const cache = new WeakMap<object, Promise<Map<ResultType, Source>>>();

/** The searchable sources of this database (tables are fixed once migrations ran, so computed once). */
export function sources(db: Pick<Database, 'query'>): Promise<Map<ResultType, Source>> {
  let found = cache.get(db);
  if (!found) {
    found = (async () => {
      const map = new Map<ResultType, Source>(Object.entries(INDEXED) as [ResultType, Source][]);
      for (const type of ['meeting', 'survey'] as const) {
        const src = await optionalSource(db, type);
        if (src) map.set(type, src);
      }
      return map;
    })();
    cache.set(db, found);
  }
  return found;
}

const aliasOf = (table: string) => table.split(' ')[1]!;

/**
 * The first `upTo` hits of each source matched one way, as rows (type, id, title, excerpt, url, at,
 * tord, rank, n): `tord` is the type's place in TYPE_ORDER and `n` how many rows of that type match
 * in all (counted from the same matches, so no second pass over the index). Each source ranks only ids and
 * its sort key, then reads the wide columns of its first `upTo` rows: a common word matches
 * thousands of proposals, and reading their bodies to sort them cost 50 ms where this costs 9.
 * Types not in `types` still answer one row, for their count. $1 is the term (as for `fts`/`fuzzy`).
 */
export function hitsSql(all: Map<ResultType, Source>, mode: 'fts' | 'fuzzy', upTo: number, types?: ResultType[]): string {
  const parts = [...all.entries()].map(([type, s]) => {
    const a = aliasOf(s.table);
    const wanted = !types || types.includes(type);
    const limit = wanted ? upTo : 1;
    const walkable = !wanted || upTo <= COUNT_CAP;
    const full = `select ${a}.id, ${s[mode].rank} as rank from ${s.from} where ${s.where} and ${s[mode].match}`;
    const ranked =
      s.walk && mode === 'fts' && walkable
        ? // The walk's first COUNT_CAP + 1 matches when it finds that many (the top hits, in rank
          // order, and a capped count); otherwise every match, as below. The one-time filters keep
          // PostgreSQL from running the side it does not use.
          `with w as materialized (select ${a}.id, ${s[mode].rank} as rank from ${s.walk.from} where ${s.walk.where} and ${s[mode].match} limit ${COUNT_CAP + 1}),
            m as materialized (${full} and (select count(*) from w) <= ${COUNT_CAP}),
            b as (select * from w where (select count(*) from w) > ${COUNT_CAP} union all select * from m)
          select id, rank, (select count(*) from b) as n from b order by 2 desc, 1 desc limit ${limit}`
        : // Materialized, so the planner fetches every match the cheapest way (they are all counted)
          // instead of walking an index in rank order as if it could stop after a page.
          `with m as materialized (${full})
          select id, rank, (select count(*) from m) as n from m order by 2 desc, 1 desc limit ${limit}`;
    return `(select ${s.select}, ${TYPE_ORDER.indexOf(type)} as tord, k.rank::real, k.n::int from (${ranked}) k join ${s.table} on ${a}.id = k.id)`;
  });
  return `select * from (${parts.join('\nunion all\n')}) hits (type, id, title, excerpt, url, at, tord, rank, n) order by tord, rank desc, id desc`;
}

/**
 * What the given items show now, with each source's visibility rules applied again: used for a
 * search whose matches were cached, so an item hidden since is left out. $1, $2… are the ids of
 * each type, in `types` order, as bigint[] literals ('{1,2}').
 */
export function shownSql(all: Map<ResultType, Source>, types: ResultType[]): string {
  const parts = types.map((type, i) => {
    const s = all.get(type)!;
    return `(select ${s.select}, ${TYPE_ORDER.indexOf(type)} as tord from ${s.from} where ${s.where} and ${aliasOf(s.table)}.id = any($${i + 1}::bigint[]))`;
  });
  return `select * from (${parts.join('\nunion all\n')}) shown (type, id, title, excerpt, url, at, tord)`;
}
