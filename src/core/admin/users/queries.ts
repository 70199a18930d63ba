// Read models for the people pages.
import type { Database } from '../../db/database.ts';
import { isoSql, PAGE_SIZE } from '../components.tsx';

export interface UserListRow {
  id: string;
  displayName: string;
  email: string | null;
  roles: string[];
  createdAt: string;
  state: 'active' | 'disabled' | 'erased';
}

export interface UserDetail extends UserListRow {
  locale: string;
  verified: boolean;
}

export interface Membership {
  id: number;
  name: string;
}

const STATE = `case when u.erased_at is not null then 'erased' when u.disabled_at is not null then 'disabled' else 'active' end`;
const COLUMNS = `u.id, u.display_name as "displayName", u.email, ${isoSql('u.created_at')} as "createdAt", ${STATE} as state,
  coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id), '{}') as roles`;

/** `%` and `_` typed by the admin are matched literally. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchUsers(db: Database, q: string, page: number): Promise<{ rows: UserListRow[]; total: number }> {
  const term = q.trim();
  const where = term ? `where u.email ilike $1 or unaccent(u.display_name) ilike unaccent($1)` : `where $1::text is null`;
  const param = term ? likePattern(term) : null;
  const [{ total }] = (await db.query<{ total: number }>(`select count(*)::int as total from users u ${where}`, [param])) as [{ total: number }];
  const rows = await db.query<UserListRow>(`select ${COLUMNS} from users u ${where} order by u.created_at desc, u.id limit $2 offset $3`, [
    param,
    PAGE_SIZE,
    (page - 1) * PAGE_SIZE,
  ]);
  return { rows, total };
}

export async function findUser(db: Database, id: string): Promise<UserDetail | null> {
  const [u] = await db.query<UserDetail>(`select ${COLUMNS}, u.locale, u.email_verified_at is not null as verified from users u where u.id = $1`, [id]);
  return u ?? null;
}

export async function userDepartments(db: Database, userId: string): Promise<{ member: Membership[]; others: Membership[] }> {
  const rows = await db.query<Membership & { member: boolean }>(
    `select d.id, d.name, exists (select 1 from department_members m where m.department_id = d.id and m.user_id = $1) as member
     from departments d order by d.name, d.id`,
    [userId],
  );
  return { member: rows.filter((r) => r.member), others: rows.filter((r) => !r.member) };
}

export async function userOrganizations(db: Database, userId: string): Promise<{ member: Membership[]; others: Membership[] }> {
  const rows = await db.query<Membership & { member: boolean }>(
    `select o.id, o.name, exists (select 1 from organization_members m where m.organization_id = o.id and m.user_id = $1) as member
     from organizations o order by o.name, o.id`,
    [userId],
  );
  return { member: rows.filter((r) => r.member), others: rows.filter((r) => !r.member) };
}
