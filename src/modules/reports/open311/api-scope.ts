// The checks every GeoReport route starts with (format, jurisdiction, parameter validation) and
// the scope's own error and not-found handlers, so nothing under /open311/ ever answers with an
// HTML page or problem+json: clients get the spec's error list in the format they asked for.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { fieldErrorsFromValidation, problemFromError } from '../../../core/http/problem.ts';
import { jurisdictionId } from './discovery.ts';
import { formatOfUrl, parseFormat, sendErrors, type Format } from './respond.ts';

type AjvErrors = Parameters<typeof fieldErrorsFromValidation>[0];

/** The format named by the extension, or a 404 already sent. */
export function checkFormat(req: FastifyRequest, reply: FastifyReply, raw: string): Format | null {
  const format = parseFormat(raw);
  if (!format) sendErrors(reply, 'xml', 404, [req.t('reports.open311.err.format', { format: raw.slice(0, 20) })]);
  return format ?? null;
}

/** jurisdiction_id is accepted and ignored when it names this installation; any other is a 404. */
export function checkJurisdiction(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, format: Format): boolean {
  const fromQuery = (req.query as Record<string, unknown> | undefined)?.jurisdiction_id;
  const fromBody = (req.body as Record<string, unknown> | undefined)?.jurisdiction_id;
  const given = [fromQuery, fromBody].find((v) => typeof v === 'string' && v !== '');
  if (given === undefined || given === jurisdictionId(ctx)) return true;
  sendErrors(reply, format, 404, [req.t('reports.open311.err.jurisdiction', { id: String(given).slice(0, 200) })]);
  return false;
}

/** Schema failures (attachValidation) as one error per parameter. */
export function checkValidation(req: FastifyRequest, reply: FastifyReply, format: Format): boolean {
  const v = req.validationError as unknown as { validation?: AjvErrors; validationContext?: string } | undefined;
  if (!v?.validation) return true;
  const errors = fieldErrorsFromValidation(v.validation, v.validationContext);
  sendErrors(reply, format, 400, errors.map((e) => req.t('reports.open311.err.param', { field: e.field, reason: e.reason })));
  return false;
}

const PASSED_THROUGH = [400, 403, 404, 413, 415, 429] as const;

export function installErrorHandlers(scope: FastifyInstance): void {
  scope.setErrorHandler(async (err: FastifyError, req, reply) => {
    const p = problemFromError(err, req);
    const status = PASSED_THROUGH.find((s) => s === p.status) ?? 500;
    return sendErrors(reply, formatOfUrl(req.url), status, [p.detail ?? p.title]);
  });
  scope.setNotFoundHandler(async (req, reply) => sendErrors(reply, formatOfUrl(req.url), 404, [req.t('reports.open311.err.notFound')]));
}
