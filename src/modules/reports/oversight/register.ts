// The reports module's oversight and follow-up features in one place for the manifest: the
// department dashboard, public response figures, category SLA admin, the Atom feed, area alerts,
// and the hourly "is it fixed?" job (booked when the app is ready, since the queue has no cron).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import type { ModuleManifest } from '../../../core/modules/manifest.ts';
import { registerDashboardRoutes } from './dashboard-routes.tsx';
import { registerStatsRoutes } from './stats-routes.tsx';
import { registerCategorySettingsRoutes } from './category-settings-routes.tsx';
import { registerFeedRoutes } from '../feeds/routes.ts';
import { registerAlertRoutes } from '../alerts/routes.tsx';
import { sendAreaAlerts } from '../alerts/area-alerts-job.ts';
import { ensureFeedbackSchedule, runFeedbackJob } from '../feedback/request-feedback.ts';

export function registerOversightRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerDashboardRoutes(app, ctx);
  registerStatsRoutes(app, ctx);
  registerCategorySettingsRoutes(app, ctx);
  registerFeedRoutes(app, ctx);
  registerAlertRoutes(app, ctx);
  app.addHook('onReady', async () => {
    await ensureFeedbackSchedule(ctx);
  });
}

/** Registered by the queue as `reports.requestFeedback` and `reports.areaAlerts`. */
export const oversightJobs: NonNullable<ModuleManifest['jobs']> = {
  async requestFeedback(ctx) {
    await runFeedbackJob(ctx);
  },
  async areaAlerts(ctx, payload) {
    await sendAreaAlerts(ctx, Number(payload.reportId));
  },
};
