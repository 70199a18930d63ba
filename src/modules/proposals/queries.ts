// Reading proposals: the filtered, sorted, paginated list; one proposal; similar proposals while a
// resident types (Romanian-aware full text plus trigram similarity of titles).
import type { Database } from '../../core/db/database.ts';
import type { AppContext } from '../../core/context.ts';
import type { Locale } from '../../core/config/config.ts';
import type { ProposalSort, ProposalState } from './model.ts';

type Q = Pick<Database, 'query'>;

export interface ProposalFilters {
  q?: string | undefined;
  state?: ProposalState | undefined;
  category?: string | undefined;
  district?: number | undefined;
  sort: ProposalSort;
}

export interface ProposalListItem {
  id: number;
  title: string;
  excerpt: string;
  state: ProposalState;
  supports: number;
  comments: number;
  category: string | null;
  district: string | null;
  author: string | null;
  createdAt: string;
}

const ORDER: Record<ProposalSort, string> = {
  recent: 'p.created_at desc, p.id desc',
  oldest: 'p.created_at asc, p.id asc',
  most_supported: 'p.supports_count desc, p.id desc',
  most_commented: 'p.comments_count desc, p.id desc',
};

const nameColumn = (locale: Locale) => ({ ro: 'name_ro', en: 'name_en', hu: 'name_hu' })[locale];

/**
 * The list's filters as SQL over `proposals p` with their parameters (the map shares them). Only
 * the filters given appear: a short statement is planned in a fraction of the time a catch-all one
 * with "$n is null or …" branches takes, and planning was most of a list query's cost.
 */
export function listWhere(componentId: number, f: Omit<ProposalFilters, 'sort'>): { where: string; params: (string | number)[] } {
  const params: (string | number)[] = [componentId];
  const w = ['p.component_id = $1', 'p.hidden_at is null'];
  // Withdrawn proposals appear only when asked for by state.
  w.push(f.state ? `p.state = $${params.push(f.state)}` : `p.state <> 'withdrawn'`);
  if (f.category) w.push(`p.category_id = (select id from proposal_categories where code = $${params.push(f.category)})`);
  if (f.district) w.push(`p.district_id = $${params.push(f.district)}`);
  const q = f.q?.trim();
  if (q) w.push(`p.search @@ dz_fts_query($${params.push(q)})`);
  return { where: w.join(' and '), params };
}

export async function listProposals(db: Q, locale: Locale, componentId: number, f: ProposalFilters, page: number, pageSize: number): Promise<{ items: ProposalListItem[]; total: number }> {
  // The page size is written into the statement (see below); routes validate it, this keeps it so.
  if (!Number.isInteger(pageSize) || pageSize < 1 || !Number.isInteger(page) || page < 1) throw new TypeError(`listProposals: bad page ${page} / size ${pageSize}`);
  const { where, params } = listWhere(componentId, f);
  // Without category, district or text filters the trigger-kept counters give the total.
  const total = f.category || f.district || f.q?.trim()
    ? `(select count(*)::int from proposals p where ${where})`
    : `(select coalesce(sum(n), 0)::int from proposal_counts where component_id = $1 and ${f.state ? 'state = $2' : `state <> 'withdrawn'`})`;
  // One round trip: the total, then the page. The page's ids come first (an index-only walk past
  // the skipped rows, migration 004) and only those rows are read; names come from scalar
  // subqueries, which plan faster than joins.
  const rows = await db.query<{ total: number; id: number | null; title: string; excerpt: string; state: ProposalState; supports: number; comments: number; category: string | null; district: string | null; author: string | null; created_at: Date | string }>(
    `select t.total, p.id::int as id, p.title, left(p.body_public, 220) as excerpt, p.state, p.supports_count as supports, p.comments_count as comments,
            (select c.${nameColumn(locale)} from proposal_categories c where c.id = p.category_id) as category,
            (select a.name from areas a where a.id = p.district_id) as district,
            (select u.display_name from users u where u.id = p.author_id and u.erased_at is null) as author, p.created_at
     from (select ${total} as total) t
     left join lateral (
       select p.* from (select p.id from proposals p where ${where} order by ${ORDER[f.sort]} limit ${pageSize} offset $${params.length + 1}) k
       join proposals p on p.id = k.id
     ) p on true
     order by ${ORDER[f.sort]}`,
    [...params, (page - 1) * pageSize],
    // A few dozen texts (sort × filters given × locale × page size) whose plan is the walk down the
    // sort's index whatever the values. The page size stays in the text: a generic plan guesses a
    // LIMIT parameter at a tenth of the table, and for 5,000 rows reading the table whole looked
    // as cheap as fetching them one by one (seen: 70 ms per page instead of 0.4). A text search may
    // rather start from the full-text index, so it is planned with its words.
    { prepare: !f.q?.trim() },
  );
  return {
    items: rows.filter((r) => r.id !== null).map(({ total: _total, created_at, ...r }) => ({ ...r, id: r.id!, createdAt: new Date(created_at).toISOString() })),
    total: rows[0]?.total ?? 0,
  };
}

export interface Proposal extends ProposalListItem {
  componentId: number;
  spaceId: number;
  authorId: string | null;
  body: string;
  bodyPublic: string;
  categoryId: number | null;
  districtId: number | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  answerText: string | null;
  answeredAt: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  /** When its author last changed the text; null if never. */
  editedAt: string | null;
}

export async function getProposal(db: Q, locale: Locale, id: number): Promise<Proposal | null> {
  const [r] = await db.query<Record<string, unknown>>(
    `select p.id::int as id, p.component_id, p.space_id, p.author_id, p.title, p.body, p.body_public, left(p.body_public, 220) as excerpt, p.state,
            p.supports_count as supports, p.comments_count as comments, p.category_id, c.${nameColumn(locale)} as category, p.district_id, a.name as district,
            u.display_name as author, p.created_at, ST_Y(p.location) as lat, ST_X(p.location) as lng, p.address, p.answer_text, p.answered_at,
            p.hidden_at is not null as hidden, p.hidden_reason, p.edited_at
     from proposals p
     left join proposal_categories c on c.id = p.category_id
     left join areas a on a.id = p.district_id
     left join users u on u.id = p.author_id and u.erased_at is null
     where p.id = $1`,
    [id],
  );
  if (!r) return null;
  return {
    id: r.id as number,
    componentId: r.component_id as number,
    spaceId: r.space_id as number,
    authorId: r.author_id as string | null,
    title: r.title as string,
    body: r.body as string,
    bodyPublic: r.body_public as string,
    excerpt: r.excerpt as string,
    state: r.state as ProposalState,
    supports: r.supports as number,
    comments: r.comments as number,
    categoryId: r.category_id as number | null,
    category: r.category as string | null,
    districtId: r.district_id as number | null,
    district: r.district as string | null,
    author: r.author as string | null,
    createdAt: new Date(r.created_at as string).toISOString(),
    lat: r.lat as number | null,
    lng: r.lng as number | null,
    address: r.address as string | null,
    answerText: r.answer_text as string | null,
    answeredAt: r.answered_at ? new Date(r.answered_at as string).toISOString() : null,
    hidden: r.hidden as boolean,
    hiddenReason: r.hidden_reason as string | null,
    editedAt: r.edited_at ? new Date(r.edited_at as string).toISOString() : null,
  };
}

export interface SimilarProposal {
  id: number;
  title: string;
  state: ProposalState;
  supports: number;
}

/**
 * Proposals of the component that resemble what is being typed: a word stem shared with the title or
 * text (accents ignored, Romanian stemming), or a title at least 30 % trigram-similar; best first.
 */
export async function similarProposals(db: Q, componentId: number, input: { title: string; body?: string | undefined }, limit = 5, excludeId?: number): Promise<SimilarProposal[]> {
  const title = input.title.trim().slice(0, 200);
  const words = `${title} ${(input.body ?? '').trim().slice(0, 500)}`.trim();
  if (words.length < 4) return [];
  // Computed first, so the main query gets constants and the planner uses the GIN indexes.
  const [q] = await db.query<{ all: string; any: string; plain: string }>('select dz_fts_query($1)::text as all, dz_fts_any($1)::text as any, dz_unaccent($2) as plain', [words, title]);
  const find = (match: string, rank: string, param: string) =>
    db.query<SimilarProposal>(
      `select p.id::int as id, p.title, p.state, p.supports_count as supports
       from proposals p
       where p.component_id = $1 and p.hidden_at is null and p.state <> 'withdrawn' and ($3::bigint is null or p.id <> $3) and ${match}
       order by ${rank} desc, p.supports_count desc, p.id desc
       limit $2`,
      [componentId, limit, excludeId ?? null, param],
    );
  // Proposals sharing every word first, then any word; a title close by trigrams only when no word
  // matches (a typo), so fuzzy matching is not paid for on every keystroke.
  const found: SimilarProposal[] = q!.all ? await find('p.search @@ $4::tsquery', 'ts_rank(p.search, $4::tsquery)', q!.all) : [];
  if (found.length < limit && q!.any && q!.any !== q!.all) {
    for (const r of await find('p.search @@ $4::tsquery', 'ts_rank(p.search, $4::tsquery)', q!.any)) if (found.length < limit && !found.some((f) => f.id === r.id)) found.push(r);
  }
  if (found.length === 0 && q!.plain.length >= 4) return find('dz_unaccent(p.title) % $4::text', 'similarity(dz_unaccent(p.title), $4::text)', q!.plain);
  return found;
}

export interface CategoryOption {
  id: number;
  code: string;
  name: string;
}

export async function categoryOptions(db: Q, locale: Locale): Promise<CategoryOption[]> {
  return db.query(`select id, code, ${nameColumn(locale)} as name from proposal_categories order by position, id`);
}

/** The list's and the form's choices, categories and districts, in one round trip. */
export async function filterOptions(db: Q, locale: Locale): Promise<{ categories: CategoryOption[]; districts: { id: number; name: string }[] }> {
  const rows = await db.query<{ kind: 'c' | 'd'; id: number; code: string; name: string }>(
    `(select 'c' as kind, id, code, ${nameColumn(locale)} as name, position as pos from proposal_categories)
     union all (select 'd', id, '', name, 0 from areas where kind = 'district') order by kind, pos, name, id`,
    [],
    { prepare: true },
  );
  return {
    categories: rows.filter((r) => r.kind === 'c').map(({ id, code, name }) => ({ id, code, name })),
    districts: rows.filter((r) => r.kind === 'd').map(({ id, name }) => ({ id, name })),
  };
}

const OPTION_TABLES = ['proposal_categories', 'areas'] as const;

/** filterOptions for read-only requests: kept in memory until categories or areas change. Shared: do not mutate. */
export function cachedFilterOptions(ctx: Pick<AppContext, 'database' | 'cache'>, locale: Locale): ReturnType<typeof filterOptions> {
  return ctx.cache.get(`proposals:filter-options:${locale}`, OPTION_TABLES, () => filterOptions(ctx.database, locale));
}

export async function supportState(db: Q, componentId: number, proposalId: number, userId: string | undefined): Promise<{ supported: boolean; used: number }> {
  if (!userId) return { supported: false, used: 0 };
  const [r] = await db.query<{ supported: boolean; used: number }>(
    `select exists(select 1 from proposal_supports where proposal_id = $2 and user_id = $3) as supported,
            coalesce((select used from proposal_support_quotas where component_id = $1 and user_id = $3), 0) as used`,
    [componentId, proposalId, userId],
  );
  return r ?? { supported: false, used: 0 };
}

export async function supportsUsed(db: Q, componentId: number, userId: string | undefined): Promise<number> {
  if (!userId) return 0;
  const [r] = await db.query<{ used: number }>('select used from proposal_support_quotas where component_id = $1 and user_id = $2', [componentId, userId]);
  return r?.used ?? 0;
}

export interface ProposalVersion {
  version: number;
  title: string;
  bodyPublic: string;
  editedAt: string;
}

/** The public history of a proposal's text: masked text only, newest first. */
export async function listVersions(db: Q, proposalId: number): Promise<ProposalVersion[]> {
  const rows = await db.query<{ version: number; title: string; body_public: string; edited_at: Date | string }>(
    'select version, title, body_public, edited_at from proposal_versions where proposal_id = $1 order by version desc',
    [proposalId],
  );
  return rows.map((r) => ({ version: r.version, title: r.title, bodyPublic: r.body_public, editedAt: new Date(r.edited_at).toISOString() }));
}
