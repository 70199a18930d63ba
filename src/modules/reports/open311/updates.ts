// mySociety's GET servicerequestupdates: the public history of public reports (status changes,
// public notes, residents' feedback) inside a date window, oldest first, so a client can poll
// with the end of its last window as the next start.
import type { AppContext } from '../../../core/context.ts';
import { iso } from '../queries.ts';
import { open311Status, type Status } from '../workflow.ts';

interface UpdateRow {
  id: number;
  reportId: number;
  status: Status;
  at: string;
  body: string | null;
  mediaUrl: string | null;
}

export async function findUpdates(ctx: AppContext, f: { start: Date; end: Date; page: number; pageSize: number }): Promise<UpdateRow[]> {
  const offset = (Math.max(1, f.page) - 1) * f.pageSize;
  return ctx.database.query<UpdateRow>(
    `select ru.id::int as id, ru.report_id::int as "reportId",
            -- the report's state right after this update: its own new status, else the latest before it
            coalesce(ru.status_to,
              (select p.status_to from report_updates p
                where p.report_id = ru.report_id and p.status_to is not null and (p.created_at, p.id) < (ru.created_at, ru.id)
                order by p.created_at desc, p.id desc limit 1),
              r.status) as status,
            ${iso('ru.created_at')} as at, ru.body_public as body, ru.details->>'media_url' as "mediaUrl"
     from report_updates ru join reports r on r.id = ru.report_id
     where ru.public and ru.kind <> 'created' and r.status <> 'unconfirmed' and r.hidden_at is null
       and ru.created_at >= $1::timestamptz and ru.created_at <= $2::timestamptz
     order by ru.created_at, ru.id limit ${f.pageSize} offset ${offset}`,
    [f.start.toISOString(), f.end.toISOString()],
  );
}

/** mySociety's fields; text fields are empty strings when absent, as FixMyStreet's reader expects. */
export function presentUpdate(u: UpdateRow) {
  return {
    update_id: String(u.id),
    service_request_id: String(u.reportId),
    status: open311Status(u.status),
    updated_datetime: u.at,
    description: u.body ?? '',
    media_url: u.mediaUrl ?? '',
  };
}
