// Granting and revoking the two explicit roles. An admin may not revoke their own admin role: it is
// the easiest way to lock a city out of its own administration.
import type { AppContext } from '../../context.ts';
import type { GrantedRole } from '../../auth/actor.ts';
import { recordAudit } from '../audit/record.ts';

export type RoleChange = 'grant' | 'revoke';
export type SetRoleOutcome = { kind: 'changed' } | { kind: 'unchanged' } | { kind: 'not_found' } | { kind: 'own_admin_role' };

export async function setRole(ctx: AppContext, actorId: string, userId: string, role: GrantedRole, change: RoleChange): Promise<SetRoleOutcome> {
  if (change === 'revoke' && role === 'admin' && userId === actorId) return { kind: 'own_admin_role' };
  return ctx.database.transaction(async (tx) => {
    const [user] = await tx.query('select 1 from users where id = $1 and erased_at is null', [userId]);
    if (!user) return { kind: 'not_found' } as const;
    const rows =
      change === 'grant'
        ? await tx.query('insert into user_roles (user_id, role) values ($1, $2) on conflict do nothing returning 1', [userId, role])
        : await tx.query('delete from user_roles where user_id = $1 and role = $2 returning 1', [userId, role]);
    if (rows.length === 0) return { kind: 'unchanged' } as const;
    await recordAudit(tx, { actorId, action: `user.role.${change}`, subjectType: 'user', subjectId: userId, details: { role } });
    return { kind: 'changed' } as const;
  });
}
