// The newest reports matching the /reports filters, with what a feed entry needs (only the masked
// public text, never the original description, contact data or the typed address).
import type { AppContext } from '../../../core/context.ts';
import type { Locale } from '../../../core/config/config.ts';
import { iso, newestFirst, whereFor, type ReportFilters } from '../queries.ts';
import type { Status } from '../workflow.ts';

export interface FeedReport {
  id: number;
  status: Status;
  categoryCode: string;
  category: string;
  district: string | null;
  text: string;
  createdAt: string;
  updatedAt: string;
  lat: number;
  lng: number;
}

/** Ids first, from a filter index alone, then those rows (as listReports does, and for the same reason). */
export async function feedReports(ctx: AppContext, locale: Locale, filters: ReportFilters, limit = 50): Promise<FeedReport[]> {
  const params: unknown[] = [];
  const where = whereFor({ ...filters, reporterId: undefined }, params);
  const name = { ro: 'c.name_ro', en: 'c.name_en', hu: 'c.name_hu' }[locale];
  return ctx.database.query<FeedReport>(
    `select r.id::int as id, r.status, c.code as "categoryCode", ${name} as category, a.name as district, r.description_public as text,
            ${iso('r.created_at')} as "createdAt", ${iso('r.updated_at')} as "updatedAt", ST_Y(r.location) as lat, ST_X(r.location) as lng
     from (select r.id from reports r where ${where} ${newestFirst(filters)} limit ${limit}) k
     join reports r on r.id = k.id join categories c on c.id = r.category_id left join areas a on a.id = r.district_id
     order by r.created_at desc, r.id desc`,
    params,
  );
}

/** Names of the chosen category and district, to say in the feed's subtitle what it follows. */
export async function filterNames(ctx: AppContext, locale: Locale, filters: ReportFilters): Promise<{ category?: string; district?: string }> {
  const out: { category?: string; district?: string } = {};
  if (filters.category) {
    const name = { ro: 'name_ro', en: 'name_en', hu: 'name_hu' }[locale];
    const [c] = await ctx.database.query<{ name: string }>(`select ${name} as name from categories where code = $1`, [filters.category]);
    if (c) out.category = c.name;
  }
  if (filters.district) {
    const [d] = await ctx.database.query<{ name: string }>('select name from areas where id = $1', [filters.district]);
    if (d) out.district = d.name;
  }
  return out;
}
