// Stakeholder consultation on a strategy (Timișoara's model): ambitions → objectives → projects,
// expressions of interest in working groups with consent to be contacted, comments on objectives,
// open actions promoted to projects, an admin editor for the strategy tree, a dashboard by helix
// type and the consented contacts' export.
import { defineModule } from '../../core/modules/manifest.ts';
import { mergeMessages } from '../../core/i18n/catalog.ts';
import { consultationsMigrations } from './migrations.ts';
import { consultationsMessages } from './messages.ts';
import { consultationsAdminMessages } from './messages-admin.ts';
import { consultationsStrategyMessages } from './messages-strategy.ts';
import { consultationPolicy } from './policy.ts';
import { registerPublicConsultationRoutes } from './routes/public.tsx';
import { registerAdminConsultationRoutes } from './routes/admin.tsx';
import { registerStrategyEditorRoutes } from './routes/strategy-editor.tsx';
import { registerConsultationApiRoutes } from './routes/api.ts';
import { registerConsultationSubjects } from './subjects.ts';
import { seedConsultationsDemo } from './seed.ts';
import { consultationsPersonalData, eraseConsultationsData } from './personal-data.ts';

export const consultationsModule = defineModule({
  name: 'consultations',
  title: 'consultations.title',
  migrations: consultationsMigrations,
  messages: mergeMessages(consultationsMessages, consultationsAdminMessages, consultationsStrategyMessages),
  actions: Object.fromEntries(consultationPolicy.actions.map((a) => [a, a])),
  spaceComponent: { title: 'consultations.title', href: (space) => `/consultations?space=${space.id}` },
  routes(app, ctx) {
    registerConsultationSubjects();
    registerPublicConsultationRoutes(app, ctx);
    registerAdminConsultationRoutes(app, ctx);
    registerStrategyEditorRoutes(app, ctx);
    registerConsultationApiRoutes(app, ctx);
  },
  seeds: {
    async demo(ctx) {
      await seedConsultationsDemo(ctx);
    },
  },
  personalData: consultationsPersonalData,
  eraseUser: eraseConsultationsData,
  nav: [
    { href: '/consultations', label: 'consultations.title', audience: 'public' },
    { href: '/admin/consultations', label: 'consultations.admin.title', audience: 'admin' },
  ],
  async homeCard(ctx, _actor, t) {
    const [row] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from consultations where status = 'open'`);
    if (!row?.n) return null;
    return { title: t('consultations.title'), body: t('consultations.card'), href: '/consultations', linkLabel: t('consultations.cardLink') };
  },
});
