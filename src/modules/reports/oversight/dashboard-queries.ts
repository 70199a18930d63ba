// What a department's dashboard shows: open reports by age, status counts, medians over the last
// 90 days and the overdue list. `departmentIds: 'all'` (admins) includes reports with no department.
import type { AppContext } from '../../../core/context.ts';
import type { Locale } from '../../../core/config/config.ts';
import { iso } from '../queries.ts';
import type { Status } from '../workflow.ts';
import { ACK_DUE, COUNTED_SQL, OPEN_SQL, RESOLVE_DUE, SLA_JOIN, daysBetween, overdueAckSql, overdueResolveSql, roundDays } from './sla.ts';

export type DashboardScope = { departmentIds: number[] | 'all' };

export const AGE_BUCKETS = ['0-2', '3-7', '8-30', '30+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export interface OverdueItem {
  id: number;
  status: Status;
  category: string;
  department: string | null;
  createdAt: string;
  overdueAck: boolean;
  overdueResolve: boolean;
  ackDueAt: string;
  resolveDueAt: string;
}

export interface DashboardData {
  statusCounts: { status: Status; count: number }[];
  ageBuckets: { bucket: AgeBucket; count: number }[];
  medianAckDays: number | null;
  medianResolveDays: number | null;
  overdue: OverdueItem[];
}

const nameCol = (locale: Locale) => ({ ro: 'c.name_ro', en: 'c.name_en', hu: 'c.name_hu' })[locale];

function scopeSql(scope: DashboardScope, params: unknown[]): string {
  if (scope.departmentIds === 'all') return 'true';
  return `r.department_id = any($${params.push(scope.departmentIds)}::int[])`;
}

/** The overdue reports of the scope, the most overdue (oldest) first. */
export async function overdueReports(ctx: AppContext, locale: Locale, scope: DashboardScope, asOf: Date, limit = 200): Promise<OverdueItem[]> {
  const params: unknown[] = [asOf.toISOString()];
  const where = scopeSql(scope, params);
  return ctx.database.query<OverdueItem>(
    `select r.id::int as id, r.status, ${nameCol(locale)} as category, d.name as department, ${iso('r.created_at')} as "createdAt",
            ${overdueAckSql('$1::timestamptz')} as "overdueAck", ${overdueResolveSql('$1::timestamptz')} as "overdueResolve",
            ${iso(ACK_DUE)} as "ackDueAt", ${iso(RESOLVE_DUE)} as "resolveDueAt"
     from reports r join categories c on c.id = r.category_id left join departments d on d.id = r.department_id ${SLA_JOIN}
     where ${COUNTED_SQL} and ${where} and (${overdueAckSql('$1::timestamptz')} or ${overdueResolveSql('$1::timestamptz')})
     order by r.created_at, r.id limit ${limit}`,
    params,
  );
}

export async function dashboardData(ctx: AppContext, locale: Locale, scope: DashboardScope, asOf: Date = new Date()): Promise<DashboardData> {
  const params: unknown[] = [asOf.toISOString()];
  const where = `${COUNTED_SQL} and ${scopeSql(scope, params)} and r.created_at <= $1::timestamptz`;
  const statusRows = await ctx.database.query<{ status: Status; count: number }>(
    `select r.status, count(*)::int as count from reports r where ${where} group by r.status order by r.status`,
    params,
  );
  const ageDays = `floor(extract(epoch from ($1::timestamptz - r.created_at)) / 86400)`;
  const [age] = await ctx.database.query<Record<AgeBucket, number>>(
    `select count(*) filter (where ${ageDays} <= 2)::int as "0-2",
            count(*) filter (where ${ageDays} between 3 and 7)::int as "3-7",
            count(*) filter (where ${ageDays} between 8 and 30)::int as "8-30",
            count(*) filter (where ${ageDays} > 30)::int as "30+"
     from reports r where ${where} and ${OPEN_SQL}`,
    params,
  );
  // Measured on what happened in the window (acknowledged / resolved in the last 90 days), so a
  // slow case closed today counts today. resolved_at is the final answer, rejections included.
  const [medians] = await ctx.database.query<{ ack: number | null; resolve: number | null }>(
    `select
       (select percentile_cont(0.5) within group (order by ${daysBetween('r.created_at', 'r.acknowledged_at')})
          from reports r where ${where} and r.acknowledged_at > $1::timestamptz - interval '90 days' and r.acknowledged_at <= $1::timestamptz) as ack,
       (select percentile_cont(0.5) within group (order by ${daysBetween('r.created_at', 'r.resolved_at')})
          from reports r where ${where} and r.resolved_at > $1::timestamptz - interval '90 days' and r.resolved_at <= $1::timestamptz) as resolve`,
    params,
  );
  return {
    statusCounts: statusRows,
    ageBuckets: AGE_BUCKETS.map((bucket) => ({ bucket, count: age?.[bucket] ?? 0 })),
    medianAckDays: roundDays(medians?.ack ?? null),
    medianResolveDays: roundDays(medians?.resolve ?? null),
    overdue: await overdueReports(ctx, locale, scope, asOf),
  };
}

/** The departments a dashboard viewer may pick from. */
export async function departmentChoices(ctx: AppContext, departmentIds: number[] | 'all'): Promise<{ id: number; name: string }[]> {
  if (departmentIds === 'all') return ctx.database.query('select id, name from departments order by name');
  return ctx.database.query('select id, name from departments where id = any($1::int[]) order by name', [departmentIds]);
}
