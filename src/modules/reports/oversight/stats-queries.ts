// "How the city responds": per department, over the reports filed in the last 12 months.
import type { AppContext } from '../../../core/context.ts';
import { COUNTED_SQL, RESOLVE_DUE, SLA_JOIN, daysBetween, roundDays } from './sla.ts';

export interface DepartmentStats {
  departmentId: number;
  department: string;
  reports: number;
  medianAckDays: number | null;
  medianResolveDays: number | null;
  /** Resolved by the category's deadline … */
  withinSla: number;
  /** … out of the reports that are resolved or already past their deadline (the rest cannot be judged yet). */
  slaJudged: number;
  averageRating: number | null;
  ratings: number;
  fixedYes: number;
  fixedAnswers: number;
}

export async function departmentStats(ctx: AppContext, asOf: Date = new Date()): Promise<DepartmentStats[]> {
  const rows = await ctx.database.query<Omit<DepartmentStats, 'medianAckDays' | 'medianResolveDays' | 'averageRating'> & { ack: number | null; resolve: number | null; rating: number | null }>(
    `select d.id as "departmentId", d.name as department, count(*)::int as reports,
            percentile_cont(0.5) within group (order by ${daysBetween('r.created_at', 'r.acknowledged_at')}) filter (where r.acknowledged_at is not null) as ack,
            percentile_cont(0.5) within group (order by ${daysBetween('r.created_at', 'r.resolved_at')}) filter (where r.resolved_at is not null) as resolve,
            count(*) filter (where r.resolved_at is not null and r.resolved_at <= ${RESOLVE_DUE})::int as "withinSla",
            count(*) filter (where r.resolved_at is not null or $1::timestamptz > ${RESOLVE_DUE})::int as "slaJudged",
            avg(r.rating)::float8 as rating, count(r.rating)::int as ratings,
            count(*) filter (where r.fixed)::int as "fixedYes", count(r.fixed)::int as "fixedAnswers"
     from reports r join departments d on d.id = r.department_id ${SLA_JOIN}
     where ${COUNTED_SQL} and r.created_at > $1::timestamptz - interval '12 months' and r.created_at <= $1::timestamptz
     group by d.id, d.name
     order by d.name`,
    [asOf.toISOString()],
  );
  return rows.map(({ ack, resolve, rating, ...r }) => ({
    ...r,
    medianAckDays: roundDays(ack),
    medianResolveDays: roundDays(resolve),
    averageRating: rating === null ? null : Math.round(Number(rating) * 10) / 10,
  }));
}
