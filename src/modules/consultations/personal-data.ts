// The consultations module's part of "download my data" and "erase my account": expressions of
// interest (with the consent given) and proposed open actions. Erasure removes the interests —
// they exist to contact the person — and keeps proposed actions without their author.
import type { AppContext } from '../../core/context.ts';
import type { TxQuery } from '../../core/db/database.ts';

export async function consultationsPersonalData(ctx: AppContext, userId: string): Promise<Record<string, unknown>> {
  const interests = await ctx.database.query(
    `select p.title as project, org.name as organization, i.expertise, i.consent_contact as "consentToContact", i.consented_at as "consentedAt", i.created_at as "createdAt"
     from consultation_interests i join consultation_projects p on p.id = i.project_id left join organizations org on org.id = i.organization_id
     where i.user_id = $1 order by i.created_at`,
    [userId],
  );
  const actions = await ctx.database.query('select title, description, status, created_at as "createdAt" from consultation_actions where author_id = $1 order by id', [userId]);
  return { consultationInterests: interests, openActionsProposed: actions };
}

export async function eraseConsultationsData(_ctx: AppContext, userId: string, tx: TxQuery): Promise<void> {
  await tx.query('delete from consultation_interests where user_id = $1', [userId]);
  await tx.query('update consultation_actions set author_id = null where author_id = $1', [userId]);
  await tx.query('update consultation_actions set decided_by = null where decided_by = $1', [userId]);
}
