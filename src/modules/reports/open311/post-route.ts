// POST requests.{json,xml}: an API-key client files a report. Authenticate (403) → validate (400)
// → create through submitReport → answer with the new (or, for a retry, the first) request id.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { authenticateApiKey } from './api-keys.ts';
import { checkFormat, checkJurisdiction, checkValidation } from './api-scope.ts';
import { createServiceRequest } from './create-request.ts';
import { sendErrors, sendOpen311 } from './respond.ts';
import { both, createdSchema, errorResponses, errorsSchema, formatParam, jurisdictionParam } from './schemas.ts';
import { serviceNotice } from './services.ts';

const field = (description: string, maxLength = 200) => ({ type: 'string', maxLength, description }) as const;
const coordinate = (description: string) => ({ type: 'string', maxLength: 30, pattern: '^\\s*-?\\d{1,3}(\\.\\d+)?\\s*$', description }) as const;

const body = {
  type: 'object',
  properties: {
    api_key: field('The key an administrator issued on /admin/open311'),
    jurisdiction_id: jurisdictionParam,
    service_code: field('A service_code from services.{format}', 100),
    lat: coordinate('WGS84 latitude (with long); the point must be inside the city'),
    long: coordinate('WGS84 longitude (with lat)'),
    address_string: field('The address; required when lat/long are not given', 500),
    address_id: field('Not used: this server has no address registry'),
    description: field('What is wrong (required), at most 4000 characters', 4000),
    email: field('Reporter e-mail: they hear about each step', 254),
    first_name: field('Reporter first name', 100),
    last_name: field('Reporter last name', 100),
    phone: field('Reporter phone: kept for the staff, never published', 50),
    device_id: field('Client device id; a retry with the same device, service and text within 10 minutes returns the first request'),
    account_id: field('Client account id, echoed in the answer'),
    media_url: field('Link to a photo or video; published as a note on the request, never fetched', 2000),
  },
  patternProperties: { '^attribute\\[[^\\]]+\\](\\[\\])?$': { description: 'Answer to a service definition attribute, attribute[code]=value (repeated for multivaluelist)' } },
} as const;

export function registerPostRoute(scope: FastifyInstance, ctx: AppContext): void {
  scope.post<{ Params: { format: string }; Body: Record<string, unknown> | undefined }>(
    '/v2/requests.:format',
    {
      // Token-authenticated machine API: no cookies, so no CSRF token.
      config: { csrf: false },
      attachValidation: true,
      schema: {
        tags: ['open311'],
        summary: 'File a service request (a report) with an API key; form-encoded parameters as in GeoReport v2',
        consumes: ['application/x-www-form-urlencoded'],
        params: { type: 'object', required: ['format'], properties: { format: formatParam } },
        headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', maxLength: 200, description: 'A retry with the same key returns the first request instead of filing a second' } } },
        body,
        response: {
          200: both('The new request (or, for a retry, the first one)', { type: 'array', items: createdSchema }),
          403: both('Missing, unknown or revoked api_key (the GeoReport error list)', errorsSchema),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const format = checkFormat(req, reply, req.params.format);
      if (!format) return reply;
      const b = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      // Only from the body: a key in the query string would end up in access logs.
      const rawKey = typeof b.api_key === 'string' ? b.api_key : undefined;
      const apiKeyId = await authenticateApiKey(ctx, rawKey);
      if (apiKeyId === undefined) return sendErrors(reply, format, 403, [req.t(rawKey ? 'reports.open311.err.apiKeyInvalid' : 'reports.open311.err.apiKeyMissing')]);
      if (!checkJurisdiction(ctx, req, reply, format) || !checkValidation(req, reply, format)) return reply;
      const header = req.headers['idempotency-key'];
      const outcome = await createServiceRequest(ctx, { apiKeyId, locale: req.locale, idempotencyHeader: typeof header === 'string' ? header : undefined }, b);
      if (outcome.kind === 'invalid') return sendErrors(reply, format, 400, outcome.problems.map((p) => req.t(p.key, p.params)));
      // Same answer as the first time, flagged so a client can tell a replay from a new filing.
      if (outcome.kind === 'repeated') reply.header('idempotent-replayed', 'true');
      return sendOpen311(reply, format, 'service_requests', [
        { service_request_id: String(outcome.id), service_notice: serviceNotice(req.t, outcome.slaResolveDays), account_id: outcome.accountId },
      ]);
    },
  );
}
