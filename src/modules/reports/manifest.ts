// Citizen reports (sesizări): filing, routing, handling, feedback and Open311.
import { defineModule } from '../../core/modules/manifest.ts';
import { mergeMessages } from '../../core/i18n/catalog.ts';
import { reportsMigrations } from './migrations.ts';
import { reportsMessages } from './messages.ts';
import { reportsStaffMessages } from './messages-staff.ts';
import { reportsModerationMessages } from './messages-moderation.ts';
import { reportsOversightMessages } from './messages-oversight.ts';
import { reportsAlertsMessages } from './messages-alerts.ts';
import { oversightJobs, registerOversightRoutes } from './oversight/register.ts';
import { registerModerationRoutes } from './routes/moderation.tsx';
import { registerSuggestRoutes } from './routes/suggest.ts';
import { eraseReportsData, reportsPersonalData } from './personal-data.ts';
import { registerCitizenRoutes } from './routes/citizen.tsx';
import { registerManageRoutes } from './routes/manage.tsx';
import { registerApiRoutes } from './routes/api.ts';
import { runDispatchJob } from './senders.ts';
import { seedReportsDemo } from './seed.ts';
import { startSummaryFolder } from './summary-folder.ts';
import { reportPolicy } from './policy.ts';
import { DEFAULT_SENDER_SETTINGS } from './senders.ts';
import { open311Migrations } from './open311/migrations.ts';
import { open311Messages } from './open311/messages.ts';
import { registerOpen311 } from './open311/register.ts';
import { registerReportSubjects } from './subjects-registration.ts';
import { reportsOpenData, reportsOpenDataMessages } from './open-data.ts';
import { reportsSettingsMessages } from './messages-settings.ts';

export const reportsModule = defineModule({
  name: 'reports',
  title: 'reports.title',
  migrations: [...reportsMigrations, ...open311Migrations],
  messages: mergeMessages(reportsMessages, reportsStaffMessages, reportsModerationMessages, reportsOversightMessages, reportsAlertsMessages, open311Messages, reportsOpenDataMessages, reportsSettingsMessages),
  actions: Object.fromEntries(reportPolicy.actions.map((a) => [a, a])),
  settings: {
    // The sender settings (senders.ts reads this key); the module's other settings have keys of their own.
    key: 'module.reports.senders',
    schema: {
      type: 'object',
      properties: {
        senders: { type: 'array', items: { type: 'string', enum: ['email', 'open311'] }, uniqueItems: true },
        open311Endpoint: { type: 'string', maxLength: 500 },
        open311ApiKey: { type: 'string', maxLength: 500, writeOnly: true },
        open311TimeoutMs: { type: 'integer', minimum: 100, maximum: 120000 },
      },
    },
    defaults: { ...DEFAULT_SENDER_SETTINGS },
  },
  routes(app, ctx) {
    registerReportSubjects();
    registerCitizenRoutes(app, ctx);
    registerManageRoutes(app, ctx);
    registerApiRoutes(app, ctx);
    registerModerationRoutes(app, ctx);
    registerSuggestRoutes(app, ctx);
    registerOversightRoutes(app, ctx);
    registerOpen311(app, ctx);
  },
  jobs: {
    dispatch: runDispatchJob,
    ...oversightJobs,
  },
  seeds: { demo: seedReportsDemo },
  async start(ctx) {
    return startSummaryFolder(ctx);
  },
  openData: [reportsOpenData],
  personalData: reportsPersonalData,
  eraseUser: eraseReportsData,
  nav: [
    { href: '/reports', label: 'reports.title', audience: 'public' },
    { href: '/reports/stats', label: 'reports.stats.title', audience: 'public' },
    { href: '/admin/report-categories', label: 'reports.categories.title', audience: 'admin' },
    { href: '/admin/open311', label: 'reports.open311.admin.title', audience: 'admin' },
  ],
  async homeCard(ctx, _actor, t) {
    const [row] = await ctx.database.query<{ n: number }>(`select coalesce(sum(n), 0)::int as n from report_tallies_live where status in ('new','acknowledged','in_progress','planned')`);
    return { title: t('reports.title'), body: `${t('reports.card')} ${t('reports.list.count', { count: row?.n ?? 0 })}.`, href: '/reports/new', linkLabel: t('reports.new') };
  },
});
