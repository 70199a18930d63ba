// Routes every installation has regardless of modules: health, language switch, home, privacy,
// the live event stream, the open-data catalog, accounts and administration.
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { AppContext } from './context.ts';
import { LOCALES, type Locale } from './config/config.ts';
import { HomePage } from './home/home-page.tsx';
import { eventText } from './events/present.ts';
import { cookieOptions, LANG_COOKIE } from './http/request-context.ts';
import { registerAuthRoutes } from './auth/routes.tsx';
import { registerAdminRoutes } from './admin/routes.ts';
import { registerPrivacyRoutes } from './privacy/routes.tsx';
import { registerEventStream } from './events/stream.ts';
import { PrivacyPage } from './home/privacy-page.tsx';
import { registerOpenDataRoutes } from './open-data/routes.ts';

function safeNext(next: unknown): string {
  // Only same-site relative paths, never `//host` or `/\host`.
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export async function registerCoreRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/health',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database reachability',
        response: { 200: { type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' } } } },
      },
    },
    async () => {
      await ctx.database.query('select 1');
      return { status: 'ok', database: ctx.database.kind };
    },
  );

  app.get<{ Params: { locale: string }; Querystring: { next?: string } }>(
    '/lang/:locale',
    {
      schema: {
        hide: true,
        params: { type: 'object', properties: { locale: { type: 'string', enum: [...LOCALES] } }, required: ['locale'] },
        querystring: { type: 'object', properties: { next: { type: 'string', maxLength: 2000 } } },
      },
    },
    async (req, reply) => {
      const locale = req.params.locale as Locale;
      reply.setCookie(LANG_COOKIE, locale, { ...cookieOptions(ctx, 365 * 24 * 3600), httpOnly: false });
      if (req.actor.kind === 'user') await ctx.database.query('update users set locale = $2 where id = $1', [req.actor.id, locale]);
      return reply.redirect(safeNext(req.query.next), 303);
    },
  );

  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const page = await req.pageContext();
    const events = await ctx.events.recentPublic(10);
    const feed = events.map((ev) => ({ id: ev.id, at: ev.at, text: eventText(ctx.catalog, req.locale, req.t, ev) }));
    const cards = (await Promise.all(ctx.modules.map((m) => m.homeCard?.(ctx, req.actor, req.t) ?? null))).filter((c) => c !== null);
    const isDemo = await ctx.settings.get<boolean>('demo', false);
    return reply.page(req.t('home.title'), h(HomePage, { page, feed, cards, isDemo }), { islands: ['/static/assets/live-feed.js'] });
  });

  app.get('/privacy', { schema: { hide: true } }, async (req, reply) => {
    return reply.page(req.t('privacy.title'), h(PrivacyPage, { t: req.t }));
  });

  app.get(
    '/api/v1/areas.geojson',
    {
      schema: {
        tags: ['open data'],
        summary: 'The city boundary and its districts as GeoJSON (demo boundaries are approximate and flagged)',
        response: { 200: { type: 'object', properties: { type: { type: 'string' }, features: { type: 'array', items: { type: 'object', additionalProperties: true } } } } },
      },
    },
    async (_req, reply) => {
      const rows = await ctx.database.query<{ id: number; kind: string; slug: string; name: string; is_demo: boolean; geometry: string }>(
        `select id, kind, slug, name, is_demo, ST_AsGeoJSON(geom, 6) as geometry from areas order by kind, name`,
      );
      const features = rows.map((r) => ({ type: 'Feature', id: r.id, properties: { id: r.id, kind: r.kind, slug: r.slug, name: r.name, demo: r.is_demo }, geometry: JSON.parse(r.geometry) }));
      return reply.header('cache-control', 'public, max-age=300').type('application/geo+json').send({ type: 'FeatureCollection', features });
    },
  );

  registerEventStream(app, ctx);
  registerOpenDataRoutes(app, ctx);
  await registerAuthRoutes(app, ctx);
  await registerAdminRoutes(app, ctx);
  await registerPrivacyRoutes(app, ctx);
}
