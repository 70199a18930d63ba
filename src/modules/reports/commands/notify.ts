// Tells the reporter and followers what changed. Mail goes through the outbox in the caller's
// transaction, so a rolled-back change sends nothing.
import type { AppContext } from '../../../core/context.ts';
import type { TxQuery } from '../../../core/db/database.ts';
import type { Locale } from '../../../core/config/config.ts';

export async function notifyReportPeople(
  ctx: AppContext,
  tx: TxQuery,
  reportId: number,
  exceptUserId: string | null,
  message: (t: (k: string, p?: Record<string, string | number>) => string) => { subject: string; text: string },
): Promise<number> {
  const people = await tx.query<{ email: string; locale: Locale }>(
    `select u.email, u.locale from users u
       where u.email is not null and u.erased_at is null and u.id is distinct from $2
         and (u.id = (select reporter_id from reports where id = $1)
              or u.id in (select user_id from report_followers where report_id = $1))
     union
     select r.contact_email, 'ro' from reports r where r.id = $1 and r.contact_email is not null and r.reporter_id is null`,
    [reportId, exceptUserId],
  );
  for (const p of people) {
    const t = ctx.catalog.translator(p.locale);
    const m = message(t);
    await ctx.mail.enqueue({ to: p.email, subject: m.subject, text: m.text }, tx);
  }
  return people.length;
}
