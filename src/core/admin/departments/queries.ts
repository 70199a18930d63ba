// Read models for the department pages.
import type { Database } from '../../db/database.ts';

export interface DepartmentRow {
  id: number;
  slug: string;
  name: string;
  email: string | null;
  members: number;
  categories: number;
  districts: number;
}

export interface DistrictChoice {
  id: number;
  name: string;
  covered: boolean;
}

export interface CategoryRow {
  id: number;
  code: string;
  nameRo: string;
  nameEn: string;
  nameHu: string;
  active: boolean;
}

export interface MemberRow {
  userId: string;
  displayName: string;
  email: string | null;
}

export async function listDepartments(db: Database): Promise<DepartmentRow[]> {
  return db.query<DepartmentRow>(
    `select d.id, d.slug, d.name, d.email,
            (select count(*)::int from department_members m where m.department_id = d.id) as members,
            (select count(*)::int from categories c where c.department_id = d.id) as categories,
            (select count(*)::int from department_districts x where x.department_id = d.id) as districts
     from departments d order by d.name, d.id`,
  );
}

export async function findDepartment(db: Database, id: number): Promise<Omit<DepartmentRow, 'members' | 'categories' | 'districts'> | null> {
  const [d] = await db.query<{ id: number; slug: string; name: string; email: string | null }>('select id, slug, name, email from departments where id = $1', [id]);
  return d ?? null;
}

export async function districtChoices(db: Database, departmentId: number): Promise<DistrictChoice[]> {
  return db.query<DistrictChoice>(
    `select a.id, a.name, exists (select 1 from department_districts x where x.department_id = $1 and x.area_id = a.id) as covered
     from areas a where a.kind = 'district' order by a.name, a.id`,
    [departmentId],
  );
}

const CATEGORY_COLUMNS = 'id, code, name_ro as "nameRo", name_en as "nameEn", name_hu as "nameHu", active';

export async function departmentCategories(db: Database, departmentId: number): Promise<CategoryRow[]> {
  return db.query<CategoryRow>(`select ${CATEGORY_COLUMNS} from categories where department_id = $1 order by code`, [departmentId]);
}

export async function findCategory(db: Database, departmentId: number, categoryId: number): Promise<CategoryRow | null> {
  const [c] = await db.query<CategoryRow>(`select ${CATEGORY_COLUMNS} from categories where id = $1 and department_id = $2`, [categoryId, departmentId]);
  return c ?? null;
}

export async function departmentMembers(db: Database, departmentId: number): Promise<MemberRow[]> {
  return db.query<MemberRow>(
    `select u.id as "userId", u.display_name as "displayName", u.email
     from department_members m join users u on u.id = m.user_id
     where m.department_id = $1 order by u.display_name, u.id`,
    [departmentId],
  );
}
