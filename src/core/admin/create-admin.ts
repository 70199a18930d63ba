import type { AppContext } from '../context.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { TERMS_VERSION } from '../privacy/consent-versions.ts';

export type CreateAdminOutcome = { kind: 'created'; userId: string } | { kind: 'promoted'; userId: string } | { kind: 'invalid'; reason: string };

export async function createAdmin(ctx: AppContext, input: { email: string; name: string; password: string }): Promise<CreateAdminOutcome> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { kind: 'invalid', reason: `not an email address: ${input.email}` };
  if (input.password.length < MIN_PASSWORD_LENGTH) return { kind: 'invalid', reason: `the password needs at least ${MIN_PASSWORD_LENGTH} characters` };
  const hash = await hashPassword(input.password);
  return ctx.database.transaction(async (tx) => {
    const [existing] = await tx.query<{ id: string }>('select id from users where email = $1', [email]);
    if (existing) {
      await tx.query(`insert into user_roles (user_id, role) values ($1, 'admin') on conflict do nothing`, [existing.id]);
      await tx.query(`insert into audit_log (action, subject_type, subject_id) values ('role.grant.admin', 'user', $1)`, [existing.id]);
      return { kind: 'promoted', userId: existing.id } as const;
    }
    const [u] = await tx.query<{ id: string }>(
      `insert into users (email, password_hash, display_name, email_verified_at) values ($1, $2, $3, now()) returning id`,
      [email, hash, input.name.trim()],
    );
    await tx.query(`insert into user_roles (user_id, role) values ($1, 'admin')`, [u!.id]);
    await tx.query(`insert into consents (user_id, kind, version, granted) values ($1, 'terms', $2, true)`, [u!.id, TERMS_VERSION]);
    await tx.query(`insert into audit_log (action, subject_type, subject_id) values ('user.create.admin', 'user', $1)`, [u!.id]);
    return { kind: 'created', userId: u!.id } as const;
  });
}
