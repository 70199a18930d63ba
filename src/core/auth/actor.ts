// Who is making a request. Roles: every signed-in person is a citizen; official = member of at least
// one department; organization representative = member of an organization; moderator and admin are
// explicit grants.
import type { Database } from '../db/database.ts';
import type { Locale } from '../config/config.ts';

export type GrantedRole = 'moderator' | 'admin';
export const GRANTED_ROLES: GrantedRole[] = ['moderator', 'admin'];
export type Role = 'anonymous' | 'citizen' | 'org_rep' | 'official' | 'moderator' | 'admin';
export const ROLES: Role[] = ['anonymous', 'citizen', 'org_rep', 'official', 'moderator', 'admin'];

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      id: string;
      email: string;
      displayName: string;
      locale: Locale;
      emailVerified: boolean;
      roles: GrantedRole[];
      departmentIds: number[];
      organizationIds: number[];
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function hasRole(actor: Actor, role: Role): boolean {
  switch (role) {
    case 'anonymous':
      return actor.kind === 'anonymous';
    case 'citizen':
      return actor.kind === 'user';
    case 'official':
      return actor.kind === 'user' && actor.departmentIds.length > 0;
    case 'org_rep':
      return actor.kind === 'user' && actor.organizationIds.length > 0;
    default:
      return actor.kind === 'user' && actor.roles.includes(role);
  }
}

export function isSignedIn(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}

export async function loadActor(database: Database, userId: string): Promise<Actor> {
  const [u] = await database.query<{
    id: string;
    email: string | null;
    display_name: string;
    locale: Locale;
    verified: boolean;
    disabled: boolean;
    roles: string[] | null;
    departments: number[] | null;
    organizations: number[] | null;
  }>(
    `select u.id, u.email, u.display_name, u.locale, u.email_verified_at is not null as verified,
            (u.disabled_at is not null or u.erased_at is not null) as disabled,
            (select array_agg(role) from user_roles r where r.user_id = u.id) as roles,
            (select array_agg(department_id) from department_members d where d.user_id = u.id) as departments,
            (select array_agg(organization_id) from organization_members o where o.user_id = u.id) as organizations
     from users u where u.id = $1`,
    [userId],
  );
  if (!u || u.disabled || !u.email) return ANONYMOUS;
  return {
    kind: 'user',
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    locale: u.locale,
    emailVerified: u.verified,
    roles: (u.roles ?? []).filter((r): r is GrantedRole => GRANTED_ROLES.includes(r as GrantedRole)),
    departmentIds: u.departments ?? [],
    organizationIds: u.organizations ?? [],
  };
}
