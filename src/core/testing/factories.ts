// Fixture builders. Every call makes unique rows, so tests in one file never collide.
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { hashPassword } from '../auth/password.ts';
import { createSession } from '../auth/sessions.ts';
import { hmac } from '../auth/tokens.ts';
import type { Role } from '../auth/actor.ts';

let n = 0;
export function unique(prefix = 'x'): string {
  return `${prefix}${++n}${randomBytes(3).toString('hex')}`;
}

// Hashing is deliberately slow; fixtures share one hash.
let cachedHash: Promise<string> | undefined;
export const FIXTURE_PASSWORD = 'correct horse battery';

export interface UserFixture {
  id: string;
  email: string;
  password: string;
}

export async function makeUser(
  ctx: AppContext,
  opts: { role?: Role; departmentIds?: number[]; verified?: boolean; email?: string; name?: string } = {},
): Promise<UserFixture> {
  cachedHash ??= hashPassword(FIXTURE_PASSWORD);
  const email = opts.email ?? `${unique('user')}@example.test`;
  const [u] = await ctx.database.query<{ id: string }>(
    `insert into users (email, password_hash, display_name, email_verified_at) values ($1, $2, $3, ${opts.verified === false ? 'null' : 'now()'}) returning id`,
    [email, await cachedHash, opts.name ?? `Test ${email.split('@')[0]}`],
  );
  const id = u!.id;
  if (opts.role === 'admin' || opts.role === 'moderator') await ctx.database.query('insert into user_roles (user_id, role) values ($1, $2)', [id, opts.role]);
  if (opts.role === 'official' || opts.departmentIds) {
    const deps = opts.departmentIds ?? [(await makeDepartment(ctx)).id];
    for (const d of deps) await ctx.database.query('insert into department_members (department_id, user_id) values ($1, $2)', [d, id]);
  }
  if (opts.role === 'org_rep') {
    const [o] = await ctx.database.query<{ id: number }>(`insert into organizations (name, helix_type) values ($1, 'civil_society') returning id`, [unique('Org ')]);
    await ctx.database.query('insert into organization_members (organization_id, user_id) values ($1, $2)', [o!.id, id]);
  }
  return { id, email, password: FIXTURE_PASSWORD };
}

export async function makeDepartment(ctx: AppContext, name?: string): Promise<{ id: number; slug: string }> {
  const slug = unique('dep-');
  const [d] = await ctx.database.query<{ id: number }>('insert into departments (slug, name) values ($1, $2) returning id', [slug, name ?? slug]);
  return { id: d!.id, slug };
}

/** Cookie header and CSRF token of a signed-in browser for `userId` (or an anonymous one). */
export async function browser(ctx: AppContext, userId?: string): Promise<{ cookie: string; csrf: string; headers: Record<string, string> }> {
  const seed = unique('seed-seed-seed-seed-');
  const parts = [`dz_csrf=${seed}`];
  if (userId) parts.push(`dz_session=${await createSession(ctx.database, userId)}`);
  const cookie = parts.join('; ');
  const csrf = hmac(ctx.secret, seed);
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
