// Creating and editing departments and the districts they cover. Each command is one transaction
// that also writes its audit row.
import type { AppContext } from '../../context.ts';
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation } from '../db-errors.ts';

export interface DepartmentInput {
  name: string;
  slug: string;
  email: string;
}

export type CreateDepartmentOutcome = { kind: 'created'; id: number } | { kind: 'slug_taken' };
export type UpdateOutcome = { kind: 'updated' } | { kind: 'not_found' };
export type SetDistrictsOutcome = { kind: 'updated'; areaIds: number[] } | { kind: 'not_found' } | { kind: 'unknown_district' };

/** An empty address means "none"; addresses are stored in lower case like users' emails. */
export function optionalEmail(raw: string | undefined): string | null {
  const v = (raw ?? '').trim().toLowerCase();
  return v === '' ? null : v;
}

export async function createDepartment(ctx: AppContext, actorId: string, input: DepartmentInput): Promise<CreateDepartmentOutcome> {
  const name = input.name.trim();
  const email = optionalEmail(input.email);
  try {
    return await ctx.database.transaction(async (tx) => {
      const [d] = await tx.query<{ id: number }>('insert into departments (slug, name, email) values ($1, $2, $3) returning id', [input.slug, name, email]);
      await recordAudit(tx, { actorId, action: 'department.create', subjectType: 'department', subjectId: d!.id, details: { slug: input.slug, name, email } });
      return { kind: 'created', id: d!.id } as const;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'departments_slug_key')) return { kind: 'slug_taken' };
    throw err;
  }
}

export async function updateDepartment(ctx: AppContext, actorId: string, id: number, input: { name: string; email: string }): Promise<UpdateOutcome> {
  const name = input.name.trim();
  const email = optionalEmail(input.email);
  return ctx.database.transaction(async (tx) => {
    const [before] = await tx.query<{ name: string; email: string | null }>('select name, email from departments where id = $1 for update', [id]);
    if (!before) return { kind: 'not_found' } as const;
    await tx.query('update departments set name = $2, email = $3 where id = $1', [id, name, email]);
    await recordAudit(tx, { actorId, action: 'department.update', subjectType: 'department', subjectId: id, details: { before, after: { name, email } } });
    return { kind: 'updated' } as const;
  });
}

export async function setDepartmentDistricts(ctx: AppContext, actorId: string, id: number, areaIds: number[]): Promise<SetDistrictsOutcome> {
  const wanted = [...new Set(areaIds)].sort((a, b) => a - b);
  return ctx.database.transaction(async (tx) => {
    const [dep] = await tx.query('select 1 from departments where id = $1 for update', [id]);
    if (!dep) return { kind: 'not_found' } as const;
    const known = await tx.query<{ id: number }>(`select id from areas where kind = 'district' and id = any($1::int[])`, [wanted]);
    if (known.length !== wanted.length) return { kind: 'unknown_district' } as const;
    await tx.query('delete from department_districts where department_id = $1 and not (area_id = any($2::int[]))', [id, wanted]);
    await tx.query(
      `insert into department_districts (department_id, area_id) select $1, unnest($2::int[]) on conflict do nothing`,
      [id, wanted],
    );
    await recordAudit(tx, { actorId, action: 'department.districts.set', subjectType: 'department', subjectId: id, details: { areaIds: wanted } });
    return { kind: 'updated', areaIds: wanted } as const;
  });
}
