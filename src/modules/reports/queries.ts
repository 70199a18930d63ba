// Read side of reports: what pages, feeds and the map API show. Public reads never include
// unconfirmed or hidden reports, nor the unmasked description.
import type { AppContext } from '../../core/context.ts';
import type { Locale } from '../../core/config/config.ts';
import type { Status } from './workflow.ts';

export interface ReportFilters {
  status?: Status | 'open' | undefined;
  category?: string | undefined;
  district?: number | undefined;
  department?: number | undefined;
  reporterId?: string | undefined;
}

export interface ReportListItem {
  id: number;
  status: Status;
  category: string;
  categoryCode: string;
  district: string | null;
  title: string;
  createdAt: string;
  lat: number;
  lng: number;
  address: string | null;
}

const nameCol = (locale: Locale) => ({ ro: 'name_ro', en: 'name_en', hu: 'name_hu' })[locale];
const ISO = `to_char(%s at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
export const iso = (col: string) => ISO.replace('%s', col);

export function whereFor(f: ReportFilters, params: unknown[], opts: { includeOwnUnpublished?: boolean } = {}): string {
  const w = opts.includeOwnUnpublished ? ['true'] : [`r.status <> 'unconfirmed'`, 'r.hidden_at is null'];
  if (f.status === 'open') w.push(`r.status in ('new','acknowledged','in_progress','planned')`);
  else if (f.status) w.push(`r.status = $${params.push(f.status)}`);
  if (f.category) w.push(`r.category_id = (select id from categories where code = $${params.push(f.category)})`);
  if (f.district) w.push(`r.district_id = $${params.push(f.district)}`);
  if (f.department) w.push(`r.department_id = $${params.push(f.department)}`);
  if (f.reporterId) w.push(`r.reporter_id = $${params.push(f.reporterId)}`);
  return w.join(' and ');
}

/**
 * How many public reports match, from report_tallies (kept by triggers, migration 004): a few hundred
 * rows at most, where counting the reports themselves reads the whole table.
 */
async function publicCount(ctx: AppContext, f: ReportFilters): Promise<{ n: number } | undefined> {
  const params: unknown[] = [];
  const w = ['t.n <> 0'];
  if (f.status === 'open') w.push(`t.status in ('new','acknowledged','in_progress','planned')`);
  else if (f.status) w.push(`t.status = $${params.push(f.status)}`);
  if (f.category) w.push(`t.category_id = (select id from categories where code = $${params.push(f.category)})`);
  if (f.district) w.push(`t.district_id = $${params.push(f.district)}`);
  if (f.department) w.push(`t.department_id = $${params.push(f.department)}`);
  const [row] = await ctx.database.query<{ n: number }>(`select coalesce(sum(t.n), 0)::int as n from report_tallies_live t where ${w.join(' and ')}`, params);
  return row;
}

/**
 * Newest first. With one filter fixed to a single value, that column leads the ordering (a no-op on
 * the result) so PostgreSQL walks the matching partial index (migration 005) instead of the
 * newest-first index: the planner assumes every status is spread evenly over time, and for old
 * statuses such as "closed" it would read half the table to find a page.
 */
export function newestFirst(f: ReportFilters): string {
  const oneStatus = f.status !== undefined && f.status !== 'open';
  const lead = f.category
    ? `r.category_id, ${oneStatus ? 'r.status, ' : ''}`
    : f.district
      ? `r.district_id, ${oneStatus ? 'r.status, ' : ''}`
      : oneStatus
        ? 'r.status, '
        : '';
  return `order by ${lead}r.created_at desc, r.id desc`;
}

/**
 * A page of the list. Its ids come first, from an index alone: the filter indexes (migrations 005,
 * 008) hold every column the filters and the order need, so PostgreSQL reads them without the
 * table and prefers them to walking the newest-first index, which it otherwise picks because the
 * table is in time order — and which, for "closed" (a month old at the newest), reads tens of
 * thousands of rows to find a page. Only the page's rows are then read.
 */
export async function listReports(ctx: AppContext, locale: Locale, f: ReportFilters, page: number, pageSize = 20): Promise<{ items: ReportListItem[]; total: number }> {
  const params: unknown[] = [];
  const where = whereFor(f, params, { includeOwnUnpublished: !!f.reporterId });
  const count = f.reporterId
    ? (await ctx.database.query<{ n: number }>(`select count(*)::int as n from reports r join categories c on c.id = r.category_id where ${where}`, params))[0]
    : await publicCount(ctx, f);
  const items = await ctx.database.query<ReportListItem>(
    `select r.id::int as id, r.status, c.${nameCol(locale)} as category, c.code as "categoryCode", a.name as district,
            left(r.description_public, 120) as title, ${iso('r.created_at')} as "createdAt",
            ST_Y(r.location) as lat, ST_X(r.location) as lng, r.address
     from (select r.id from reports r where ${where} ${f.reporterId ? 'order by r.created_at desc, r.id desc' : newestFirst(f)} limit ${pageSize} offset ${(Math.max(1, page) - 1) * pageSize}) k
     join reports r on r.id = k.id join categories c on c.id = r.category_id left join areas a on a.id = r.district_id
     order by r.created_at desc, r.id desc`,
    params,
  );
  return { items, total: count?.n ?? 0 };
}

export interface ReportUpdateView {
  id: number;
  kind: string;
  statusTo: string | null;
  body: string | null;
  public: boolean;
  details: Record<string, unknown>;
  author: string | null;
  at: string;
}

export interface ReportView {
  id: number;
  status: Status;
  outcome: string | null;
  rejectReason: string | null;
  categoryId: number;
  category: string;
  categoryCode: string;
  departmentId: number | null;
  department: string | null;
  districtId: number | null;
  district: string | null;
  lat: number;
  lng: number;
  address: string | null;
  descriptionPublic: string;
  description: string;
  reporterId: string | null;
  reporterName: string | null;
  hidden: boolean;
  createdAt: string;
  photoIds: number[];
  updates: ReportUpdateView[];
  followers: number;
  commentsCount: number;
  fixed: boolean | null;
  rating: number | null;
}

export async function getReport(ctx: AppContext, id: number, locale: Locale): Promise<ReportView | undefined> {
  const [r] = await ctx.database.query<Omit<ReportView, 'updates' | 'photoIds'> & { photo_ids: number[] | null }>(
    `select r.id::int as id, r.status, r.outcome, r.reject_reason as "rejectReason", r.category_id as "categoryId",
            c.${nameCol(locale)} as category, c.code as "categoryCode", r.department_id as "departmentId", d.name as department,
            r.district_id as "districtId", a.name as district, ST_Y(r.location) as lat, ST_X(r.location) as lng, r.address,
            r.description_public as "descriptionPublic", r.description, r.reporter_id as "reporterId",
            case when r.show_name then coalesce(u.display_name, r.contact_name) end as "reporterName",
            r.hidden_at is not null as hidden, ${iso('r.created_at')} as "createdAt",
            (select array_agg(p.id::int order by p.ordinal) from report_photos p where p.report_id = r.id and not p.hidden) as photo_ids,
            (select count(*)::int from report_followers f where f.report_id = r.id) as followers, r.comments_count as "commentsCount", r.fixed, r.rating
     from reports r join categories c on c.id = r.category_id left join departments d on d.id = r.department_id
       left join areas a on a.id = r.district_id left join users u on u.id = r.reporter_id and u.erased_at is null
     where r.id = $1`,
    [id],
  );
  if (!r) return undefined;
  const updates = await ctx.database.query<ReportUpdateView>(
    `select ru.id::int as id, ru.kind, ru.status_to as "statusTo", coalesce(ru.body_public, ru.body) as body, ru.public, ru.details,
            u.display_name as author, ${iso('ru.created_at')} as at
     from report_updates ru left join users u on u.id = ru.author_id
     where ru.report_id = $1 order by ru.created_at, ru.id`,
    [id],
  );
  const { photo_ids, ...rest } = r;
  return { ...rest, photoIds: photo_ids ?? [], updates };
}

export async function isFollowing(ctx: AppContext, reportId: number, userId: string): Promise<boolean> {
  const rows = await ctx.database.query('select 1 from report_followers where report_id = $1 and user_id = $2', [reportId, userId]);
  return rows.length > 0;
}

export interface CategoryOption {
  id: number;
  code: string;
  name: string;
  group: string;
  help: string;
}

export async function categoryOptions(ctx: AppContext, locale: Locale): Promise<CategoryOption[]> {
  const help = { ro: 'help_ro', en: 'help_en', hu: 'help_hu' }[locale];
  return ctx.database.query<CategoryOption>(
    `select c.id, c.code, c.${nameCol(locale)} as name, coalesce(d.name, '') as group, coalesce(s.${help}, '') as help
     from categories c left join departments d on d.id = c.department_id left join report_category_settings s on s.category_id = c.id
     where c.active order by d.name nulls last, c.${nameCol(locale)}`,
  );
}

export async function districtOptions(ctx: AppContext): Promise<{ id: number; name: string }[]> {
  return ctx.database.query(`select id, name from areas where kind = 'district' order by name`);
}
