// Commands that change a person's own account. Each returns an explicit outcome for the route.
import type { AppContext } from '../context.ts';
import type { Locale } from '../config/config.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { sha256 } from '../auth/tokens.ts';
import { TERMS_VERSION } from './consent-versions.ts';
import { currentConsents, type ConsentKind, type Gender } from './queries.ts';

export const MIN_BIRTH_YEAR = 1900;

export async function updateProfile(ctx: AppContext, userId: string, input: { displayName: string; locale: Locale }): Promise<{ kind: 'updated' }> {
  await ctx.database.query('update users set display_name = $2, locale = $3 where id = $1 and erased_at is null', [userId, input.displayName.trim(), input.locale]);
  return { kind: 'updated' };
}

export type ChangePasswordOutcome = { kind: 'changed' } | { kind: 'wrong_password' };

/** Other sessions end: whoever changes a password may be shutting out someone who learned the old one. */
export async function changePassword(
  ctx: AppContext,
  userId: string,
  input: { current: string; next: string; keepSessionToken: string | undefined },
): Promise<ChangePasswordOutcome> {
  const [u] = await ctx.database.query<{ password_hash: string | null }>('select password_hash from users where id = $1 and erased_at is null', [userId]);
  if (!(await verifyPassword(u?.password_hash ?? null, input.current))) return { kind: 'wrong_password' };
  const hash = await hashPassword(input.next);
  const keep = input.keepSessionToken ? sha256(input.keepSessionToken) : '';
  await ctx.database.transaction(async (tx) => {
    await tx.query('update users set password_hash = $2 where id = $1', [userId, hash]);
    await tx.query('delete from sessions where user_id = $1 and id <> $2', [userId, keep]);
    await tx.query(`delete from user_tokens where user_id = $1 and purpose = 'reset_password'`, [userId]);
  });
  return { kind: 'changed' };
}

export type SetConsentsOutcome = { kind: 'saved'; changed: ConsentKind[] };

/**
 * Appends one record per consent whose state changes; the history is never rewritten. Withdrawing
 * the demographics consent deletes the demographic data in the same transaction.
 */
export async function setConsents(
  ctx: AppContext,
  userId: string,
  wanted: { notifications: boolean; demographics: boolean },
): Promise<SetConsentsOutcome> {
  return ctx.database.transaction(async (tx) => {
    // Serialises concurrent submissions of the same person so each change is recorded once.
    await tx.query('select id from users where id = $1 for update', [userId]);
    const now = await currentConsents(tx, userId);
    const changed: ConsentKind[] = [];
    for (const kind of ['notifications', 'demographics'] as const) {
      if (now[kind] === wanted[kind]) continue;
      await tx.query('insert into consents (user_id, kind, version, granted) values ($1, $2, $3, $4)', [userId, kind, TERMS_VERSION, wanted[kind]]);
      changed.push(kind);
    }
    if (!wanted.demographics) await tx.query('delete from demographics where user_id = $1', [userId]);
    return { kind: 'saved', changed } as const;
  });
}

export interface DemographicsInput {
  birthYear: number | null;
  gender: Gender | null;
  districtId: number | null;
}

export type SaveDemographicsOutcome =
  | { kind: 'saved' }
  | { kind: 'no_consent' }
  | { kind: 'invalid'; field: 'birthYear' | 'districtId' };

export async function saveDemographics(ctx: AppContext, userId: string, input: DemographicsInput, thisYear = new Date().getUTCFullYear()): Promise<SaveDemographicsOutcome> {
  if (input.birthYear !== null && (input.birthYear < MIN_BIRTH_YEAR || input.birthYear > thisYear)) return { kind: 'invalid', field: 'birthYear' };
  return ctx.database.transaction(async (tx) => {
    await tx.query('select id from users where id = $1 for update', [userId]);
    if (!(await currentConsents(tx, userId)).demographics) return { kind: 'no_consent' } as const;
    if (input.districtId !== null) {
      const [d] = await tx.query(`select 1 from areas where id = $1 and kind = 'district'`, [input.districtId]);
      if (!d) return { kind: 'invalid', field: 'districtId' } as const;
    }
    await tx.query(
      `insert into demographics (user_id, birth_year, gender, district_id) values ($1, $2, $3, $4)
       on conflict (user_id) do update set birth_year = excluded.birth_year, gender = excluded.gender,
         district_id = excluded.district_id, updated_at = now()`,
      [userId, input.birthYear, input.gender, input.districtId],
    );
    return { kind: 'saved' } as const;
  });
}
