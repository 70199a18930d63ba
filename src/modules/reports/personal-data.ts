// The reports module's part of "download my data" and "erase my account": a person's reports
// (with the original text they wrote), follows, flags, feedback and area alerts. On erasure the
// reports stay public — the city still has to fix the pothole — but nothing ties them to the person.
import type { AppContext } from '../../core/context.ts';
import type { TxQuery } from '../../core/db/database.ts';

export async function reportsPersonalData(ctx: AppContext, userId: string): Promise<Record<string, unknown>> {
  const reports = await ctx.database.query(
    `select r.id::int as id, c.code as category, r.status, r.description, r.address, ST_Y(r.location) as lat, ST_X(r.location) as lng,
            r.show_name as "showName", r.created_at as "createdAt", r.fixed, r.rating,
            (select count(*)::int from report_photos p where p.report_id = r.id) as photos
     from reports r join categories c on c.id = r.category_id where r.reporter_id = $1 order by r.id`,
    [userId],
  );
  const following = (await ctx.database.query<{ id: number }>('select report_id::int as id from report_followers where user_id = $1 order by 1', [userId])).map((r) => r.id);
  const flags = await ctx.database.query('select report_id::int as "reportId", reason, created_at as "createdAt" from report_flags where user_id = $1', [userId]);
  const alerts = await ctx.database.query(
    `select id::int as id, ST_Y(center) as lat, ST_X(center) as lng, radius_m as "radiusM", area_id as "areaId", created_at as "createdAt" from report_area_alerts where user_id = $1`,
    [userId],
  );
  return { reports, following, flags, areaAlerts: alerts };
}

export async function eraseReportsData(_ctx: AppContext, userId: string, tx: TxQuery): Promise<void> {
  await tx.query('update reports set reporter_id = null, show_name = false, contact_name = null, contact_email = null where reporter_id = $1', [userId]);
  await tx.query('delete from report_followers where user_id = $1', [userId]);
  await tx.query('update report_flags set user_id = null where user_id = $1', [userId]);
  await tx.query('delete from report_area_alerts where user_id = $1', [userId]);
  await tx.query('delete from report_area_alert_deliveries where user_id = $1', [userId]);
}
