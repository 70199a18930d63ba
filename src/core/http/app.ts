// Builds the Fastify instance: security plugins, parsers, OpenAPI, request context, core routes,
// then every enabled module's routes. Route handlers stay thin: validate → authorize → command → present.
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { fileURLToPath } from 'node:url';
import { h } from 'preact';
import type { AppContext } from '../context.ts';
import { registerBodyParsers } from './body-parsers.ts';
import { problem, problemFromError, sendProblem } from './problem.ts';
import { registerRequestContext } from './request-context.ts';
import { ErrorPage } from '../ui/error-page.tsx';
import './fastify-types.ts';

const PUBLIC_DIR = fileURLToPath(new URL('../../../public', import.meta.url));

export interface BuildOptions {
  logger?: boolean;
}

function wantsHtml(url: string, accept: string | undefined): boolean {
  if (url.startsWith('/api/') || url.startsWith('/open311/')) return false;
  return (accept ?? '').includes('text/html');
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: ctx.config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    ajv: {
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true },
      plugins: [(await import('ajv-formats')).default as never],
    },
    routerOptions: { ignoreTrailingSlash: true },
  });

  registerBodyParsers(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', ...(ctx.config.tileUrl ? [new URL(ctx.config.tileUrl.replace(/\{[a-z]\}/g, 'a')).origin] : [])],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // Browsers on plain-http LAN installs would otherwise be forced to https.
    hsts: ctx.config.baseUrl.startsWith('https:'),
  });
  await app.register(cookie);
  if (ctx.config.rateLimitMax > 0) {
    await app.register(rateLimit, {
      max: ctx.config.rateLimitMax,
      timeWindow: '1 minute',
      errorResponseBuilder: (_req, c) => ({
        ...problem(429, 'rate-limited', 'Too many requests', `Try again in ${Math.ceil(c.ttl / 1000)} seconds.`),
        statusCode: 429,
      }),
    });
  }
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 5, fields: 50 } });
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/static/',
    preCompressed: true,
    maxAge: '1h',
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Dezvolt API', version: '0.1.0', description: 'Public API of the Dezvolt city platform. Errors are RFC 7807 problem+json.' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dz_session' } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });

  registerRequestContext(app, ctx);

  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    const p = problemFromError(err, req);
    if (p.status === 429 && (err as { statusCode?: number }).statusCode === 429) Object.assign(p, { detail: err.message || p.detail });
    if (wantsHtml(req.url, req.headers.accept) && req.t) {
      return reply.page(req.t('error.title'), h(ErrorPage, { status: p.status, detail: p.detail ?? p.title, t: req.t }), { status: p.status });
    }
    return sendProblem(reply, p);
  });
  app.setNotFoundHandler(async (req, reply) => {
    if (wantsHtml(req.url, req.headers.accept) && req.t) {
      return reply.page(req.t('error.notFound'), h(ErrorPage, { status: 404, detail: req.t('error.notFoundDetail'), t: req.t }), { status: 404 });
    }
    return sendProblem(reply, problem(404, 'not-found', 'Not found', `No route ${req.method} ${req.url.split('?')[0]}`));
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const { registerCoreRoutes } = await import('../routes.ts');
  await registerCoreRoutes(app, ctx);
  for (const m of ctx.modules) {
    if (m.routes) await m.routes(app, ctx);
  }
  return app;
}
