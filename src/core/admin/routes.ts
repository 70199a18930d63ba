// Every route of the administration area; core registers them with one call.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { registerDashboardRoutes } from './dashboard/routes.tsx';
import { registerDepartmentRoutes } from './departments/routes.tsx';
import { registerUserRoutes } from './users/routes.tsx';
import { registerOrganizationRoutes } from './organizations/routes.tsx';
import { registerSettingsRoutes } from './settings/routes.tsx';
import { registerModuleSettingsRoutes } from './settings/modules-routes.tsx';
import { registerOutboxRoutes } from './outbox/routes.tsx';
import { registerAuditRoutes } from './audit/routes.tsx';
import { registerAnnouncementRoutes } from './announcements/routes.tsx';

export async function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerDashboardRoutes(app, ctx);
  await registerDepartmentRoutes(app, ctx);
  await registerUserRoutes(app, ctx);
  await registerOrganizationRoutes(app, ctx);
  await registerSettingsRoutes(app, ctx);
  await registerModuleSettingsRoutes(app, ctx);
  await registerOutboxRoutes(app, ctx);
  await registerAuditRoutes(app, ctx);
  await registerAnnouncementRoutes(app, ctx);
}
