// The consultation's dashboard: what share of the strategic projects received expressions of
// interest (Timișoara reported "over 50 %"), per ambition and by who expressed it (helix type).
import type { AppContext } from '../../core/context.ts';
import { HELIX_TYPES } from '../../core/admin/organizations/commands.ts';

export const HELIX_BUCKETS = [...HELIX_TYPES, 'individual'] as const;
export type HelixBucket = (typeof HELIX_BUCKETS)[number];

export interface Dashboard {
  projects: number;
  withInterest: number;
  interests: number;
  byAmbition: { code: string; title: string; projects: number; withInterest: number }[];
  byHelix: { helix: HelixBucket; interests: number; projects: number }[];
}

export async function dashboard(ctx: AppContext, consultationId: number): Promise<Dashboard> {
  const byAmbition = await ctx.database.query<{ code: string; title: string; projects: number; withInterest: number }>(
    `select a.code, a.title, count(p.id)::int as projects,
            count(p.id) filter (where exists (select 1 from consultation_interests i where i.project_id = p.id))::int as "withInterest"
     from consultation_ambitions a
     left join consultation_objectives o on o.ambition_id = a.id
     left join consultation_projects p on p.objective_id = o.id
     where a.consultation_id = $1 group by a.id order by a.position`,
    [consultationId],
  );
  const helixRows = await ctx.database.query<{ helix: HelixBucket; interests: number; projects: number }>(
    `select coalesce(org.helix_type, 'individual') as helix, count(*)::int as interests, count(distinct i.project_id)::int as projects
     from consultation_interests i
     join consultation_projects p on p.id = i.project_id join consultation_objectives o on o.id = p.objective_id
     join consultation_ambitions a on a.id = o.ambition_id
     left join organizations org on org.id = i.organization_id
     where a.consultation_id = $1 group by 1`,
    [consultationId],
  );
  const [total] = await ctx.database.query<{ n: number }>(
    `select count(*)::int as n from consultation_interests i join consultation_projects p on p.id = i.project_id
     join consultation_objectives o on o.id = p.objective_id join consultation_ambitions a on a.id = o.ambition_id where a.consultation_id = $1`,
    [consultationId],
  );
  return {
    projects: byAmbition.reduce((s, a) => s + a.projects, 0),
    withInterest: byAmbition.reduce((s, a) => s + a.withInterest, 0),
    interests: total?.n ?? 0,
    byAmbition,
    byHelix: HELIX_BUCKETS.map((helix) => helixRows.find((r) => r.helix === helix) ?? { helix, interests: 0, projects: 0 }),
  };
}
