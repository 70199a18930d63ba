// Organizations of the quadruple helix and their representatives.
import type { AppContext } from '../../context.ts';
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { findPerson, type Who } from '../departments/member-commands.ts';

export const HELIX_TYPES = ['public_institution', 'private_company', 'academia', 'civil_society'] as const;
export type HelixType = (typeof HELIX_TYPES)[number];

export type CreateOrganizationOutcome = { kind: 'created'; id: number } | { kind: 'name_taken' };
export type VerifyOutcome = { kind: 'changed' } | { kind: 'unchanged' } | { kind: 'not_found' };
export type AddRepOutcome = { kind: 'added'; userId: string } | { kind: 'not_found' } | { kind: 'no_such_user' } | { kind: 'already_member' };
export type RemoveRepOutcome = { kind: 'removed' } | { kind: 'not_found' } | { kind: 'not_member' };

export async function createOrganization(ctx: AppContext, actorId: string, input: { name: string; helixType: HelixType }): Promise<CreateOrganizationOutcome> {
  const name = input.name.trim();
  try {
    return await ctx.database.transaction(async (tx) => {
      const [o] = await tx.query<{ id: number }>('insert into organizations (name, helix_type) values ($1, $2) returning id', [name, input.helixType]);
      await recordAudit(tx, { actorId, action: 'organization.create', subjectType: 'organization', subjectId: o!.id, details: { name, helixType: input.helixType } });
      return { kind: 'created', id: o!.id } as const;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'organizations_name_key')) return { kind: 'name_taken' };
    throw err;
  }
}

/** Verification tells citizens the organization is who it says it is; it can be withdrawn. */
export async function setVerified(ctx: AppContext, actorId: string, id: number, verified: boolean): Promise<VerifyOutcome> {
  return ctx.database.transaction(async (tx) => {
    const [o] = await tx.query<{ verified: boolean }>('select verified_at is not null as verified from organizations where id = $1 for update', [id]);
    if (!o) return { kind: 'not_found' } as const;
    if (o.verified === verified) return { kind: 'unchanged' } as const;
    await tx.query(`update organizations set verified_at = ${verified ? 'now()' : 'null'} where id = $1`, [id]);
    await recordAudit(tx, { actorId, action: verified ? 'organization.verify' : 'organization.unverify', subjectType: 'organization', subjectId: id });
    return { kind: 'changed' } as const;
  });
}

export async function addOrganizationMember(ctx: AppContext, actorId: string, organizationId: number, who: Who): Promise<AddRepOutcome> {
  return ctx.database.transaction(async (tx) => {
    const [o] = await tx.query('select 1 from organizations where id = $1', [organizationId]);
    if (!o) return { kind: 'not_found' } as const;
    const userId = await findPerson(tx, who);
    if (!userId) return { kind: 'no_such_user' } as const;
    const inserted = await tx.query('insert into organization_members (organization_id, user_id) values ($1, $2) on conflict do nothing returning 1', [organizationId, userId]);
    if (inserted.length === 0) return { kind: 'already_member' } as const;
    await recordAudit(tx, { actorId, action: 'organization.member.add', subjectType: 'organization', subjectId: organizationId, details: { userId } });
    return { kind: 'added', userId } as const;
  });
}

export async function removeOrganizationMember(ctx: AppContext, actorId: string, organizationId: number, userId: string): Promise<RemoveRepOutcome> {
  return ctx.database.transaction(async (tx) => {
    const [o] = await tx.query('select 1 from organizations where id = $1', [organizationId]);
    if (!o) return { kind: 'not_found' } as const;
    const removed = await tx.query('delete from organization_members where organization_id = $1 and user_id = $2 returning 1', [organizationId, userId]);
    if (removed.length === 0) return { kind: 'not_member' } as const;
    await recordAudit(tx, { actorId, action: 'organization.member.remove', subjectType: 'organization', subjectId: organizationId, details: { userId } });
    return { kind: 'removed' } as const;
  });
}
