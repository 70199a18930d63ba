// Read side of "My account": what the page shows, already shaped for the presenter.
import type { AppContext } from '../context.ts';
import type { Locale } from '../config/config.ts';
import type { TxQuery } from '../db/database.ts';

export type ConsentKind = 'terms' | 'notifications' | 'demographics';
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

export interface ConsentRecord {
  kind: ConsentKind;
  version: string;
  granted: boolean;
  at: string;
}

export interface DemographicsView {
  birthYear: number | null;
  gender: Gender | null;
  districtId: number | null;
}

export interface AccountView {
  displayName: string;
  email: string;
  locale: Locale;
  emailVerified: boolean;
  consents: Record<ConsentKind, boolean>;
  history: ConsentRecord[];
  demographics: DemographicsView | null;
}

/** Database timestamps arrive as Date (pg, PGlite) or text; everything leaving this feature is ISO 8601. */
export function iso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();
}

/** The current state of each consent is its latest record; a kind never recorded counts as not given. */
export async function currentConsents(q: Pick<TxQuery, 'query'>, userId: string): Promise<Record<ConsentKind, boolean>> {
  const rows = await q.query<{ kind: ConsentKind; granted: boolean }>(
    'select distinct on (kind) kind, granted from consents where user_id = $1 order by kind, at desc, id desc',
    [userId],
  );
  const out: Record<ConsentKind, boolean> = { terms: false, notifications: false, demographics: false };
  for (const r of rows) out[r.kind] = r.granted;
  return out;
}

export async function consentHistory(ctx: AppContext, userId: string): Promise<ConsentRecord[]> {
  const rows = await ctx.database.query<{ kind: ConsentKind; version: string; granted: boolean; at: unknown }>(
    'select kind, version, granted, at from consents where user_id = $1 order by at desc, id desc',
    [userId],
  );
  return rows.map((r) => ({ kind: r.kind, version: r.version, granted: r.granted, at: iso(r.at)! }));
}

export async function loadDemographics(ctx: AppContext, userId: string): Promise<DemographicsView | null> {
  const [d] = await ctx.database.query<{ birth_year: number | null; gender: Gender | null; district_id: number | null }>(
    'select birth_year, gender, district_id from demographics where user_id = $1',
    [userId],
  );
  return d ? { birthYear: d.birth_year, gender: d.gender, districtId: d.district_id } : null;
}

export async function loadAccount(ctx: AppContext, userId: string): Promise<AccountView | null> {
  const [u] = await ctx.database.query<{ display_name: string; email: string | null; locale: Locale; verified: boolean }>(
    'select display_name, email, locale, email_verified_at is not null as verified from users where id = $1 and erased_at is null',
    [userId],
  );
  if (!u || !u.email) return null;
  return {
    displayName: u.display_name,
    email: u.email,
    locale: u.locale,
    emailVerified: u.verified,
    consents: await currentConsents(ctx.database, userId),
    history: await consentHistory(ctx, userId),
    demographics: await loadDemographics(ctx, userId),
  };
}

export async function listDistricts(ctx: AppContext): Promise<{ id: number; name: string }[]> {
  return ctx.database.query<{ id: number; name: string }>(`select id, name from areas where kind = 'district' order by name`);
}
