// Interested parties per project, for the city to form working groups. Only people who agreed to
// be contacted appear: the others counted in the dashboard, but their details stay with us.
import type { AppContext } from '../../core/context.ts';
import type { Translate } from '../../core/i18n/catalog.ts';
import { toCsv } from '../../core/text/csv.ts';

export async function interestedPartiesCsv(ctx: AppContext, t: Translate, filter: { consultationId: number; projectId?: number }): Promise<string> {
  const rows = await ctx.database.query<{ ambition: string; objective: string; project: string; name: string; email: string | null; organization: string | null; helix: string | null; expertise: string; consented: string }>(
    `select a.code as ambition, o.code as objective, p.title as project, u.display_name as name, u.email, org.name as organization, org.helix_type as helix,
            i.expertise, to_char(i.consented_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as consented
     from consultation_interests i
     join users u on u.id = i.user_id and u.erased_at is null
     join consultation_projects p on p.id = i.project_id
     join consultation_objectives o on o.id = p.objective_id
     join consultation_ambitions a on a.id = o.ambition_id
     left join organizations org on org.id = i.organization_id
     where a.consultation_id = $1 and ($2::int is null or p.id = $2) and i.consent_contact
     order by a.position, o.position, p.position, p.id, i.created_at`,
    [filter.consultationId, filter.projectId ?? null],
  );
  return toCsv(
    [t('consultations.csv.ambition'), t('consultations.csv.objective'), t('consultations.csv.project'), t('consultations.csv.name'), t('consultations.csv.email'), t('consultations.csv.organization'), t('consultations.csv.helix'), t('consultations.csv.expertise'), t('consultations.csv.consented')],
    rows.map((r) => [r.ambition, r.objective, r.project, r.name, r.email, r.organization ?? '', t(r.helix ? `admin.helix.${r.helix}` : 'consultations.helix.individual'), r.expertise, r.consented]),
  );
}
