// Officials are the members of a department. Used from the department page (by email) and from a
// person's page (by id).
import type { AppContext } from '../../context.ts';
import type { TxQuery } from '../../db/database.ts';
import { recordAudit } from '../audit/record.ts';

export type Who = { email: string } | { userId: string };
export type AddMemberOutcome = { kind: 'added'; userId: string } | { kind: 'not_found' } | { kind: 'no_such_user' } | { kind: 'already_member' };
export type RemoveMemberOutcome = { kind: 'removed' } | { kind: 'not_found' } | { kind: 'not_member' };

/** A live account (not erased) by email or id. */
export async function findPerson(tx: TxQuery, who: Who): Promise<string | null> {
  const [u] =
    'email' in who
      ? await tx.query<{ id: string }>('select id from users where email = $1 and erased_at is null', [who.email.trim().toLowerCase()])
      : await tx.query<{ id: string }>('select id from users where id = $1 and erased_at is null', [who.userId]);
  return u?.id ?? null;
}

export async function addDepartmentMember(ctx: AppContext, actorId: string, departmentId: number, who: Who): Promise<AddMemberOutcome> {
  return ctx.database.transaction(async (tx) => {
    const [dep] = await tx.query('select 1 from departments where id = $1', [departmentId]);
    if (!dep) return { kind: 'not_found' } as const;
    const userId = await findPerson(tx, who);
    if (!userId) return { kind: 'no_such_user' } as const;
    const inserted = await tx.query('insert into department_members (department_id, user_id) values ($1, $2) on conflict do nothing returning 1', [departmentId, userId]);
    if (inserted.length === 0) return { kind: 'already_member' } as const;
    await recordAudit(tx, { actorId, action: 'department.member.add', subjectType: 'department', subjectId: departmentId, details: { userId } });
    return { kind: 'added', userId } as const;
  });
}

export async function removeDepartmentMember(ctx: AppContext, actorId: string, departmentId: number, userId: string): Promise<RemoveMemberOutcome> {
  return ctx.database.transaction(async (tx) => {
    const [dep] = await tx.query('select 1 from departments where id = $1', [departmentId]);
    if (!dep) return { kind: 'not_found' } as const;
    const removed = await tx.query('delete from department_members where department_id = $1 and user_id = $2 returning 1', [departmentId, userId]);
    if (removed.length === 0) return { kind: 'not_member' } as const;
    await recordAudit(tx, { actorId, action: 'department.member.remove', subjectType: 'department', subjectId: departmentId, details: { userId } });
    return { kind: 'removed' } as const;
  });
}
