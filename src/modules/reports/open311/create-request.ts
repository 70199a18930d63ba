// POST requests: turns a GeoReport service request into a report through submitReport, the one
// way reports are made, so routing, masking and dispatch are the same as on the web. What only
// Open311 carries (phone, the client's ids, attribute answers, a media link) goes beside it.
import type { AppContext } from '../../../core/context.ts';
import type { Locale } from '../../../core/config/config.ts';
import type { Params } from '../../../core/i18n/catalog.ts';
import { ANONYMOUS } from '../../../core/auth/actor.ts';
import { sha256 } from '../../../core/auth/tokens.ts';
import { submitReport } from '../commands/submit.ts';
import { checkAnswers, type AnsweredAttribute } from './attributes.ts';
import { loadServices } from './services.ts';

export const RETRY_WINDOW_MINUTES = 10;
const DESCRIPTION_MAX = 4000;

/** A message key and its parameters; the route words it in the request's language. */
export interface Problem {
  key: string;
  params?: Params;
}

export type CreateOutcome =
  | { kind: 'created' | 'repeated'; id: number; slaResolveDays: number | null; accountId: string | null }
  | { kind: 'invalid'; problems: Problem[] };

export interface CreateContext {
  apiKeyId: number;
  locale: Locale;
  /** The Idempotency-Key header, when the client sent one. */
  idempotencyHeader?: string | undefined;
}

const text = (body: Record<string, unknown>, name: string): string | undefined => {
  const v = body[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

const LIMITS: Record<string, number> = { email: 254, first_name: 100, last_name: 100, phone: 50, device_id: 200, account_id: 200, address_string: 500, media_url: 2000 };

function parseCoordinate(raw: string | undefined, max: number): number | undefined {
  if (raw === undefined || !/^-?\d{1,3}(\.\d+)?$/.test(raw)) return undefined;
  const n = Number(raw);
  return Math.abs(n) <= max ? n : undefined;
}

function isHttpUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export async function createServiceRequest(ctx: AppContext, c: CreateContext, body: Record<string, unknown>): Promise<CreateOutcome> {
  const problems: Problem[] = [];
  const code = text(body, 'service_code');
  const service = code ? (await loadServices(ctx, c.locale, code))[0] : undefined;
  if (!code) problems.push({ key: 'reports.open311.err.serviceCodeMissing' });
  else if (!service) problems.push({ key: 'reports.open311.err.serviceCode', params: { code } });

  for (const [field, max] of Object.entries(LIMITS)) {
    if ((text(body, field)?.length ?? 0) > max) problems.push({ key: 'reports.open311.err.tooLong', params: { field, max } });
  }

  const rawLat = text(body, 'lat');
  const rawLong = text(body, 'long');
  const address = text(body, 'address_string');
  let point: { lat: number; lng: number } | undefined;
  let addressOnly = false;
  if (rawLat !== undefined || rawLong !== undefined) {
    const lat = parseCoordinate(rawLat, 90);
    const lng = parseCoordinate(rawLong, 180);
    if (lat === undefined || lng === undefined) problems.push({ key: 'reports.open311.err.latLong' });
    else point = { lat, lng };
  } else if (address) {
    // No geocoder: the report is placed at the city centre, and the API says lat/long null.
    const [lat, lng] = (await ctx.settings.city()).center;
    point = { lat, lng };
    addressOnly = true;
  } else {
    problems.push({ key: 'reports.open311.err.location' });
  }

  const description = text(body, 'description');
  if (!description) problems.push({ key: 'reports.open311.err.description' });

  let answers: AnsweredAttribute[] = [];
  if (service) {
    const check = checkAnswers(service.attributes, body);
    if (check.kind === 'invalid') {
      for (const p of check.problems) problems.push({ key: p.problem === 'required' ? 'reports.open311.err.attributeRequired' : 'reports.open311.err.attributeInvalid', params: { code: p.code } });
    } else answers = check.answers;
  }
  const fullDescription = [description ?? '', answers.map((a) => a.line).join('\n')].filter(Boolean).join('\n\n');
  if (fullDescription.length > DESCRIPTION_MAX) problems.push({ key: 'reports.open311.err.tooLong', params: { field: 'description', max: DESCRIPTION_MAX } });

  const email = text(body, 'email')?.toLowerCase();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push({ key: 'reports.open311.err.email' });
  const mediaUrl = text(body, 'media_url');
  if (mediaUrl && !isHttpUrl(mediaUrl)) problems.push({ key: 'reports.open311.err.mediaUrl' });
  if (c.idempotencyHeader !== undefined && (c.idempotencyHeader.length < 1 || c.idempotencyHeader.length > 200)) {
    problems.push({ key: 'reports.open311.err.idempotencyKey' });
  }
  if (problems.length || !service || !point || !description) return { kind: 'invalid', problems };

  const deviceId = text(body, 'device_id');
  const accountId = text(body, 'account_id') ?? null;
  const answer = (id: number, kind: 'created' | 'repeated') => ({ kind, id, slaResolveDays: service.slaResolveDays, accountId });

  // The same device sending the same report for the same service again within ten minutes is a
  // retry (a flaky mobile connection), not a second problem.
  const fingerprint = deviceId ? sha256([c.apiKeyId, deviceId, service.code, description].join('\n')) : null;
  if (fingerprint) {
    const [prior] = await ctx.database.query<{ id: number }>(
      `select d.report_id::int as id from open311_request_details d
       where d.fingerprint = $1 and d.created_at > now() - make_interval(mins => $2) order by d.created_at limit 1`,
      [fingerprint, RETRY_WINDOW_MINUTES],
    );
    if (prior) return answer(prior.id, 'repeated');
  }
  // Keys are scoped to the API key, so one client can never reach another's report by guessing.
  // The device key falls in a ten-minute bucket: concurrent retries collide on it in the database.
  const bucket = Math.floor(Date.now() / (RETRY_WINDOW_MINUTES * 60_000));
  const idempotencyKey = c.idempotencyHeader
    ? `open311:${c.apiKeyId}:key:${sha256(c.idempotencyHeader)}`
    : fingerprint
      ? `open311:${c.apiKeyId}:device:${fingerprint}:${bucket}`
      : undefined;

  const name = [text(body, 'first_name'), text(body, 'last_name')].filter(Boolean).join(' ') || null;
  const outcome = await submitReport(ctx, ANONYMOUS, {
    categoryId: service.categoryId,
    point: { lng: point.lng, lat: point.lat },
    address,
    description: fullDescription,
    showName: false,
    photos: [],
    // With an address, the reporter hears about each step by mail like anyone filing on the web.
    contact: email ? { name: name ?? email, email } : undefined,
    source: 'open311',
    idempotencyKey,
    apiKeyId: c.apiKeyId,
    deviceId,
  });
  if (outcome.kind === 'invalid') return { kind: 'invalid', problems: outcome.errors.map((e) => ({ key: e.reason })) };
  if (outcome.kind === 'repeated') return answer(outcome.id, 'repeated');

  await ctx.database.transaction(async (tx) => {
    await tx.query(
      `insert into open311_request_details (report_id, api_key_id, device_id, account_id, name, phone, attributes, media_url, address_only, fingerprint)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [outcome.id, c.apiKeyId, deviceId ?? null, accountId, name, text(body, 'phone') ?? null, JSON.stringify(Object.fromEntries(answers.map((a) => [a.code, a.value]))), mediaUrl ?? null, addressOnly, fingerprint],
    );
    // The media is only linked, never fetched: the link becomes a public note on the report.
    if (mediaUrl) {
      await tx.query(`insert into report_updates (report_id, kind, body, body_public, public, details) values ($1, 'public_note', $2, $2, true, $3)`, [
        outcome.id,
        mediaUrl,
        JSON.stringify({ media_url: mediaUrl }),
      ]);
    }
  });
  return answer(outcome.id, 'created');
}
