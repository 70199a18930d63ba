// Test builders for the oversight and follow-up tests: a category with known deadlines, a report
// filed through the real submit command, and a report's timeline rewritten to fixed instants.
import type { AppContext } from '../../../core/context.ts';
import { loadActor, ANONYMOUS } from '../../../core/auth/actor.ts';
import { unique } from '../../../core/testing/factories.ts';
import { submitReport } from '../commands/submit.ts';
import type { Status } from '../workflow.ts';

/** A point in Centru (demo city), inside the boundary. */
export const CENTRU = { lat: 46.7705, lng: 23.5901 };

export async function makeCategory(ctx: AppContext, departmentId: number, sla: { ackDays: number; resolveDays: number }): Promise<{ id: number; code: string }> {
  const code = unique('test.cat_').replace(/[^a-z0-9_.]/g, '_');
  const [c] = await ctx.database.query<{ id: number }>(
    `insert into categories (code, name_ro, name_en, name_hu, department_id) values ($1, $1, $1, $1, $2) returning id`,
    [code, departmentId],
  );
  await ctx.database.query('insert into report_category_settings (category_id, sla_ack_days, sla_resolve_days) values ($1, $2, $3)', [c!.id, sla.ackDays, sla.resolveDays]);
  return { id: c!.id, code };
}

export async function fileReport(
  ctx: AppContext,
  opts: { categoryId: number; userId?: string; point?: { lat: number; lng: number }; text?: string; contact?: { name: string; email: string } },
): Promise<number> {
  const actor = opts.userId ? await loadActor(ctx.database, opts.userId) : ANONYMOUS;
  const outcome = await submitReport(ctx, actor, {
    categoryId: opts.categoryId,
    point: opts.point ?? CENTRU,
    description: opts.text ?? 'Problemă de test pe stradă.',
    showName: false,
    photos: [],
    contact: opts.contact,
    source: 'web',
  });
  if (outcome.kind !== 'created') throw new Error(`report not created: ${JSON.stringify(outcome)}`);
  return outcome.id;
}

export interface Timeline {
  status: Status;
  createdAt: string;
  acknowledgedAt?: string | null;
  resolvedAt?: string | null;
  rating?: number | null;
  fixed?: boolean | null;
  hidden?: boolean;
}

export async function setTimeline(ctx: AppContext, id: number, t: Timeline): Promise<void> {
  await ctx.database.query(
    `update reports set status = $2, created_at = $3::timestamptz, acknowledged_at = $4::timestamptz, resolved_at = $5::timestamptz, rating = $6, fixed = $7,
       hidden_at = case when $8 then now() end, updated_at = coalesce($5::timestamptz, $4::timestamptz, $3::timestamptz)
     where id = $1`,
    [id, t.status, t.createdAt, t.acknowledgedAt ?? null, t.resolvedAt ?? null, t.rating ?? null, t.fixed ?? null, t.hidden ?? false],
  );
}

/** `days` before `from`, as an ISO instant. */
export function daysBefore(from: Date, days: number): string {
  return new Date(from.getTime() - days * 86400_000).toISOString();
}
