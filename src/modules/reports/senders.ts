// Outbound integrations for new reports, behind one interface: mail to the department, Open311 to
// an external back office, or none. The dispatch job records each (report, sender) once, so a
// retry never sends twice.
import type { AppContext } from '../../core/context.ts';

export interface ReportForSending {
  id: number;
  categoryCode: string;
  categoryName: string;
  description: string;
  address: string | null;
  lat: number;
  lng: number;
  departmentId: number | null;
  departmentEmail: string | null;
}

export interface ReportSender {
  readonly name: string;
  /** Returns an external id when the receiver gives one. Throws to retry later. */
  send(ctx: AppContext, report: ReportForSending): Promise<string | null>;
}

export const emailSender: ReportSender = {
  name: 'email',
  async send(ctx, r) {
    if (!r.departmentEmail) return null;
    const t = ctx.catalog.translator('ro');
    await ctx.mail.enqueue({
      to: r.departmentEmail,
      subject: t('reports.mail.department.subject', { id: r.id, category: r.categoryName }),
      text: t('reports.mail.department.body', {
        id: r.id,
        category: r.categoryName,
        address: r.address ?? `${r.lat.toFixed(5)}, ${r.lng.toFixed(5)}`,
        description: r.description,
        link: `${ctx.config.baseUrl}/reports/${r.id}/manage`,
      }),
    });
    return null;
  },
};

/** Sends to another GeoReport v2 endpoint (a city's existing back office). */
export function open311Sender(endpoint: string, apiKey: string, fetchImpl: typeof fetch = fetch): ReportSender {
  return {
    name: 'open311',
    async send(_ctx, r) {
      const body = new URLSearchParams({
        api_key: apiKey,
        service_code: r.categoryCode,
        lat: String(r.lat),
        long: String(r.lng),
        description: r.description,
        ...(r.address ? { address_string: r.address } : {}),
      });
      const res = await fetchImpl(`${endpoint.replace(/\/$/, '')}/requests.json`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      if (!res.ok) throw new Error(`Open311 endpoint answered ${res.status}`);
      const json = (await res.json()) as { service_request_id?: string; token?: string }[];
      return json[0]?.service_request_id ?? json[0]?.token ?? null;
    },
  };
}

export interface SenderSettings {
  /** Which senders run for new reports: any of 'email', 'open311'; empty = none. */
  senders: ('email' | 'open311')[];
  open311Endpoint: string;
  open311ApiKey: string;
}

export const DEFAULT_SENDER_SETTINGS: SenderSettings = { senders: ['email'], open311Endpoint: '', open311ApiKey: '' };

export async function configuredSenders(ctx: AppContext): Promise<ReportSender[]> {
  const s = await ctx.settings.get<SenderSettings>('module.reports.senders', DEFAULT_SENDER_SETTINGS);
  const out: ReportSender[] = [];
  if (s.senders.includes('email')) out.push(emailSender);
  if (s.senders.includes('open311') && s.open311Endpoint) out.push(open311Sender(s.open311Endpoint, s.open311ApiKey));
  return out;
}

export async function dispatchReport(ctx: AppContext, reportId: number, senders?: ReportSender[]): Promise<void> {
  const [r] = await ctx.database.query<ReportForSending>(
    `select r.id::int as id, c.code as "categoryCode", c.name_ro as "categoryName", r.description, r.address,
            ST_Y(r.location) as lat, ST_X(r.location) as lng, r.department_id as "departmentId", d.email as "departmentEmail"
     from reports r join categories c on c.id = r.category_id left join departments d on d.id = r.department_id
     where r.id = $1 and r.status <> 'unconfirmed'`,
    [reportId],
  );
  if (!r) return;
  for (const sender of senders ?? (await configuredSenders(ctx))) {
    const key = `${sender.name}:${r.departmentId ?? 0}`;
    const [claim] = await ctx.database.query<{ status: string }>(
      `insert into report_dispatches (report_id, sender) values ($1, $2)
       on conflict (report_id, sender) do update set attempts = report_dispatches.attempts returning status`,
      [reportId, key],
    );
    if (claim?.status === 'sent') continue;
    try {
      const externalId = await sender.send(ctx, r);
      await ctx.database.query(`update report_dispatches set status = 'sent', sent_at = now(), attempts = attempts + 1, external_id = $3 where report_id = $1 and sender = $2`, [
        reportId,
        key,
        externalId,
      ]);
    } catch (err) {
      await ctx.database.query(`update report_dispatches set attempts = attempts + 1, last_error = $3 where report_id = $1 and sender = $2`, [reportId, key, (err as Error).message]);
      throw err;
    }
  }
}
