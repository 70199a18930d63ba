// News of a space, posted by its admins, coordinators or secretaries; the space's followers are told.
import type { AppContext } from '../../../core/context.ts';
import type { UserActor } from '../../../core/auth/actor.ts';
import { notify } from '../../notifications/notify.ts';

export async function postNews(ctx: AppContext, actor: UserActor, space: { id: number; slug: string; title: string }, input: { title: string; body: string }): Promise<{ kind: 'posted'; id: number }> {
  return ctx.database.transaction(async (tx) => {
    const [n] = await tx.query<{ id: number }>('insert into space_news (space_id, title, body, author_id) values ($1, $2, $3, $4) returning id', [
      space.id,
      input.title.trim(),
      input.body.trim(),
      actor.id,
    ]);
    const followers = await tx.query<{ user_id: string }>('select user_id from space_followers where space_id = $1', [space.id]);
    await notify(
      ctx,
      tx,
      followers.map((f) => f.user_id),
      { kind: 'space_news', subjectType: 'space', subjectId: space.id, url: `/spaces/${space.slug}/news`, params: { space: space.title, title: input.title.trim() }, actorId: actor.id },
    );
    await ctx.events.publish({ type: 'space.news', public: true, payload: { spaceId: space.id, slug: space.slug, space: space.title, title: input.title.trim() } }, tx);
    return { kind: 'posted', id: n!.id } as const;
  });
}

export async function deleteNews(ctx: AppContext, spaceId: number, newsId: number): Promise<{ kind: 'done' } | { kind: 'not_found' }> {
  const rows = await ctx.database.query('delete from space_news where space_id = $1 and id = $2 returning 1', [spaceId, newsId]);
  return rows.length ? { kind: 'done' } : { kind: 'not_found' };
}
