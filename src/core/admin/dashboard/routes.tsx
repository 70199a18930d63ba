// /admin: counts and links to every admin section (and the admin pages modules contribute).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { requirePage } from '../guard.tsx';
import { DashboardPage } from './pages.tsx';
import { dashboardCounts } from './queries.ts';

export async function registerDashboardRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/admin', { schema: { hide: true }, preValidation: requirePage('admin.access') }, async (req, reply) => {
    const counts = await dashboardCounts(ctx.database);
    const moduleLinks = ctx.modules.flatMap((m) => m.nav ?? []).filter((n) => n.audience === 'admin');
    return reply.page(req.t('admin.title'), <DashboardPage page={await req.pageContext()} counts={counts} moduleLinks={moduleLinks} />);
  });
}
