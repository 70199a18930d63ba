// GET /reports/stats: public, for everyone, no personal data (aggregates per department only).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { departmentStats } from './stats-queries.ts';
import { StatsPage } from './stats-page.tsx';

export function registerStatsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/reports/stats', { schema: { hide: true } }, async (req, reply) => {
    const rows = await departmentStats(ctx);
    return reply.page(req.t('reports.stats.title'), <StatsPage page={await req.pageContext()} rows={rows} />);
  });
}
