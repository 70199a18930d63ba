// Erasure of an account (GDPR art. 17). The users row stays so that what the person published keeps
// a valid author id; everything that identifies them is removed or anonymised in one transaction.
import type { AppContext } from '../context.ts';
import { verifyPassword } from '../auth/password.ts';

export type EraseOutcome = { kind: 'erased' } | { kind: 'wrong_password' } | { kind: 'last_admin' } | { kind: 'not_found' };

export async function eraseAccount(ctx: AppContext, userId: string, password: string): Promise<EraseOutcome> {
  const [u] = await ctx.database.query<{ password_hash: string | null }>('select password_hash from users where id = $1 and erased_at is null', [userId]);
  if (!u) return { kind: 'not_found' };
  if (!(await verifyPassword(u.password_hash, password))) return { kind: 'wrong_password' };
  // Stored in the platform's source language: the name is data, not interface text.
  const erasedName = ctx.catalog.translator('ro')('privacy.erasedName');
  return ctx.database.transaction(async (tx) => {
    const [me] = await tx.query<{ email: string | null; admin: boolean }>(
      `select email, exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'admin') as admin
       from users u where id = $1 and erased_at is null for update`,
      [userId],
    );
    if (!me) return { kind: 'not_found' } as const;
    if (me.admin) {
      // A city without an administrator could only be recovered from the command line.
      const [other] = await tx.query(
        `select 1 from user_roles r join users u on u.id = r.user_id
         where r.role = 'admin' and r.user_id <> $1 and u.erased_at is null and u.disabled_at is null limit 1`,
        [userId],
      );
      if (!other) return { kind: 'last_admin' } as const;
    }
    await tx.query(
      `update users set email = null, password_hash = null, display_name = $2, email_verified_at = null, erased_at = now()
       where id = $1`,
      [userId, erasedName],
    );
    for (const table of ['sessions', 'user_tokens', 'demographics', 'department_members', 'organization_members', 'user_roles']) {
      await tx.query(`delete from ${table} where user_id = $1`, [userId]);
    }
    if (me.email) {
      // Both tables are keyed by the address itself, so they would otherwise keep it after erasure.
      await tx.query('delete from login_attempts where email = $1', [me.email]);
      await tx.query('delete from mail_outbox where to_address = $1', [me.email]);
    }
    for (const m of ctx.modules) if (m.eraseUser) await m.eraseUser(ctx, userId, tx);
    // Consent records stay: they hold only the (now anonymous) user id, a kind, a version and a
    // time, and they are the proof that earlier processing had a lawful basis (GDPR art. 7(1)).
    return { kind: 'erased' } as const;
  });
}
