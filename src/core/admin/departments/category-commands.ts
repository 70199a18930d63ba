// Report categories belong to a department; codes are unique city-wide (e.g. `roads.pothole`).
import type { AppContext } from '../../context.ts';
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation } from '../db-errors.ts';

export interface CategoryInput {
  code: string;
  nameRo: string;
  nameEn: string;
  nameHu: string;
  active: boolean;
}

export type CreateCategoryOutcome = { kind: 'created'; id: number } | { kind: 'not_found' } | { kind: 'code_taken' };
export type UpdateCategoryOutcome = { kind: 'updated' } | { kind: 'not_found' } | { kind: 'code_taken' };

function clean(input: CategoryInput): CategoryInput {
  return { code: input.code, nameRo: input.nameRo.trim(), nameEn: input.nameEn.trim(), nameHu: input.nameHu.trim(), active: input.active };
}

export async function createCategory(ctx: AppContext, actorId: string, departmentId: number, raw: CategoryInput): Promise<CreateCategoryOutcome> {
  const c = clean(raw);
  try {
    return await ctx.database.transaction(async (tx) => {
      const [dep] = await tx.query('select 1 from departments where id = $1', [departmentId]);
      if (!dep) return { kind: 'not_found' } as const;
      const [row] = await tx.query<{ id: number }>(
        'insert into categories (code, name_ro, name_en, name_hu, department_id, active) values ($1, $2, $3, $4, $5, $6) returning id',
        [c.code, c.nameRo, c.nameEn, c.nameHu, departmentId, c.active],
      );
      await recordAudit(tx, { actorId, action: 'category.create', subjectType: 'category', subjectId: row!.id, details: { departmentId, ...c } });
      return { kind: 'created', id: row!.id } as const;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'categories_code_key')) return { kind: 'code_taken' };
    throw err;
  }
}

export async function updateCategory(ctx: AppContext, actorId: string, departmentId: number, categoryId: number, raw: CategoryInput): Promise<UpdateCategoryOutcome> {
  const c = clean(raw);
  try {
    return await ctx.database.transaction(async (tx) => {
      const [before] = await tx.query<Record<string, unknown>>(
        'select code, name_ro as "nameRo", name_en as "nameEn", name_hu as "nameHu", active from categories where id = $1 and department_id = $2 for update',
        [categoryId, departmentId],
      );
      if (!before) return { kind: 'not_found' } as const;
      await tx.query('update categories set code = $2, name_ro = $3, name_en = $4, name_hu = $5, active = $6 where id = $1', [
        categoryId,
        c.code,
        c.nameRo,
        c.nameEn,
        c.nameHu,
        c.active,
      ]);
      await recordAudit(tx, { actorId, action: 'category.update', subjectType: 'category', subjectId: categoryId, details: { departmentId, before, after: c } });
      return { kind: 'updated' } as const;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'categories_code_key')) return { kind: 'code_taken' };
    throw err;
  }
}
