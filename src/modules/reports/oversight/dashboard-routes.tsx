// GET /reports/dashboard[?department=id]: officials see their own departments, admins every one.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { reportPolicy } from '../policy.ts';
import { oversightPolicy } from './policy.ts';
import { dashboardData, departmentChoices } from './dashboard-queries.ts';
import { DashboardForbidden, DashboardPage } from './dashboard-page.tsx';
import { hasRole } from '../../../core/auth/actor.ts';

const dashboardQuery = {
  type: 'object',
  properties: { department: { anyOf: [{ type: 'integer', minimum: 1, maximum: 2147483647 }, { type: 'string', maxLength: 0 }] } },
} as const;

export function registerDashboardRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { department?: number | string } }>('/reports/dashboard', { schema: { hide: true, querystring: dashboardQuery } }, async (req, reply) => {
    const actor = req.actor;
    if (actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
    const page = await req.pageContext();
    const forbidden = async () => reply.page(req.t('admin.forbidden.title'), <DashboardForbidden page={page} />, { status: 403 });
    if (!reportPolicy.can(actor, 'report.dashboard')) return forbidden();
    const cityWide = hasRole(actor, 'admin');
    const allowed = cityWide ? ('all' as const) : actor.departmentIds;
    const choices = await departmentChoices(ctx, allowed);
    const picked = typeof req.query.department === 'number' ? req.query.department : null;
    if (picked !== null) {
      if (!oversightPolicy.can(actor, 'report.dashboardDepartment', { departmentId: picked })) return forbidden();
      if (!choices.some((c) => c.id === picked)) return reply.callNotFound();
    }
    const scope = { departmentIds: picked !== null ? [picked] : allowed };
    const data = await dashboardData(ctx, req.locale, scope);
    return reply.page(req.t('reports.dashboard.title'), <DashboardPage page={page} data={data} choices={choices} selected={picked ?? (choices.length === 1 ? choices[0]!.id : null)} cityWide={cityWide} />);
  });
}
