// People in a space: followers (anyone signed in), members of assemblies and working groups
// (chosen by admins, with a role) and of neighbourhood groups (residents join themselves).
import type { AppContext } from '../../../core/context.ts';
import type { UserActor } from '../../../core/auth/actor.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';
import type { MemberRole } from '../model.ts';

export async function setFollowing(ctx: AppContext, actor: UserActor, spaceId: number, follow: boolean): Promise<{ kind: 'done'; following: boolean }> {
  if (follow) await ctx.database.query('insert into space_followers (space_id, user_id) values ($1, $2) on conflict do nothing', [spaceId, actor.id]);
  else await ctx.database.query('delete from space_followers where space_id = $1 and user_id = $2', [spaceId, actor.id]);
  return { kind: 'done', following: follow };
}

/** Joining a neighbourhood group also follows it, so its news reach the new member. */
export async function setMembership(ctx: AppContext, actor: UserActor, spaceId: number, join: boolean): Promise<{ kind: 'done'; member: boolean }> {
  await ctx.database.transaction(async (tx) => {
    if (join) {
      await tx.query(`insert into space_members (space_id, user_id, role) values ($1, $2, 'member') on conflict do nothing`, [spaceId, actor.id]);
      await tx.query('insert into space_followers (space_id, user_id) values ($1, $2) on conflict do nothing', [spaceId, actor.id]);
    } else {
      await tx.query(`delete from space_members where space_id = $1 and user_id = $2 and role = 'member'`, [spaceId, actor.id]);
    }
  });
  return { kind: 'done', member: join };
}

export type AddMemberOutcome = { kind: 'added' } | { kind: 'not_found' } | { kind: 'unknown_user' };

export async function addMember(ctx: AppContext, actorId: string, spaceId: number, email: string, role: MemberRole, positionTitle: string): Promise<AddMemberOutcome> {
  return ctx.database.transaction(async (tx) => {
    const [space] = await tx.query('select 1 from spaces where id = $1', [spaceId]);
    if (!space) return { kind: 'not_found' } as const;
    const [u] = await tx.query<{ id: string }>('select id from users where email = $1 and erased_at is null and disabled_at is null', [email.trim().toLowerCase()]);
    if (!u) return { kind: 'unknown_user' } as const;
    await tx.query(
      `insert into space_members (space_id, user_id, role, position_title) values ($1, $2, $3, $4)
       on conflict (space_id, user_id) do update set role = excluded.role, position_title = excluded.position_title`,
      [spaceId, u.id, role, positionTitle.trim()],
    );
    await tx.query('insert into space_followers (space_id, user_id) values ($1, $2) on conflict do nothing', [spaceId, u.id]);
    await recordAudit(tx, { actorId, action: 'space.member.add', subjectType: 'space', subjectId: spaceId, details: { userId: u.id, role } });
    return { kind: 'added' } as const;
  });
}

export async function setMemberRole(ctx: AppContext, actorId: string, spaceId: number, userId: string, role: MemberRole): Promise<{ kind: 'done' } | { kind: 'not_found' }> {
  return ctx.database.transaction(async (tx) => {
    const rows = await tx.query('update space_members set role = $3 where space_id = $1 and user_id = $2 returning 1', [spaceId, userId, role]);
    if (!rows.length) return { kind: 'not_found' } as const;
    await recordAudit(tx, { actorId, action: 'space.member.role', subjectType: 'space', subjectId: spaceId, details: { userId, role } });
    return { kind: 'done' } as const;
  });
}

export async function removeMember(ctx: AppContext, actorId: string, spaceId: number, userId: string): Promise<{ kind: 'done' } | { kind: 'not_found' }> {
  return ctx.database.transaction(async (tx) => {
    const rows = await tx.query('delete from space_members where space_id = $1 and user_id = $2 returning 1', [spaceId, userId]);
    if (!rows.length) return { kind: 'not_found' } as const;
    await recordAudit(tx, { actorId, action: 'space.member.remove', subjectType: 'space', subjectId: spaceId, details: { userId } });
    return { kind: 'done' } as const;
  });
}
