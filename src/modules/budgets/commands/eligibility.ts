// Who may vote online in an edition: a signed-in person with a verified e-mail, old enough when the
// edition sets a minimum age (birth year from their profile, counted in the calendar year of the
// vote), and, when the edition has a residents' list, holding one identifier from it.
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { Database, TxQuery } from '../../../core/db/database.ts';
import { hmac } from '../../../core/auth/tokens.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';
import type { EditionCore } from '../budget-config.ts';

export type IneligibleReason = 'not_signed_in' | 'email_unverified' | 'no_birth_year' | 'too_young' | 'census_unclaimed';
export type Eligibility = { kind: 'eligible'; censusHash: string | null } | { kind: 'ineligible'; reason: IneligibleReason };

/** Identifiers from a residents' list compare case- and space-insensitively. */
export function normalizeIdentifier(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, '');
}

/** Keyed hash: a leaked table cannot be reversed by trying every personal number. */
export function censusHash(secret: string, identifier: string): string {
  return hmac(secret, `pb-census:${normalizeIdentifier(identifier)}`);
}

export async function checkEligibility(q: Pick<Database | TxQuery, 'query'>, actor: Actor, edition: Pick<EditionCore, 'id' | 'minAge' | 'censusRequired'>): Promise<Eligibility> {
  if (actor.kind !== 'user') return { kind: 'ineligible', reason: 'not_signed_in' };
  if (!actor.emailVerified) return { kind: 'ineligible', reason: 'email_unverified' };
  if (edition.minAge === null && !edition.censusRequired) return { kind: 'eligible', censusHash: null };
  const [row] = await q.query<{ birth_year: number | null; census: string | null; year: number }>(
    `select (select birth_year from demographics where user_id = $1) as birth_year,
            (select identifier_hash from pb_census where edition_id = $2 and claimed_by = $1) as census,
            extract(year from now())::int as year`,
    [actor.id, edition.id],
  );
  if (edition.minAge !== null) {
    if (row?.birth_year == null) return { kind: 'ineligible', reason: 'no_birth_year' };
    if (row.year - row.birth_year < edition.minAge) return { kind: 'ineligible', reason: 'too_young' };
  }
  if (edition.censusRequired && !row?.census) return { kind: 'ineligible', reason: 'census_unclaimed' };
  return { kind: 'eligible', censusHash: row?.census ?? null };
}

export type ClaimOutcome = { kind: 'claimed' } | { kind: 'not_in_list' } | { kind: 'taken' } | { kind: 'has_other' } | { kind: 'not_signed_in' };

/** Binds one identifier of the residents' list to the account, once and for good. */
export async function claimCensus(ctx: AppContext, actor: Actor, editionId: number, identifier: string): Promise<ClaimOutcome> {
  if (actor.kind !== 'user') return { kind: 'not_signed_in' };
  const hash = censusHash(ctx.secret, identifier);
  return ctx.database.transaction(async (tx) => {
    const [mine] = await tx.query<{ identifier_hash: string }>('select identifier_hash from pb_census where edition_id = $1 and claimed_by = $2', [editionId, actor.id]);
    if (mine) return mine.identifier_hash === hash ? { kind: 'claimed' } : { kind: 'has_other' };
    const [row] = await tx.query<{ claimed_by: string | null }>('select claimed_by from pb_census where edition_id = $1 and identifier_hash = $2 for update', [editionId, hash]);
    if (!row) return { kind: 'not_in_list' };
    if (row.claimed_by !== null) return { kind: 'taken' };
    await tx.query('update pb_census set claimed_by = $3, claimed_at = now() where edition_id = $1 and identifier_hash = $2', [editionId, hash, actor.id]);
    return { kind: 'claimed' };
  });
}

export type CensusUploadOutcome = { kind: 'uploaded'; added: number; total: number } | { kind: 'empty' } | { kind: 'not_found' };

/**
 * Adds the identifiers of a CSV residents' list (first column; a header row whose first cell is
 * not an identifier is fine, it simply never matches anyone). Existing claims are kept.
 */
export async function uploadCensus(ctx: AppContext, actorId: string, editionId: number, csv: string): Promise<CensusUploadOutcome> {
  const ids = new Set<string>();
  for (const line of csv.split(/\r?\n/)) {
    const first = line.split(/[;,\t]/)[0]?.replace(/^"|"$/g, '') ?? '';
    if (normalizeIdentifier(first)) ids.add(censusHash(ctx.secret, first));
  }
  if (ids.size === 0) return { kind: 'empty' };
  return ctx.database.transaction(async (tx) => {
    const [e] = await tx.query('select id from pb_editions where id = $1 for update', [editionId]);
    if (!e) return { kind: 'not_found' } as const;
    const inserted = await tx.query(
      `insert into pb_census (edition_id, identifier_hash) select $1, h from unnest($2::text[]) as h on conflict do nothing returning 1`,
      [editionId, [...ids]],
    );
    await tx.query('update pb_editions set census_required = true, updated_at = now() where id = $1', [editionId]);
    const [n] = await tx.query<{ n: number }>('select count(*)::int as n from pb_census where edition_id = $1', [editionId]);
    await recordAudit(tx, { actorId, action: 'pb.census.upload', subjectType: 'pb_edition', subjectId: editionId, details: { added: inserted.length, total: n!.n } });
    return { kind: 'uploaded', added: inserted.length, total: n!.n } as const;
  });
}
