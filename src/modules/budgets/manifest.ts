// Participatory budgeting: editions, projects, ballots of every Pabulib type, tallies and results.
import { defineModule } from '../../core/modules/manifest.ts';
import { mergeMessages } from '../../core/i18n/catalog.ts';
import { budgetsMigrations } from './migrations.ts';
import { budgetsMessages } from './messages.ts';
import { budgetsBallotMessages } from './messages-ballot.ts';
import { budgetsAdminMessages } from './messages-admin.ts';
import { budgetsResultsMessages } from './messages-results.ts';
import { budgetsWorksMessages } from './messages-works.ts';
import { budgetPolicy } from './policy.ts';
import { registerPublicRoutes } from './routes/public.tsx';
import { registerStaffRoutes } from './routes/staff.tsx';
import { registerBallotRoutes } from './routes/ballot.tsx';
import { registerResultsRoutes } from './routes/results.tsx';
import { registerAdminRoutes } from './routes/admin.tsx';
import { registerAdminFileRoutes } from './routes/admin-files.tsx';
import { registerPhotoRoutes } from './routes/photos.tsx';
import { registerMapRoutes } from './routes/map.ts';
import { budgetsMapMessages } from './messages-map.ts';
import { seedBudgetsDemo } from './seed.ts';
import { budgetsEraseUser, budgetsPersonalData } from './privacy.ts';
import { budgetsOpenData, budgetsOpenDataMessages } from './open-data.ts';

export const budgetsModule = defineModule({
  name: 'budgets',
  title: 'pb.title',
  migrations: budgetsMigrations,
  messages: mergeMessages(budgetsMessages, budgetsBallotMessages, budgetsAdminMessages, budgetsResultsMessages, budgetsWorksMessages, budgetsMapMessages, budgetsOpenDataMessages),
  actions: Object.fromEntries(budgetPolicy.actions.map((a) => [a, a])),
  routes(app, ctx) {
    registerPublicRoutes(app, ctx);
    registerStaffRoutes(app, ctx);
    registerBallotRoutes(app, ctx);
    registerResultsRoutes(app, ctx);
    registerAdminRoutes(app, ctx);
    registerAdminFileRoutes(app, ctx);
    registerPhotoRoutes(app, ctx);
    registerMapRoutes(app, ctx);
  },
  seeds: { demo: seedBudgetsDemo },
  openData: [budgetsOpenData],
  nav: [{ href: '/budgets', label: 'pb.title', audience: 'public' }],
  async homeCard(ctx, _actor, t) {
    const [e] = await ctx.database.query<{ id: number; title: string; phase: string }>(
      `select id, title, phase from pb_editions where phase in ('submission','voting','results','implementation')
       order by array_position(array['voting','submission','results','implementation'], phase), created_at desc limit 1`,
    );
    if (!e) return null;
    const link = e.phase === 'voting' ? 'pb.card.vote' : e.phase === 'submission' ? 'pb.card.propose' : 'pb.card.results';
    return { title: t('pb.title'), body: t('pb.card.body', { edition: e.title, phase: t(`pb.phase.${e.phase}`) }), href: `/budgets/editions/${e.id}`, linkLabel: t(link) };
  },
  personalData: budgetsPersonalData,
  eraseUser: budgetsEraseUser,
});
