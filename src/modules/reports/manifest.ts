// Citizen reports (sesizări): filing, routing, handling, feedback and Open311.
import { defineModule } from '../../core/modules/manifest.ts';
import { mergeMessages } from '../../core/i18n/catalog.ts';
import { reportsMigrations } from './migrations.ts';
import { reportsMessages } from './messages.ts';
import { reportsStaffMessages } from './messages-staff.ts';
import { reportsModerationMessages } from './messages-moderation.ts';
import { registerModerationRoutes } from './routes/moderation.tsx';
import { registerSuggestRoutes } from './routes/suggest.ts';
import { registerCitizenRoutes } from './routes/citizen.tsx';
import { registerManageRoutes } from './routes/manage.tsx';
import { registerApiRoutes } from './routes/api.ts';
import { dispatchReport } from './senders.ts';
import { seedReportsDemo } from './seed.ts';
import { reportPolicy } from './policy.ts';
import { DEFAULT_SENDER_SETTINGS } from './senders.ts';

export const reportsModule = defineModule({
  name: 'reports',
  title: 'reports.title',
  migrations: reportsMigrations,
  messages: mergeMessages(reportsMessages, reportsStaffMessages, reportsModerationMessages),
  actions: Object.fromEntries(reportPolicy.actions.map((a) => [a, a])),
  settings: {
    schema: {
      type: 'object',
      properties: {
        senders: { type: 'array', items: { type: 'string', enum: ['email', 'open311'] } },
        open311Endpoint: { type: 'string' },
        open311ApiKey: { type: 'string' },
      },
    } as never,
    defaults: { ...DEFAULT_SENDER_SETTINGS },
  },
  routes(app, ctx) {
    registerCitizenRoutes(app, ctx);
    registerManageRoutes(app, ctx);
    registerApiRoutes(app, ctx);
    registerModerationRoutes(app, ctx);
    registerSuggestRoutes(app, ctx);
  },
  jobs: {
    async dispatch(ctx, payload) {
      await dispatchReport(ctx, Number(payload.reportId));
    },
  },
  seeds: { demo: seedReportsDemo },
  nav: [
    { href: '/reports', label: 'reports.title', audience: 'public' },
  ],
  async homeCard(ctx, _actor, t) {
    const [row] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from reports where status in ('new','acknowledged','in_progress','planned') and hidden_at is null`);
    return { title: t('reports.title'), body: `${t('reports.card')} ${t('reports.list.count', { count: row?.n ?? 0 })}.`, href: '/reports/new', linkLabel: t('reports.new') };
  },
});
