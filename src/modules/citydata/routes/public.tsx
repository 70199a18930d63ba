// Public pages: the live city, one sensor's page, current alerts. Private data (groups the city did
// not mark public) is shown to officials and admins only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { citydataPolicy } from '../policy.ts';
import { entityDetail, lastDay, latestItems, openAlerts, typeSummaries } from '../queries.ts';
import { CITYDATA_ISLAND, CITYDATA_STYLES, LivePage } from '../pages/live-page.tsx';
import { EntityPage } from '../pages/entity-page.tsx';
import { AlertsPage } from '../pages/alerts-page.tsx';
import { ENTITY_TYPES, unitFor } from '../model.ts';

export const typeQuery = { type: 'object', properties: { type: { type: 'string', enum: ['', ...ENTITY_TYPES] } } } as const;

export function seesPrivate(req: FastifyRequest): boolean {
  return citydataPolicy.can(req.actor, 'citydata.viewPrivate', { apiKey: false });
}

export function registerPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { type?: string } }>('/citydata', { schema: { hide: true, querystring: typeQuery } }, async (req, reply) => {
    const publicOnly = !seesPrivate(req);
    const type = req.query.type || undefined;
    const { items, total } = await latestItems(ctx, { type, publicOnly, limit: 200 });
    return reply.page(
      req.t('citydata.live.title'),
      <LivePage page={await req.pageContext()} type={type} summaries={await typeSummaries(ctx, publicOnly)} items={items} total={total} />,
      { islands: [CITYDATA_ISLAND], styles: CITYDATA_STYLES },
    );
  });

  app.get<{ Params: { urn: string } }>('/citydata/entities/:urn', { schema: { hide: true, params: { type: 'object', properties: { urn: { type: 'string', maxLength: 512 } } } } }, async (req, reply) => {
    const entity = await entityDetail(ctx, req.params.urn);
    if (!entity || (!entity.public && !seesPrivate(req))) return reply.callNotFound();
    const numeric = Object.entries(entity.attrs).filter(([, a]) => a.type === 'Property' && typeof a.value === 'number');
    const series = [];
    for (const [attr, a] of numeric.slice(0, 6)) series.push({ attr, unit: typeof a.unitCode === 'string' ? a.unitCode : (unitFor(entity.type, attr) ?? null), points: await lastDay(ctx, entity.id, attr) });
    const name = typeof entity.attrs.name?.value === 'string' ? entity.attrs.name.value : entity.urn;
    return reply.page(name, <EntityPage page={await req.pageContext()} entity={entity} series={series} />, { islands: [CITYDATA_ISLAND], styles: CITYDATA_STYLES });
  });

  app.get('/citydata/alerts', { schema: { hide: true } }, async (req, reply) => {
    return reply.page(req.t('citydata.alerts.title'), <AlertsPage page={await req.pageContext()} alerts={await openAlerts(ctx, !seesPrivate(req))} />);
  });
}
