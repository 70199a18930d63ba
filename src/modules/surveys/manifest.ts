// Surveys: a builder with eleven question kinds, conditional display evaluated on the server, one
// response per person, results with accessible charts and a CSV export.
import { defineModule } from '../../core/modules/manifest.ts';
import { mergeMessages } from '../../core/i18n/catalog.ts';
import { surveysMigrations } from './migrations.ts';
import { surveysMessages } from './messages.ts';
import { surveysAdminMessages } from './messages-admin.ts';
import { surveyPolicy } from './policy.ts';
import { registerPublicSurveyRoutes } from './routes/public.tsx';
import { registerAdminSurveyRoutes } from './routes/admin.tsx';
import { registerSurveyApiRoutes } from './routes/api.ts';
import { seedSurveysDemo } from './seed.ts';
import { eraseSurveysData, surveysPersonalData } from './personal-data.ts';

export const surveysModule = defineModule({
  name: 'surveys',
  title: 'surveys.title',
  migrations: surveysMigrations,
  messages: mergeMessages(surveysMessages, surveysAdminMessages),
  actions: Object.fromEntries(surveyPolicy.actions.map((a) => [a, a])),
  // A space's survey component lists the surveys of that space.
  spaceComponent: { title: 'surveys.title', href: (space) => `/surveys?space=${space.id}` },
  routes(app, ctx) {
    registerPublicSurveyRoutes(app, ctx);
    registerAdminSurveyRoutes(app, ctx);
    registerSurveyApiRoutes(app, ctx);
  },
  seeds: {
    async demo(ctx) {
      await seedSurveysDemo(ctx);
    },
  },
  personalData: surveysPersonalData,
  eraseUser: eraseSurveysData,
  nav: [
    { href: '/surveys', label: 'surveys.title', audience: 'public' },
    { href: '/admin/surveys', label: 'surveys.admin.title', audience: 'admin' },
  ],
  async homeCard(ctx, _actor, t) {
    const [row] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from surveys where status = 'open'`);
    if (!row?.n) return null;
    return { title: t('surveys.title'), body: t('surveys.card'), href: '/surveys', linkLabel: t('surveys.cardLink') };
  },
});
