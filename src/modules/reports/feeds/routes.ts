// GET /reports/feed.atom: the same filters as /reports (status, category, district), as Atom 1.0.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { filtersFrom, listQuery } from '../routes/citizen.tsx';
import { feedReports, filterNames } from './feed-query.ts';
import { renderAtom } from './atom.ts';

type FeedQuery = { status?: string; category?: string; district?: number | string };

export function registerFeedRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: FeedQuery }>(
    '/reports/feed.atom',
    { schema: { tags: ['reports', 'open data'], summary: 'The newest 50 reports matching the /reports filters, as an Atom 1.0 feed', querystring: listQuery } },
    async (req, reply) => {
      const filters = filtersFrom(req.query);
      const t = req.t;
      const query = new URLSearchParams(Object.entries(filters).map(([k, v]) => [k, String(v)])).toString();
      const q = query ? `?${query}` : '';
      const base = ctx.config.baseUrl.replace(/\/$/, '');
      const city = await ctx.settings.city();
      const names = await filterNames(ctx, req.locale, filters);
      const reports = await feedReports(ctx, req.locale, filters);
      const subtitle = [
        filters.status ? t('reports.feed.status', { status: filters.status === 'open' ? t('reports.feed.open') : t(`reports.status.${filters.status}`) }) : '',
        names.category ? t('reports.feed.category', { category: names.category }) : '',
        names.district ? t('reports.feed.district', { district: names.district }) : '',
      ].filter(Boolean);
      const updated = reports.reduce((max, r) => (r.updatedAt > max ? r.updatedAt : max), reports[0]?.updatedAt ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'));
      const xml = renderAtom({
        id: `${base}/reports/feed.atom${q}`,
        title: t('reports.feed.title', { city: city.name }),
        ...(subtitle.length ? { subtitle: subtitle.join(' · ') } : {}),
        lang: req.locale,
        selfLink: `${base}/reports/feed.atom${q}`,
        alternateLink: `${base}/reports${q}`,
        author: city.name,
        updated,
        entries: reports.map((r) => ({
          id: `${base}/reports/${r.id}`,
          title: t('reports.feed.entryTitle', { id: r.id, category: r.category, status: t(`reports.status.${r.status}`) }),
          link: `${base}/reports/${r.id}`,
          published: r.createdAt,
          updated: r.updatedAt,
          summary: r.district ? `${r.text}\n\n${r.district}` : r.text,
          categories: [{ term: r.categoryCode, label: r.category }],
          point: [r.lat, r.lng] as [number, number],
        })),
      });
      return reply.header('cache-control', 'public, max-age=60').type('application/atom+xml; charset=utf-8').send(xml);
    },
  );
}
