// Outbound integrations for new reports, behind one interface: mail to the department, Open311 to
// an external back office, or none. The dispatch job records each (report, sender) once, so a
// retry never sends twice; and each delivery carries the same Idempotency-Key on every attempt, so
// an attempt whose answer was lost (a timeout after the receiver filed it) cannot file it twice.
import type { AppContext } from '../../core/context.ts';
import type { JobContext } from '../../core/jobs/queue.ts';
import { backoffSeconds } from '../../core/jobs/queue.ts';
import { sha256 } from '../../core/auth/tokens.ts';

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

/** One (report, sender, department): the same on every attempt to deliver it. */
export interface Delivery {
  idempotencyKey: string;
}

export interface ReportSender {
  readonly name: string;
  /** Returns an external id when the receiver gives one. Throws to retry later. */
  send(ctx: AppContext, report: ReportForSending, delivery: Delivery): Promise<string | null>;
}

/** The receiver refused the report itself (a 4xx): asking again soon will not change its answer. */
export class SendRejected extends Error {}

/** Some sender failed; `retryable` is false when every failure was a refusal. */
export class DispatchFailed extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
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

/** The id in a GeoReport answer: a list of requests (or one), with service_request_id or a token. */
function remoteId(text: string): string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  const first = (Array.isArray(doc) ? doc[0] : doc) as Record<string, unknown> | null | undefined;
  const id = first?.service_request_id ?? first?.token;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

export interface Open311SenderOptions {
  /** Each request is abandoned after this long and the job tries again later. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export const DEFAULT_OPEN311_TIMEOUT_MS = 10_000;

/** Sends to another GeoReport v2 endpoint (a city's existing back office). */
export function open311Sender(endpoint: string, apiKey: string, opts: Open311SenderOptions = {}): ReportSender {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_OPEN311_TIMEOUT_MS;
  const fetchImpl = opts.fetchImpl ?? fetch;
  return {
    name: 'open311',
    async send(_ctx, r, delivery) {
      const body = new URLSearchParams({
        api_key: apiKey,
        service_code: r.categoryCode,
        lat: String(r.lat),
        long: String(r.lng),
        description: r.description,
        ...(r.address ? { address_string: r.address } : {}),
      });
      let status: number;
      let text: string;
      try {
        // The signal covers reading the body too: a receiver that stalls mid-answer also times out.
        const res = await fetchImpl(`${endpoint.replace(/\/$/, '')}/requests.json`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': delivery.idempotencyKey },
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = res.status;
        text = await res.text();
      } catch (err) {
        const e = err as Error;
        throw new Error(e.name === 'TimeoutError' ? `Open311 endpoint did not answer within ${timeoutMs} ms` : `Open311 endpoint unreachable: ${e.message}`);
      }
      if (status >= 200 && status < 300) return remoteId(text);
      // 409: an earlier attempt got through and the receiver says so; its answer names the request.
      if (status === 409) return remoteId(text);
      if (status === 408 || status === 429 || status >= 500) throw new Error(`Open311 endpoint answered ${status}`);
      throw new SendRejected(`Open311 endpoint refused the report (${status}): ${text.slice(0, 500)}`);
    },
  };
}

export interface SenderSettings {
  /** Which senders run for new reports: any of 'email', 'open311'; empty = none. */
  senders: ('email' | 'open311')[];
  open311Endpoint: string;
  open311ApiKey: string;
  open311TimeoutMs: number;
}

export const DEFAULT_SENDER_SETTINGS: SenderSettings = { senders: ['email'], open311Endpoint: '', open311ApiKey: '', open311TimeoutMs: DEFAULT_OPEN311_TIMEOUT_MS };

export async function configuredSenders(ctx: AppContext): Promise<ReportSender[]> {
  const s = await ctx.settings.get<SenderSettings>('module.reports.senders', DEFAULT_SENDER_SETTINGS);
  const out: ReportSender[] = [];
  if (s.senders.includes('email')) out.push(emailSender);
  if (s.senders.includes('open311') && s.open311Endpoint) out.push(open311Sender(s.open311Endpoint, s.open311ApiKey, { timeoutMs: s.open311TimeoutMs }));
  return out;
}

/** Stable per (installation, report, delivery); the installation part keeps two cities sharing a receiver apart. */
export function idempotencyKeyFor(ctx: AppContext, reportId: number, deliveryKey: string): string {
  return `dezvolt-${sha256(ctx.config.baseUrl).slice(0, 12)}-report-${reportId}-${deliveryKey.replace(/:/g, '-')}`;
}

/**
 * Sends the report through every sender not yet done. Every sender is tried even when one fails,
 * then the failures are thrown together. On the last attempt a refusal marks the delivery failed.
 */
export async function dispatchReport(ctx: AppContext, reportId: number, senders?: ReportSender[], opts: { lastAttempt?: boolean } = {}): Promise<void> {
  const [r] = await ctx.database.query<ReportForSending>(
    `select r.id::int as id, c.code as "categoryCode", c.name_ro as "categoryName", r.description, r.address,
            ST_Y(r.location) as lat, ST_X(r.location) as lng, r.department_id as "departmentId", d.email as "departmentEmail"
     from reports r join categories c on c.id = r.category_id left join departments d on d.id = r.department_id
     where r.id = $1 and r.status <> 'unconfirmed'`,
    [reportId],
  );
  if (!r) return;
  const failures: Error[] = [];
  for (const sender of senders ?? (await configuredSenders(ctx))) {
    const key = `${sender.name}:${r.departmentId ?? 0}`;
    const [claim] = await ctx.database.query<{ status: string }>(
      `insert into report_dispatches (report_id, sender) values ($1, $2)
       on conflict (report_id, sender) do update set attempts = report_dispatches.attempts returning status`,
      [reportId, key],
    );
    if (claim?.status === 'sent') continue;
    try {
      const externalId = await sender.send(ctx, r, { idempotencyKey: idempotencyKeyFor(ctx, reportId, key) });
      await ctx.database.query(
        `update report_dispatches set status = 'sent', sent_at = now(), attempts = attempts + 1, external_id = $3, last_error = null where report_id = $1 and sender = $2`,
        [reportId, key, externalId],
      );
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      const status = opts.lastAttempt && e instanceof SendRejected ? 'failed' : 'pending';
      await ctx.database.query(`update report_dispatches set attempts = attempts + 1, last_error = $3, status = $4 where report_id = $1 and sender = $2`, [reportId, key, e.message, status]);
      failures.push(e);
    }
  }
  if (failures.length) {
    throw new DispatchFailed(
      failures.map((f) => f.message).join('; '),
      failures.some((f) => !(f instanceof SendRejected)),
    );
  }
}

/**
 * The `reports.dispatch` job. The queue gives a job a few attempts; a delivery that is still
 * failing for a passing reason (timeout, 5xx) then goes on in a follow-up job, one attempt each,
 * waiting longer every time (capped at an hour), so a report is never dropped for an outage.
 */
export async function runDispatchJob(ctx: AppContext, payload: Record<string, unknown>, job: JobContext): Promise<void> {
  const reportId = Number(payload.reportId);
  try {
    await dispatchReport(ctx, reportId, undefined, { lastAttempt: job.lastAttempt });
  } catch (err) {
    if (job.lastAttempt && !(err instanceof DispatchFailed && !err.retryable)) {
      const tried = (Number(payload.tried) || 0) + job.attempt;
      await ctx.jobs.enqueue(
        'reports.dispatch',
        { reportId, tried },
        { runAt: new Date(Date.now() + backoffSeconds(tried) * 1000), maxAttempts: 1, dedupeKey: `reports.dispatch:${reportId}:retry:${job.jobId}` },
      );
    }
    throw err;
  }
}
