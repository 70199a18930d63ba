// The NGSI-LD subset under /ngsi-ld/v1, in its own Fastify scope: application/ld+json bodies, and
// every error — validation, parsing, authorization, unknown routes — answered as ProblemDetails.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { HttpError } from '../../../core/http/problem.ts';
import { registerEntityRoutes } from './entity-routes.ts';
import { registerBatchRoutes } from './batch-routes.ts';
import { registerTemporalRoutes } from './temporal-routes.ts';
import { NgsiError, ngsiProblem, sendNgsiProblem } from './problem.ts';
import { AuthError } from './http.ts';

export function registerNgsiLd(app: FastifyInstance, ctx: AppContext): void {
  void app.register(
    async (scope) => {
      scope.addContentTypeParser('application/ld+json', { parseAs: 'string' }, (_req, body, done) => {
        try {
          done(null, JSON.parse(body as string, (k, v) => (k === '__proto__' ? undefined : v)));
        } catch (err) {
          done(new HttpError(400, 'malformed-json', `The body is not valid JSON: ${(err as Error).message}`));
        }
      });
      scope.setErrorHandler(async (err: FastifyError & { validation?: unknown[] }, req, reply) => {
        if (err instanceof NgsiError) return sendNgsiProblem(reply, ngsiProblem(err.kind, err.message));
        if (err instanceof AuthError) return sendNgsiProblem(reply, { type: 'https://uri.etsi.org/ngsi-ld/errors/InvalidRequest', title: err.status === 401 ? 'Not authenticated' : 'Forbidden', status: err.status, detail: err.message });
        if (err.validation) return sendNgsiProblem(reply, ngsiProblem('BadRequestData', err.message));
        if ((err instanceof HttpError && err.statusCode === 400) || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return sendNgsiProblem(reply, ngsiProblem('InvalidRequest', err.message));
        const status = err.statusCode ?? 500;
        if (status >= 400 && status < 500) return sendNgsiProblem(reply, { type: 'https://uri.etsi.org/ngsi-ld/errors/InvalidRequest', title: err.code ?? 'Bad request', status, detail: err.message });
        req.log.error({ err }, 'NGSI-LD request failed');
        return sendNgsiProblem(reply, ngsiProblem('InternalError', 'the error was logged'));
      });
      scope.setNotFoundHandler(async (req, reply) => sendNgsiProblem(reply, ngsiProblem('ResourceNotFound', `no operation ${req.method} ${req.url.split('?')[0]}`)));
      registerEntityRoutes(scope, ctx);
      registerBatchRoutes(scope, ctx);
      registerTemporalRoutes(scope, ctx);
    },
    { prefix: '/ngsi-ld/v1' },
  );
}
