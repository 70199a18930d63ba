// Meetings and workshops: registration with a waiting list, reminders the day before, .ics files and
// per-space calendar feeds, and afterwards attendance, minutes, attachments and linked proposals.
import { defineModule } from '../../core/modules/manifest.ts';
import { mergeMessages } from '../../core/i18n/catalog.ts';
import { meetingsMigrations } from './migrations.ts';
import { meetingsMessages } from './messages.ts';
import { meetingsAdminMessages } from './messages-admin.ts';
import { meetingPolicy } from './policy.ts';
import { registerPublicMeetingRoutes } from './routes/public.tsx';
import { registerAdminMeetingRoutes } from './routes/admin.tsx';
import { registerMeetingApiRoutes } from './routes/api.ts';
import { sendReminders } from './reminders.ts';
import { seedMeetingsDemo } from './seed.ts';
import { eraseMeetingsData, meetingsPersonalData } from './personal-data.ts';

export const meetingsModule = defineModule({
  name: 'meetings',
  title: 'meetings.title',
  migrations: meetingsMigrations,
  messages: mergeMessages(meetingsMessages, meetingsAdminMessages),
  actions: Object.fromEntries(meetingPolicy.actions.map((a) => [a, a])),
  // A space's meetings component lists that space's meetings (and offers its calendar feed).
  spaceComponent: { title: 'meetings.title', href: (space) => `/meetings?space=${space.id}` },
  routes(app, ctx) {
    registerPublicMeetingRoutes(app, ctx);
    registerAdminMeetingRoutes(app, ctx);
    registerMeetingApiRoutes(app, ctx);
  },
  jobs: {
    async remind(ctx, payload) {
      await sendReminders(ctx, payload);
    },
  },
  seeds: {
    async demo(ctx) {
      await seedMeetingsDemo(ctx);
    },
  },
  personalData: meetingsPersonalData,
  eraseUser: eraseMeetingsData,
  nav: [
    { href: '/meetings', label: 'meetings.title', audience: 'public' },
    { href: '/admin/meetings', label: 'meetings.admin.title', audience: 'admin' },
  ],
  async homeCard(ctx, _actor, t) {
    const [row] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from meetings where status = 'scheduled' and starts_at > now()`);
    if (!row?.n) return null;
    return { title: t('meetings.title'), body: t('meetings.card'), href: '/meetings', linkLabel: t('meetings.cardLink') };
  },
});
