// A person's area alerts: a circle (50–5000 m around a point inside the city) or a district.
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { placePoint } from '../location.ts';
import { iso } from '../queries.ts';
import { areaAlertPolicy } from './policy.ts';

export const MIN_RADIUS_M = 50;
export const MAX_RADIUS_M = 5000;
/** Enough for home, work and a parent's street; a cap keeps one account from mass-subscribing. */
export const MAX_ALERTS_PER_PERSON = 20;

export interface AreaAlertView {
  id: number;
  kind: 'point' | 'district';
  lat: number | null;
  lng: number | null;
  radiusM: number | null;
  district: string | null;
  createdAt: string;
}

export type AlertInput = { kind: 'point'; lat: number; lng: number; radiusM: number } | { kind: 'district'; districtId: number };

export type CreateAlertOutcome = { kind: 'created'; id: number } | { kind: 'forbidden' } | { kind: 'too_many' } | { kind: 'invalid'; errors: FieldError[] };
export type DeleteAlertOutcome = { kind: 'deleted' } | { kind: 'not_found' };

export async function listAlerts(ctx: AppContext, userId: string): Promise<AreaAlertView[]> {
  return ctx.database.query<AreaAlertView>(
    `select a.id::int as id, case when a.area_id is not null then 'district' else 'point' end as kind,
            ST_Y(a.center) as lat, ST_X(a.center) as lng, a.radius_m as "radiusM", ar.name as district, ${iso('a.created_at')} as "createdAt"
     from report_area_alerts a left join areas ar on ar.id = a.area_id
     where a.user_id = $1 order by a.created_at, a.id`,
    [userId],
  );
}

export async function createAlert(ctx: AppContext, actor: Actor, input: AlertInput): Promise<CreateAlertOutcome> {
  if (actor.kind !== 'user' || !areaAlertPolicy.can(actor, 'report.areaAlert.create')) return { kind: 'forbidden' };
  if (input.kind === 'point') {
    const errors: FieldError[] = [];
    if (!(Math.abs(input.lat) <= 90 && Math.abs(input.lng) <= 180)) errors.push({ field: 'lat', reason: 'reports.alerts.err.point' });
    if (!(Number.isInteger(input.radiusM) && input.radiusM >= MIN_RADIUS_M && input.radiusM <= MAX_RADIUS_M)) errors.push({ field: 'radius', reason: 'reports.alerts.err.radius' });
    if (!errors.length && (await placePoint(ctx.database, input)).kind === 'outside_city') errors.push({ field: 'lat', reason: 'reports.alerts.err.outsideCity' });
    if (errors.length) return { kind: 'invalid', errors };
  } else {
    const [d] = await ctx.database.query(`select 1 from areas where id = $1 and kind = 'district'`, [input.districtId]);
    if (!d) return { kind: 'invalid', errors: [{ field: 'district', reason: 'reports.alerts.err.district' }] };
  }
  return ctx.database.transaction(async (tx) => {
    // Serialises one person's concurrent creations so the cap holds.
    await tx.query('select 1 from users where id = $1 for update', [actor.id]);
    const [n] = await tx.query<{ n: number }>('select count(*)::int as n from report_area_alerts where user_id = $1', [actor.id]);
    if ((n?.n ?? 0) >= MAX_ALERTS_PER_PERSON) return { kind: 'too_many' } as const;
    const [row] =
      input.kind === 'point'
        ? await tx.query<{ id: number }>(
            'insert into report_area_alerts (user_id, center, radius_m) values ($1, ST_SetSRID(ST_MakePoint($2, $3), 4326), $4) returning id::int as id',
            [actor.id, input.lng, input.lat, input.radiusM],
          )
        : await tx.query<{ id: number }>('insert into report_area_alerts (user_id, area_id) values ($1, $2) returning id::int as id', [actor.id, input.districtId]);
    return { kind: 'created', id: row!.id } as const;
  });
}

export async function deleteAlert(ctx: AppContext, actor: Actor, alertId: number): Promise<DeleteAlertOutcome> {
  const [a] = await ctx.database.query<{ user_id: string }>('select user_id from report_area_alerts where id = $1', [alertId]);
  // Someone else's alert answers exactly like a missing one.
  if (!a || !areaAlertPolicy.can(actor, 'report.areaAlert.delete', { userId: a.user_id })) return { kind: 'not_found' };
  await ctx.database.query('delete from report_area_alerts where id = $1', [alertId]);
  return { kind: 'deleted' };
}

