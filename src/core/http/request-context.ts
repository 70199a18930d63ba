// Per-request identity, language and CSRF token, plus the page renderer. Registered once by the app.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h, type ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { AppContext } from '../context.ts';
import { ANONYMOUS, loadActor } from '../auth/actor.ts';
import { SESSION_COOKIE, resolveSession } from '../auth/sessions.ts';
import { hmac, randomToken, safeEqual } from '../auth/tokens.ts';
import { LOCALES, type Locale } from '../config/config.ts';
import { Layout } from '../ui/layout.tsx';
import type { PageContext } from '../ui/page-context.ts';
import { HttpError } from './problem.ts';
import type { PageOptions } from './fastify-types.ts';

export const CSRF_COOKIE = 'dz_csrf';
export const LANG_COOKIE = 'dz_lang';
export const NOTICE_COOKIE = 'dz_notice';

export function cookieOptions(ctx: AppContext, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.cookieSecure,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_TOKEN = Symbol('csrfToken');
const REPLY = Symbol('reply');

export function registerRequestContext(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null as unknown as { kind: 'anonymous' });
  app.decorateRequest('locale', 'ro');
  app.decorateRequest('t', (k: string) => k);
  app.decorateRequest('sessionToken', undefined);
  // Derived on first use (pages, form checks), so JSON and static answers carry no Set-Cookie (a
  // publicly cacheable answer must not) and cost no random token + HMAC per request.
  app.decorateRequest('csrfToken', {
    getter(this: FastifyRequest): string {
      const self = this as FastifyRequest & { [CSRF_TOKEN]?: string; [REPLY]?: FastifyReply };
      if (self[CSRF_TOKEN] === undefined) {
        let seed = this.cookies[CSRF_COOKIE];
        if (!seed || seed.length < 20) {
          seed = randomToken(18);
          self[REPLY]?.setCookie(CSRF_COOKIE, seed, cookieOptions(ctx));
          this.cookies[CSRF_COOKIE] = undefined as unknown as string; // a brand-new seed never validates a POST
        }
        self[CSRF_TOKEN] = hmac(ctx.secret, seed);
      }
      return self[CSRF_TOKEN];
    },
  });

  app.addHook('onRequest', async (req, reply) => {
    req.actor = ANONYMOUS;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const userId = await resolveSession(ctx.database, token);
      if (userId) {
        req.actor = await loadActor(ctx.database, userId);
        req.sessionToken = token;
      }
      if (req.actor.kind === 'anonymous') reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    const fromCookie = req.cookies[LANG_COOKIE] as Locale | undefined;
    const city = await ctx.settings.city();
    req.locale =
      fromCookie && LOCALES.includes(fromCookie)
        ? fromCookie
        : req.actor.kind === 'user'
          ? req.actor.locale
          : (city.defaultLocale ?? ctx.config.defaultLocale);
    req.t = ctx.catalog.translator(req.locale);

    (req as FastifyRequest & { [REPLY]?: FastifyReply })[REPLY] = reply;
  });

  // After parsing, before schema validation: check the token and drop it from the body.
  app.addHook('preValidation', async (req) => {
    if (!UNSAFE.has(req.method)) return;
    const mode = req.routeOptions.config?.csrf;
    if (mode === false || mode === 'handler') return;
    const type = String(req.headers['content-type'] ?? '');
    const body = req.body as Record<string, unknown> | undefined;
    let supplied: string | undefined;
    if (body && typeof body === 'object' && typeof body._csrf === 'string') {
      supplied = body._csrf;
      delete body._csrf;
    } else if (typeof req.headers['x-csrf-token'] === 'string') {
      supplied = req.headers['x-csrf-token'];
    }
    const isForm = type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
    // Machine clients without a session cookie hold no ambient authority, so only forms and
    // cookie-authenticated calls need the token.
    const needs = isForm || req.cookies[SESSION_COOKIE] !== undefined;
    if (!needs) return;
    verifyCsrf(req, supplied);
  });

  app.decorateRequest('pageContext', async function pageContext(this: FastifyRequest): Promise<PageContext> {
    const city = await ctx.settings.city();
    const noticeKey = this.cookies[NOTICE_COOKIE];
    return {
      t: this.t,
      locale: this.locale,
      actor: this.actor,
      csrf: this.csrfToken,
      path: this.url,
      city,
      nav: ctx.modules.flatMap((m) => m.nav ?? []),
      tileUrl: ctx.config.tileUrl,
      ...(noticeKey && ctx.catalog.has(this.locale, noticeKey) ? { notice: this.t(noticeKey) } : {}),
    };
  });

  app.decorateReply('page', async function page(this: FastifyReply, title: string, body: ComponentChildren, opts: PageOptions = {}) {
    const pc = await this.request.pageContext();
    if (this.request.cookies[NOTICE_COOKIE]) this.clearCookie(NOTICE_COOKIE, { path: '/' });
    const html = '<!doctype html>' + renderToString(h(Layout, { page: pc, title, islands: opts.islands, styles: opts.styles, children: body }));
    return this.code(opts.status ?? 200)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(html);
  });

  app.decorateReply('redirectWithNotice', function redirectWithNotice(this: FastifyReply, url: string, noticeKey: string) {
    this.setCookie(NOTICE_COOKIE, noticeKey, { ...cookieOptions(ctx, 60) });
    return this.redirect(url, 303);
  });
}

export function verifyCsrf(req: FastifyRequest, supplied: string | undefined): void {
  const seed = req.cookies[CSRF_COOKIE];
  if (!seed || !supplied || !safeEqual(supplied, req.csrfToken)) {
    throw new HttpError(
      403,
      'csrf',
      'This form has expired or did not come from this site (missing or wrong CSRF token). Reload the page and try again.',
    );
  }
}
