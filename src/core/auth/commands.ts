// Account commands. Each returns an explicit outcome; routes turn outcomes into pages or problems.
import type { AppContext } from '../context.ts';
import type { Locale } from '../config/config.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { randomToken, sha256 } from './tokens.ts';
import { TERMS_VERSION } from '../privacy/consent-versions.ts';

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

export type RegisterOutcome = { kind: 'registered'; userId: string } | { kind: 'email_taken' };

export async function registerUser(
  ctx: AppContext,
  input: { email: string; password: string; displayName: string; notifications: boolean; locale: Locale },
): Promise<RegisterOutcome> {
  const email = input.email.trim().toLowerCase();
  const hash = await hashPassword(input.password);
  const city = await ctx.settings.city();
  return ctx.database.transaction(async (tx) => {
    const [u] = await tx.query<{ id: string }>(
      `insert into users (email, password_hash, display_name, locale) values ($1, $2, $3, $4)
       on conflict (email) do nothing returning id`,
      [email, hash, input.displayName.trim(), input.locale],
    );
    if (!u) return { kind: 'email_taken' } as const;
    await tx.query(`insert into consents (user_id, kind, version, granted) values ($1, 'terms', $2, true)`, [u.id, TERMS_VERSION]);
    await tx.query(`insert into consents (user_id, kind, version, granted) values ($1, 'notifications', $2, $3)`, [
      u.id,
      TERMS_VERSION,
      input.notifications,
    ]);
    await sendVerification(ctx, { id: u.id, email, displayName: input.displayName.trim(), locale: input.locale }, city.name, tx);
    return { kind: 'registered', userId: u.id } as const;
  });
}

type Tx = Parameters<Parameters<AppContext['database']['transaction']>[0]>[0];

export async function sendVerification(
  ctx: AppContext,
  user: { id: string; email: string; displayName: string; locale: Locale },
  cityName: string,
  tx?: Tx,
): Promise<void> {
  const token = randomToken();
  const q = tx ?? ctx.database;
  await q.query(
    `insert into user_tokens (token_hash, user_id, purpose, expires_at) values ($1, $2, 'verify_email', now() + interval '48 hours')`,
    [sha256(token), user.id],
  );
  const t = ctx.catalog.translator(user.locale);
  await ctx.mail.enqueue(
    {
      to: user.email,
      subject: t('auth.mail.verify.subject', { city: cityName }),
      text: t('auth.mail.verify.body', { name: user.displayName, link: `${ctx.config.baseUrl}/verify-email?token=${token}` }),
    },
    tx,
  );
}

export type LoginOutcome = { kind: 'ok'; userId: string } | { kind: 'invalid' } | { kind: 'locked'; minutes: number };

export async function login(ctx: AppContext, emailRaw: string, password: string): Promise<LoginOutcome> {
  const email = emailRaw.trim().toLowerCase();
  const [recent] = await ctx.database.query<{ failures: number; oldest: string | null }>(
    `select count(*)::int as failures, min(at)::text as oldest from login_attempts
     where email = $1 and not ok and at > now() - make_interval(mins => $2)
       and at > coalesce((select max(at) from login_attempts where email = $1 and ok), '-infinity')`,
    [email, LOCKOUT_MINUTES],
  );
  if ((recent?.failures ?? 0) >= LOCKOUT_FAILURES) {
    const since = recent?.oldest ? (Date.now() - Date.parse(recent.oldest)) / 60000 : 0;
    return { kind: 'locked', minutes: Math.max(1, Math.ceil(LOCKOUT_MINUTES - since)) };
  }
  const [u] = await ctx.database.query<{ id: string; password_hash: string | null; disabled: boolean }>(
    `select id, password_hash, (disabled_at is not null or erased_at is not null) as disabled from users where email = $1`,
    [email],
  );
  const ok = (await verifyPassword(u?.password_hash ?? null, password)) && !!u && !u.disabled;
  await ctx.database.query('insert into login_attempts (email, ok) values ($1, $2)', [email, ok]);
  return ok ? { kind: 'ok', userId: u!.id } : { kind: 'invalid' };
}

export async function verifyEmail(ctx: AppContext, token: string): Promise<'verified' | 'invalid_token'> {
  return ctx.database.transaction(async (tx) => {
    const [row] = await tx.query<{ user_id: string }>(
      `update user_tokens set used_at = now()
       where token_hash = $1 and purpose = 'verify_email' and used_at is null and expires_at > now() returning user_id`,
      [sha256(token)],
    );
    if (!row) return 'invalid_token' as const;
    await tx.query('update users set email_verified_at = coalesce(email_verified_at, now()) where id = $1', [row.user_id]);
    return 'verified' as const;
  });
}

/** Always succeeds from the caller's point of view, so the form does not reveal who has an account. */
export async function requestPasswordReset(ctx: AppContext, emailRaw: string): Promise<void> {
  const email = emailRaw.trim().toLowerCase();
  const [u] = await ctx.database.query<{ id: string; display_name: string; locale: Locale }>(
    'select id, display_name, locale from users where email = $1 and erased_at is null and disabled_at is null',
    [email],
  );
  if (!u) return;
  const token = randomToken();
  const city = await ctx.settings.city();
  const t = ctx.catalog.translator(u.locale);
  await ctx.database.transaction(async (tx) => {
    await tx.query(
      `insert into user_tokens (token_hash, user_id, purpose, expires_at) values ($1, $2, 'reset_password', now() + interval '1 hour')`,
      [sha256(token), u.id],
    );
    await ctx.mail.enqueue(
      {
        to: email,
        subject: t('auth.mail.reset.subject', { city: city.name }),
        text: t('auth.mail.reset.body', { name: u.display_name, link: `${ctx.config.baseUrl}/reset-password?token=${token}` }),
      },
      tx,
    );
  });
}

export async function resetPassword(ctx: AppContext, token: string, password: string): Promise<'reset' | 'invalid_token'> {
  const hash = await hashPassword(password);
  return ctx.database.transaction(async (tx) => {
    const [row] = await tx.query<{ user_id: string }>(
      `update user_tokens set used_at = now()
       where token_hash = $1 and purpose = 'reset_password' and used_at is null and expires_at > now() returning user_id`,
      [sha256(token)],
    );
    if (!row) return 'invalid_token' as const;
    // Receiving the link proves control of the address, so it also verifies it.
    await tx.query('update users set password_hash = $2, email_verified_at = coalesce(email_verified_at, now()) where id = $1', [row.user_id, hash]);
    await tx.query('delete from sessions where user_id = $1', [row.user_id]);
    await tx.query(`insert into login_attempts (email, ok) select email, true from users where id = $1`, [row.user_id]);
    return 'reset' as const;
  });
}
