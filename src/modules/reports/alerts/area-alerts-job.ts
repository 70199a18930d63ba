// When a report becomes public, everyone whose alert area contains it gets one e-mail — never its
// own reporter. The job is queued in the transaction that publishes the report; the delivery rows
// (report, person) and the mails share one transaction, so a retried job mails nobody twice.
import type { AppContext } from '../../../core/context.ts';
import type { TxQuery } from '../../../core/db/database.ts';
import type { Locale } from '../../../core/config/config.ts';

export const AREA_ALERTS_JOB = 'reports.areaAlerts';

/** Queue the alerts of a report that has just become public (inside the publishing transaction). */
export async function enqueueAreaAlerts(ctx: AppContext, tx: TxQuery, reportId: number): Promise<void> {
  await ctx.jobs.enqueue(AREA_ALERTS_JOB, { reportId }, { dedupeKey: `${AREA_ALERTS_JOB}:${reportId}` }, tx);
}

/** Returns how many people were mailed. */
export async function sendAreaAlerts(ctx: AppContext, reportId: number): Promise<number> {
  return ctx.database.transaction(async (tx) => {
    const [report] = await tx.query<{ id: number; text: string; name_ro: string; name_en: string; name_hu: string }>(
      `select r.id::int as id, r.description_public as text, c.name_ro, c.name_en, c.name_hu
       from reports r join categories c on c.id = r.category_id
       where r.id = $1 and r.status <> 'unconfirmed' and r.hidden_at is null`,
      [reportId],
    );
    if (!report) return 0;
    // Circles are measured on the geography (metres on the ground); districts by their polygon.
    // Only alerts that existed when the report became public (created_at is reset on confirmation):
    // subscribing today does not replay yesterday's reports if the job runs late.
    const people = await tx.query<{ user_id: string; email: string; locale: Locale }>(
      `with r as (select location, reporter_id, contact_email, created_at from reports where id = $1),
       matching as (
         select distinct a.user_id from report_area_alerts a, r
         where a.created_at <= r.created_at
           and ((a.center is not null and ST_DWithin(a.center::geography, r.location::geography, a.radius_m))
            or (a.area_id is not null and exists (select 1 from areas ar where ar.id = a.area_id and ST_Covers(ar.geom, r.location))))),
       fresh as (
         insert into report_area_alert_deliveries (report_id, user_id)
         select $1, u.id from matching m join users u on u.id = m.user_id, r
         where u.email is not null and u.erased_at is null and u.disabled_at is null
           and u.id is distinct from r.reporter_id and lower(u.email) is distinct from lower(r.contact_email)
         on conflict do nothing
         returning user_id)
       select u.id as user_id, u.email, u.locale from fresh f join users u on u.id = f.user_id order by u.id`,
      [reportId],
    );
    for (const p of people) {
      const t = ctx.catalog.translator(p.locale);
      const category = p.locale === 'en' ? report.name_en : p.locale === 'hu' ? report.name_hu : report.name_ro;
      const title = report.text.length > 200 ? `${report.text.slice(0, 199)}…` : report.text;
      await ctx.mail.enqueue(
        {
          to: p.email,
          subject: t('reports.alerts.mail.subject', { id: reportId, category }),
          text: t('reports.alerts.mail.body', { id: reportId, category, text: title, link: `${ctx.config.baseUrl}/reports/${reportId}`, manage: `${ctx.config.baseUrl}/my/alerts` }),
        },
        tx,
      );
    }
    return people.length;
  });
}
