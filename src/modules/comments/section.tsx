// The comment thread and follow button other modules put on their pages.
import type { AppContext } from '../../core/context.ts';
import type { PageContext } from '../../core/ui/page-context.ts';
import { FollowForm } from '../notifications/pages/pages.tsx';
import { isFollowing } from '../notifications/notify.ts';
import { thread } from './queries.ts';
import { CommentThread } from './pages/thread.tsx';

/** `knownCount`: a subject that keeps a comment counter can pass it, and an empty thread costs no query. */
export async function commentSection(ctx: AppContext, page: PageContext, subjectType: string, subjectId: number, open: boolean, knownCount?: number) {
  const readerId = page.actor.kind === 'user' ? page.actor.id : undefined;
  const [comments, following] = await Promise.all([
    knownCount === 0 ? [] : thread(ctx.database, subjectType, subjectId, readerId),
    isFollowing(ctx.database, readerId, subjectType, subjectId),
  ]);
  // The follow button posts to the notifications module, which may be switched off.
  const canFollow = ctx.modules.some((m) => m.name === 'notifications');
  return {
    follow: canFollow ? <FollowForm page={page} type={subjectType} id={subjectId} following={following} /> : null,
    comments: <CommentThread page={page} subjectType={subjectType} subjectId={subjectId} open={open} comments={comments} />,
  };
}
