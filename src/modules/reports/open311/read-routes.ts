// GeoReport v2 reads: discovery, services, service definitions, requests (list and one), tokens,
// and mySociety's servicerequestupdates. None needs an API key; all of it is public data.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { checkFormat, checkJurisdiction, checkValidation } from './api-scope.ts';
import { resolveWindow } from './dates.ts';
import { discoveryDocument } from './discovery.ts';
import { sendErrors, sendOpen311, type Format } from './respond.ts';
import { both, discoverySchema, errorResponses, formatParam, jurisdictionParam, requestSchema, serviceDefinitionSchema, serviceSchema, tokenSchema, updateSchema } from './schemas.ts';
import { findRequests, MAX_PAGE_SIZE, parseRequestId, presentRequest } from './service-requests.ts';
import { loadServices, presentDefinition, presentService } from './services.ts';
import { findUpdates, presentUpdate } from './updates.ts';

const tags = ['open311'];
const pageParams = {
  page: { type: 'integer', minimum: 1, maximum: 100000, default: 1, description: 'Extension: page number, from 1' },
  page_size: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: MAX_PAGE_SIZE, description: 'Extension: results per page (at most 1000)' },
} as const;
const dateParams = {
  start_date: { type: 'string', maxLength: 40, description: 'W3C datetime (e.g. 2026-11-23T10:00:00+02:00); the window is at most 90 days' },
  end_date: { type: 'string', maxLength: 40, description: 'W3C datetime; without dates, the last 90 days' },
} as const;
const formatOnly = { type: 'object', required: ['format'], properties: { format: formatParam } } as const;
const jurisdictionOnly = { type: 'object', properties: { jurisdiction_id: jurisdictionParam } } as const;

interface ListQuery {
  jurisdiction_id?: string;
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
  page: number;
  page_size: number;
}

const commaList = (raw: string | undefined) => (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** Format, jurisdiction and parameter checks; null when an error answer was already sent. */
function begin(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, rawFormat: string): Format | null {
  const format = checkFormat(req, reply, rawFormat);
  if (!format || !checkJurisdiction(ctx, req, reply, format) || !checkValidation(req, reply, format)) return null;
  return format;
}

export function registerReadRoutes(scope: FastifyInstance, ctx: AppContext): void {
  const discovery = async (req: FastifyRequest<{ Params: { format: string } }>, reply: FastifyReply) => {
    const format = begin(ctx, req, reply, req.params.format);
    if (!format) return reply;
    return sendOpen311(reply, format, 'discovery', await discoveryDocument(ctx, req.t));
  };
  const discoveryRoute = {
    attachValidation: true,
    schema: { tags, summary: 'Open311 service discovery: the GeoReport v2 endpoint, its formats and whom to ask for an API key', params: formatOnly, response: { 200: both('Discovery document', discoverySchema) } },
  };
  scope.get('/discovery.:format', discoveryRoute, discovery);
  scope.get('/v2/discovery.:format', discoveryRoute, discovery);

  scope.get<{ Params: { format: string } }>(
    '/v2/services.:format',
    {
      attachValidation: true,
      schema: {
        tags,
        summary: 'GeoReport services: one per active report category, in the request language, grouped by department',
        params: formatOnly,
        querystring: jurisdictionOnly,
        response: { 200: both('Services', { type: 'array', items: serviceSchema }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const format = begin(ctx, req, reply, req.params.format);
      if (!format) return reply;
      const services = await loadServices(ctx, req.locale);
      return sendOpen311(reply, format, 'services', services.map(presentService));
    },
  );

  scope.get<{ Params: { service_code: string; format: string } }>(
    '/v2/services/:service_code.:format',
    {
      attachValidation: true,
      schema: {
        tags,
        summary: "A service definition: the category's extra questions (attributes) and their allowed values",
        params: { type: 'object', required: ['service_code', 'format'], properties: { service_code: { type: 'string', maxLength: 100 }, format: formatParam } },
        querystring: jurisdictionOnly,
        response: { 200: both('Service definition', serviceDefinitionSchema), ...errorResponses },
      },
    },
    async (req, reply) => {
      const format = begin(ctx, req, reply, req.params.format);
      if (!format) return reply;
      const [service] = await loadServices(ctx, req.locale, req.params.service_code);
      if (!service) return sendErrors(reply, format, 404, [req.t('reports.open311.err.serviceCode', { code: req.params.service_code })]);
      return sendOpen311(reply, format, 'service_definition', presentDefinition(service));
    },
  );

  scope.get<{ Params: { format: string }; Querystring: ListQuery }>(
    '/v2/requests.:format',
    {
      attachValidation: true,
      schema: {
        tags,
        summary: 'Public service requests (reports), newest first: the last 90 days and at most 1000 unless filtered or paged',
        params: formatOnly,
        querystring: {
          type: 'object',
          properties: {
            jurisdiction_id: jurisdictionParam,
            service_request_id: { type: 'string', maxLength: 20000, description: 'Comma-separated ids; overrides every other filter' },
            service_code: { type: 'string', maxLength: 2000, description: 'Comma-separated service codes' },
            ...dateParams,
            status: { type: 'string', maxLength: 20, description: 'open, closed or both (comma-separated)' },
            ...pageParams,
          },
        },
        response: { 200: both('Service requests', { type: 'array', items: requestSchema }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const format = begin(ctx, req, reply, req.params.format);
      if (!format) return reply;
      const q = req.query;
      const page = { page: q.page, pageSize: q.page_size };
      if (q.service_request_id !== undefined) {
        const raw = commaList(q.service_request_id);
        const ids = raw.map(parseRequestId);
        if (raw.length === 0 || raw.length > MAX_PAGE_SIZE || ids.some((id) => id === undefined)) {
          return sendErrors(reply, format, 400, [req.t('reports.open311.err.requestIds')]);
        }
        const rows = await findRequests(ctx, req.locale, { ids: ids as number[], ...page });
        return sendOpen311(reply, format, 'service_requests', rows.map((r) => presentRequest(ctx.config.baseUrl, req.t, r)));
      }
      const statuses = commaList(q.status?.toLowerCase());
      if (statuses.some((s) => s !== 'open' && s !== 'closed')) return sendErrors(reply, format, 400, [req.t('reports.open311.err.status')]);
      const codes = commaList(q.service_code);
      if (codes.length) {
        const known = new Set((await ctx.database.query<{ code: string }>('select code from categories where code = any($1::text[])', [codes])).map((r) => r.code));
        const unknown = codes.filter((c) => !known.has(c));
        if (unknown.length) return sendErrors(reply, format, 400, unknown.map((code) => req.t('reports.open311.err.serviceCode', { code: code.slice(0, 100) })));
      }
      const window = resolveWindow(q.start_date, q.end_date);
      if (window.kind !== 'ok') return sendErrors(reply, format, 400, [windowError(req, window)]);
      const rows = await findRequests(ctx, req.locale, { serviceCodes: codes, statuses: statuses as ('open' | 'closed')[], start: window.start, end: window.end, ...page });
      return sendOpen311(reply, format, 'service_requests', rows.map((r) => presentRequest(ctx.config.baseUrl, req.t, r)));
    },
  );

  scope.get<{ Params: { service_request_id: string; format: string } }>(
    '/v2/requests/:service_request_id.:format',
    {
      attachValidation: true,
      schema: {
        tags,
        summary: 'One public service request (a list of one, as the spec answers)',
        params: { type: 'object', required: ['service_request_id', 'format'], properties: { service_request_id: { type: 'string', maxLength: 20 }, format: formatParam } },
        querystring: jurisdictionOnly,
        response: { 200: both('The service request', { type: 'array', items: requestSchema, minItems: 1, maxItems: 1 }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const format = begin(ctx, req, reply, req.params.format);
      if (!format) return reply;
      const id = parseRequestId(req.params.service_request_id);
      const rows = id ? await findRequests(ctx, req.locale, { ids: [id], page: 1, pageSize: 1 }) : [];
      if (!rows[0]) return sendErrors(reply, format, 404, [req.t('reports.open311.err.requestNotFound', { id: req.params.service_request_id.slice(0, 20) })]);
      return sendOpen311(reply, format, 'service_requests', [presentRequest(ctx.config.baseUrl, req.t, rows[0])]);
    },
  );

  scope.get<{ Params: { token: string; format: string } }>(
    '/v2/tokens/:token.:format',
    {
      attachValidation: true,
      schema: {
        tags,
        summary: 'The request id for a token. Requests are created at once, so a token is the request id itself',
        params: { type: 'object', required: ['token', 'format'], properties: { token: { type: 'string', maxLength: 20 }, format: formatParam } },
        querystring: jurisdictionOnly,
        response: { 200: both('The request id and its token', { type: 'array', items: tokenSchema }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const format = begin(ctx, req, reply, req.params.format);
      if (!format) return reply;
      const id = parseRequestId(req.params.token);
      const rows = id ? await findRequests(ctx, req.locale, { ids: [id], page: 1, pageSize: 1 }) : [];
      if (!rows[0]) return sendErrors(reply, format, 404, [req.t('reports.open311.err.token', { token: req.params.token.slice(0, 20) })]);
      return sendOpen311(reply, format, 'service_requests', [{ service_request_id: String(rows[0].id), token: req.params.token }]);
    },
  );

  scope.get<{ Params: { format: string }; Querystring: Pick<ListQuery, 'jurisdiction_id' | 'start_date' | 'end_date' | 'page' | 'page_size'> }>(
    '/v2/servicerequestupdates.:format',
    {
      attachValidation: true,
      schema: {
        tags,
        summary: "mySociety extension: public updates of public requests (status changes, public notes), oldest first; the last 90 days by default",
        params: formatOnly,
        querystring: { type: 'object', properties: { jurisdiction_id: jurisdictionParam, ...dateParams, ...pageParams } },
        response: { 200: both('Service request updates', { type: 'array', items: updateSchema }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const format = begin(ctx, req, reply, req.params.format);
      if (!format) return reply;
      const window = resolveWindow(req.query.start_date, req.query.end_date);
      if (window.kind !== 'ok') return sendErrors(reply, format, 400, [windowError(req, window)]);
      const rows = await findUpdates(ctx, { start: window.start, end: window.end, page: req.query.page, pageSize: req.query.page_size });
      return sendOpen311(reply, format, 'service_request_updates', rows.map(presentUpdate));
    },
  );
}

function windowError(req: FastifyRequest, w: Exclude<ReturnType<typeof resolveWindow>, { kind: 'ok' }>): string {
  if (w.kind === 'invalid') return req.t('reports.open311.err.date', { field: w.field });
  return req.t(w.kind === 'reversed' ? 'reports.open311.err.dateOrder' : 'reports.open311.err.dateSpan');
}
