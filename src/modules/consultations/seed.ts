// Demo consultation: Timișoara's strategy from its third stakeholder consultation, in its own space.
// It stays open in the demo so that expressing interest and proposing open actions can be tried;
// the open actions proposed at the time wait for an admin's decision.
import type { AppContext } from '../../core/context.ts';
import { TIMISOARA_CONSULTATION, TIMISOARA_STRATEGY } from './timisoara-strategy.ts';

export const DEMO_SPACE_SLUG = 'strategia-smart-city-timisoara';

export async function seedConsultationsDemo(ctx: AppContext): Promise<number> {
  const [admin] = await ctx.database.query<{ user_id: string }>(`select user_id from user_roles where role = 'admin' limit 1`);
  return ctx.database.transaction(async (tx) => {
    const [space] = await tx.query<{ id: number }>(
      `insert into spaces (kind, slug, title, subtitle, description, published, published_at, created_by)
       values ('process', $1, 'Strategia Smart City și Transformare Digitală Timișoara', 'Consultarea stakeholderilor: ambiții, obiective și proiecte strategice', $2, true, now(), $3) returning id`,
      [
        DEMO_SPACE_SLUG,
        'Exemplul Timișoarei: strategia a fost construită împreună cu profesioniști, organizații și cetățeni, care și-au exprimat interesul de a participa în grupurile de lucru pentru peste 50% dintre proiectele strategice și au propus acțiuni deschise.',
        admin?.user_id ?? null,
      ],
    );
    await tx.query(`insert into space_components (space_id, module, title, position) values ($1, 'consultations', 'Consultarea stakeholderilor', 1)`, [space!.id]);
    const [c] = await tx.query<{ id: number }>(
      `insert into consultations (space_id, title, purpose, starts_on, ends_on, status) values ($1, $2, $3, $4, $5, 'open') returning id`,
      [space!.id, TIMISOARA_CONSULTATION.title, TIMISOARA_CONSULTATION.purpose, TIMISOARA_CONSULTATION.startsOn, TIMISOARA_CONSULTATION.endsOn],
    );
    for (const [ai, ambition] of TIMISOARA_STRATEGY.entries()) {
      const [a] = await tx.query<{ id: number }>('insert into consultation_ambitions (consultation_id, position, code, title) values ($1, $2, $3, $4) returning id', [c!.id, ai + 1, ambition.code, ambition.title]);
      for (const [oi, objective] of ambition.objectives.entries()) {
        const [o] = await tx.query<{ id: number }>('insert into consultation_objectives (ambition_id, position, code, title) values ($1, $2, $3, $4) returning id', [a!.id, oi + 1, objective.code, objective.title]);
        for (const [pi, title] of objective.projects.entries()) {
          await tx.query('insert into consultation_projects (objective_id, position, title) values ($1, $2, $3)', [o!.id, pi + 1, title]);
        }
      }
      for (const title of ambition.openActions) {
        await tx.query('insert into consultation_actions (consultation_id, ambition_id, title) values ($1, $2, $3)', [c!.id, a!.id, title]);
      }
    }
    return c!.id;
  });
}
