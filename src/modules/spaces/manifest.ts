// Participatory spaces: processes with phases, assemblies / working groups and neighbourhood groups.
// A space hosts components: modules that declare `spaceComponent` and reference spaces(id).
import { defineModule } from '../../core/modules/manifest.ts';
import { mergeMessages } from '../../core/i18n/catalog.ts';
import { spacesMigrations } from './migrations.ts';
import { spacesMessages } from './messages.ts';
import { spacesAdminMessages } from './messages-admin.ts';
import { spacePolicy } from './policy.ts';
import { registerSpacePublicRoutes } from './routes/public.tsx';
import { registerSpaceAdminRoutes } from './routes/admin.tsx';
import { registerSpaceApiRoutes } from './routes/api.ts';
import { seedSpacesDemo } from './seed.ts';

export const spacesModule = defineModule({
  name: 'spaces',
  title: 'spaces.title',
  migrations: spacesMigrations,
  messages: mergeMessages(spacesMessages, spacesAdminMessages),
  actions: Object.fromEntries(spacePolicy.actions.map((a) => [a, a])),
  routes(app, ctx) {
    registerSpacePublicRoutes(app, ctx);
    registerSpaceAdminRoutes(app, ctx);
    registerSpaceApiRoutes(app, ctx);
  },
  seeds: { demo: seedSpacesDemo },
  nav: [
    { href: '/spaces', label: 'spaces.title', audience: 'public' },
    { href: '/admin/spaces', label: 'spaces.admin.title', audience: 'admin' },
  ],
  async homeCard(ctx, _actor, t) {
    const [row] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from spaces where published`);
    if (!row?.n) return null;
    return { title: t('spaces.title'), body: t('spaces.card'), href: '/spaces', linkLabel: t('spaces.cardLink') };
  },
  async personalData(ctx, userId) {
    const [memberships, following, news] = await Promise.all([
      ctx.database.query(`select s.slug as space, m.role, m.position_title as "positionTitle", m.joined_at as "joinedAt" from space_members m join spaces s on s.id = m.space_id where m.user_id = $1`, [userId]),
      ctx.database.query(`select s.slug as space, f.created_at as since from space_followers f join spaces s on s.id = f.space_id where f.user_id = $1`, [userId]),
      ctx.database.query(`select s.slug as space, n.title, n.body, n.published_at as "publishedAt" from space_news n join spaces s on s.id = n.space_id where n.author_id = $1`, [userId]),
    ]);
    return { memberships, following, news };
  },
  async eraseUser(_ctx, userId, tx) {
    // News stays (it belongs to the space) without its author; memberships and follows go.
    await tx.query('update space_news set author_id = null where author_id = $1', [userId]);
    await tx.query('delete from space_members where user_id = $1', [userId]);
    await tx.query('delete from space_followers where user_id = $1', [userId]);
  },
});
