// Public pages of spaces: the list, a space's page, its news; follow, join, post news.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { formErrors, str } from '../../../core/http/form-errors.ts';
import { spacePolicy } from '../policy.ts';
import { SPACE_KINDS, type SpaceKind } from '../model.ts';
import { followerCount, isFollower, listSpaces, spaceComponents, spaceMembers, spaceNews, spacePhases } from '../queries.ts';
import { componentHref } from '../hosted.ts';
import { setFollowing, setMembership } from '../commands/people.ts';
import { deleteNews, postNews } from '../commands/news.ts';
import { SpaceListPage } from '../pages/space-list.tsx';
import { SpacePage, type ComponentLink } from '../pages/space-page.tsx';
import { NewsPage } from '../pages/news-page.tsx';
import { slugParams, spaceFor } from './load.ts';
import { ForbiddenPage } from '../../../core/admin/guard.tsx';

const newsBody = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'body'],
  properties: { title: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' }, body: { type: 'string', minLength: 1, maxLength: 20000, pattern: '\\S' } },
} as const;

export function registerSpacePublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { kind?: string } }>(
    '/spaces',
    { schema: { hide: true, querystring: { type: 'object', properties: { kind: { type: 'string', enum: ['', ...SPACE_KINDS] } } } } },
    async (req, reply) => {
      const kind = (req.query.kind || undefined) as SpaceKind | undefined;
      const spaces = await listSpaces(ctx.database, { kind });
      return reply.page(req.t('spaces.list.title'), <SpaceListPage page={await req.pageContext()} spaces={spaces} kind={kind} />);
    },
  );

  app.get<{ Params: { slug: string } }>('/spaces/:slug', { schema: { hide: true, params: slugParams } }, async (req, reply) => {
    const found = await spaceFor(ctx, req, req.params.slug);
    if (!found || !spacePolicy.can(req.actor, 'space.view', found.subject)) return reply.callNotFound();
    const { space, subject } = found;
    const userId = req.actor.kind === 'user' ? req.actor.id : undefined;
    const [phases, components, members, news, followers, following] = await Promise.all([
      spacePhases(ctx.database, space.id),
      spaceComponents(ctx.database, space.id, { publishedOnly: true }),
      spaceMembers(ctx.database, space.id),
      spaceNews(ctx.database, space.id, 3),
      followerCount(ctx.database, space.id),
      isFollower(ctx.database, space.id, userId),
    ]);
    const links: ComponentLink[] = components.flatMap((c) => {
      const href = componentHref(ctx.modules, space, c);
      const title = c.title || req.t(ctx.modules.find((m) => m.name === c.module)?.spaceComponent?.title ?? c.module);
      return href ? [{ id: c.id, title, href }] : [];
    });
    return reply.page(
      space.title,
      <SpacePage
        page={await req.pageContext()}
        space={space}
        phases={phases}
        components={links}
        members={members}
        news={news}
        followers={followers}
        following={following}
        memberRole={subject.memberRole}
        can={{
          follow: spacePolicy.can(req.actor, 'space.follow', subject),
          join: spacePolicy.can(req.actor, 'space.join', subject),
          postNews: spacePolicy.can(req.actor, 'space.postNews', subject),
          manage: spacePolicy.can(req.actor, 'space.manage', subject),
        }}
      />,
    );
  });

  for (const [action, field] of [
    ['follow', 'follow'],
    ['join', 'join'],
  ] as const) {
    app.post<{ Params: { slug: string }; Body: Record<string, 'on' | 'off'> }>(
      `/spaces/:slug/${action}`,
      { schema: { hide: true, params: slugParams, body: { type: 'object', additionalProperties: false, required: [field], properties: { [field]: { type: 'string', enum: ['on', 'off'] } } } } },
      async (req, reply) => {
        if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/spaces/${req.params.slug}`)}`, 303);
        const found = await spaceFor(ctx, req, req.params.slug);
        if (!found || !spacePolicy.can(req.actor, 'space.view', found.subject)) return reply.callNotFound();
        if (!spacePolicy.can(req.actor, action === 'follow' ? 'space.follow' : 'space.join', found.subject)) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
        const on = req.body[field] === 'on';
        if (action === 'follow') await setFollowing(ctx, req.actor, found.space.id, on);
        else await setMembership(ctx, req.actor, found.space.id, on);
        const notice = action === 'follow' ? (on ? 'spaces.notice.followed' : 'spaces.notice.unfollowed') : on ? 'spaces.notice.joined' : 'spaces.notice.left';
        return reply.redirectWithNotice(`/spaces/${found.space.slug}`, notice);
      },
    );
  }

  const PAGE = 20;
  app.get<{ Params: { slug: string } }>('/spaces/:slug/news', { schema: { hide: true, params: slugParams } }, async (req, reply) => {
    const found = await spaceFor(ctx, req, req.params.slug);
    if (!found || !spacePolicy.can(req.actor, 'space.view', found.subject)) return reply.callNotFound();
    const news = await spaceNews(ctx.database, found.space.id, PAGE * 5);
    return reply.page(
      req.t('spaces.news.title', { space: found.space.title }),
      <NewsPage page={await req.pageContext()} space={found.space} news={news} canPost={spacePolicy.can(req.actor, 'space.postNews', found.subject)} />,
    );
  });

  app.post<{ Params: { slug: string } }>('/spaces/:slug/news', { schema: { hide: true, params: slugParams, body: newsBody }, attachValidation: true }, async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/spaces/${req.params.slug}/news`)}`, 303);
    const found = await spaceFor(ctx, req, req.params.slug);
    if (!found || !spacePolicy.can(req.actor, 'space.view', found.subject)) return reply.callNotFound();
    if (!spacePolicy.can(req.actor, 'space.postNews', found.subject)) return reply.page(req.t('admin.forbidden.title'), <ForbiddenPage t={req.t} />, { status: 403 });
    const errors = formErrors(req, { title: 'spaces.err.title', body: 'spaces.err.body' });
    if (errors.length) {
      const news = await spaceNews(ctx.database, found.space.id, PAGE * 5);
      const values = { title: str(req.body, 'title'), body: str(req.body, 'body') };
      return reply.page(req.t('spaces.news.title', { space: found.space.title }), <NewsPage page={await req.pageContext()} space={found.space} news={news} canPost errors={errors} values={values} />, { status: 400 });
    }
    const b = req.body as { title: string; body: string };
    await postNews(ctx, req.actor, found.space, b);
    return reply.redirectWithNotice(`/spaces/${found.space.slug}/news`, 'spaces.news.posted');
  });

  app.post<{ Params: { slug: string; id: number } }>(
    '/spaces/:slug/news/:id/delete',
    { schema: { hide: true, params: { type: 'object', required: ['slug', 'id'], properties: { ...slugParams.properties, id: { type: 'integer', minimum: 1, maximum: 2147483647 } } } } },
    async (req, reply) => {
      if (req.actor.kind !== 'user') return reply.redirect(`/login?next=${encodeURIComponent(`/spaces/${req.params.slug}/news`)}`, 303);
      const found = await spaceFor(ctx, req, req.params.slug);
      if (!found || !spacePolicy.can(req.actor, 'space.postNews', found.subject)) return reply.callNotFound();
      const outcome = await deleteNews(ctx, found.space.id, req.params.id);
      if (outcome.kind === 'not_found') return reply.callNotFound();
      return reply.redirectWithNotice(`/spaces/${found.space.slug}/news`, 'spaces.news.deleted');
    },
  );
}
