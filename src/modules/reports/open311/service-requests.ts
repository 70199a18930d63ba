// GeoReport service requests: the public side of reports (masked text, no contact data), newest
// first. Unconfirmed and hidden reports are never part of it.
import type { AppContext } from '../../../core/context.ts';
import type { Locale } from '../../../core/config/config.ts';
import type { Translate } from '../../../core/i18n/catalog.ts';
import { iso } from '../queries.ts';
import { OPEN_STATUSES, open311Status, type Status } from '../workflow.ts';
import { serviceNotice } from './services.ts';

export const CLOSED_STATUSES: Status[] = ['resolved', 'rejected', 'closed'];
export const MAX_PAGE_SIZE = 1000;

export interface RequestFilters {
  /** When given, the other filters (and the date window) do not apply, as the spec says. */
  ids?: number[] | undefined;
  serviceCodes?: string[] | undefined;
  statuses?: ('open' | 'closed')[] | undefined;
  start?: Date | undefined;
  end?: Date | undefined;
  page: number;
  pageSize: number;
}

interface RequestRow {
  id: number;
  status: Status;
  statusNotes: string | null;
  serviceName: string;
  serviceCode: string;
  description: string;
  agency: string | null;
  sla: number | null;
  requested: string;
  updated: string;
  expected: string | null;
  address: string | null;
  lat: number;
  lng: number;
  photoId: number | null;
  mediaUrl: string | null;
  addressOnly: boolean;
}

export async function findRequests(ctx: AppContext, locale: Locale, f: RequestFilters): Promise<RequestRow[]> {
  const params: unknown[] = [];
  const where = [`r.status <> 'unconfirmed'`, 'r.hidden_at is null'];
  if (f.ids) {
    where.push(`r.id = any($${params.push(f.ids)}::bigint[])`);
  } else {
    if (f.serviceCodes?.length) where.push(`c.code = any($${params.push(f.serviceCodes)}::text[])`);
    if (f.statuses?.length) {
      const statuses = [...new Set(f.statuses.flatMap((s) => (s === 'open' ? OPEN_STATUSES : CLOSED_STATUSES)))];
      where.push(`r.status = any($${params.push(statuses)}::text[])`);
    }
    if (f.start) where.push(`r.created_at >= $${params.push(f.start.toISOString())}::timestamptz`);
    if (f.end) where.push(`r.created_at <= $${params.push(f.end.toISOString())}::timestamptz`);
  }
  const name = { ro: 'name_ro', en: 'name_en', hu: 'name_hu' }[locale];
  const limit = Math.min(Math.max(1, f.pageSize), MAX_PAGE_SIZE);
  const offset = (Math.max(1, f.page) - 1) * limit;
  return ctx.database.query<RequestRow>(
    `select r.id::int as id, r.status,
            (select ru.body_public from report_updates ru
              where ru.report_id = r.id and ru.kind = 'status' and ru.public order by ru.created_at desc, ru.id desc limit 1) as "statusNotes",
            c.${name} as "serviceName", c.code as "serviceCode", r.description_public as description, d.name as agency,
            s.sla_resolve_days as sla, ${iso('r.created_at')} as requested, ${iso('r.updated_at')} as updated,
            case when s.sla_resolve_days is not null then ${iso('(r.created_at + make_interval(days => s.sla_resolve_days))')} end as expected,
            r.address, ST_Y(r.location) as lat, ST_X(r.location) as lng,
            (select p.id::int from report_photos p where p.report_id = r.id and not p.hidden order by p.ordinal, p.id limit 1) as "photoId",
            od.media_url as "mediaUrl", coalesce(od.address_only, false) as "addressOnly"
     from reports r join categories c on c.id = r.category_id left join departments d on d.id = r.department_id
       left join report_category_settings s on s.category_id = r.category_id left join open311_request_details od on od.report_id = r.id
     where ${where.join(' and ')}
     order by r.created_at desc, r.id desc limit ${limit} offset ${offset}`,
    params,
  );
}

/** Every field of the spec's request, in its order; absent values are null, never left out. */
export function presentRequest(baseUrl: string, t: Translate, r: RequestRow) {
  return {
    service_request_id: String(r.id),
    status: open311Status(r.status),
    status_notes: r.statusNotes,
    service_name: r.serviceName,
    service_code: r.serviceCode,
    description: r.description,
    agency_responsible: r.agency,
    service_notice: serviceNotice(t, r.sla),
    requested_datetime: r.requested,
    updated_datetime: r.updated,
    expected_datetime: r.expected,
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: r.addressOnly ? null : r.lat,
    long: r.addressOnly ? null : r.lng,
    media_url: r.photoId ? `${baseUrl}/reports/photos/${r.photoId}.jpg` : r.mediaUrl,
  };
}

/** A service_request_id must be a report id; anything else cannot name a request here. */
export function parseRequestId(raw: string): number | undefined {
  if (!/^\d{1,15}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 ? n : undefined;
}
