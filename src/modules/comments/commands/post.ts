// Posting and editing comments. A reply stays within three levels (a reply to a deepest comment
// joins its parent's level). Spam checks run under an advisory lock per author, so a burst of
// parallel posts is counted like a sequence.
import type { AppContext } from '../../../core/context.ts';
import type { UserActor } from '../../../core/auth/actor.ts';
import { maskPersonalData } from '../../../core/text/mask-personal-data.ts';
import { followersOf, notify, setFollow } from '../../notifications/notify.ts';
import { commentable } from '../commentables.ts';
import { bodyHash, spamRules, spamVerdict, type SpamVerdict } from '../spam.ts';
import { EDIT_WINDOW_MINUTES } from '../policy.ts';

export type Stance = 'for' | 'against' | 'neutral';

export interface CommentInput {
  subjectType: string;
  subjectId: number;
  parentId: number | null;
  body: string;
  stance: Stance | null;
}

export type PostOutcome =
  | { kind: 'posted'; id: number; url: string }
  | { kind: 'not_found' }
  | { kind: 'closed' }
  | { kind: 'invalid' }
  | { kind: 'spam'; reason: Exclude<SpamVerdict, 'ok'> };

export const MAX_DEPTH = 2;

export async function postComment(ctx: AppContext, actor: UserActor, input: CommentInput): Promise<PostOutcome> {
  const owner = commentable(input.subjectType);
  const info = owner && (await owner.load(ctx, input.subjectId, actor));
  if (!owner || !info) return { kind: 'not_found' };
  if (!info.open) return { kind: 'closed' };
  const body = input.body.trim();
  if (!body || body.length > 3000) return { kind: 'invalid' };
  const rules = await spamRules(ctx);
  const hash = bodyHash(body);
  return ctx.database.transaction(async (tx): Promise<PostOutcome> => {
    await tx.query(`select pg_advisory_xact_lock(hashtext('comments:' || $1::text))`, [actor.id]);
    let parent: { id: number; depth: number; parent_id: number | null; author_id: string | null } | undefined;
    if (input.parentId !== null) {
      [parent] = await tx.query<{ id: number; depth: number; parent_id: number | null; author_id: string | null }>(
        `select id::int as id, depth, parent_id::int as parent_id, author_id from comments where id = $1 and subject_type = $2 and subject_id = $3`,
        [input.parentId, input.subjectType, input.subjectId],
      );
      if (!parent) return { kind: 'not_found' };
    }
    const verdict = await spamVerdict(tx, rules, actor.id, body, hash);
    if (verdict !== 'ok') return { kind: 'spam', reason: verdict };
    const parentId = parent ? (parent.depth >= MAX_DEPTH ? parent.parent_id : parent.id) : null;
    const depth = parent ? Math.min(parent.depth + 1, MAX_DEPTH) : 0;
    const [c] = await tx.query<{ id: number }>(
      `insert into comments (subject_type, subject_id, parent_id, depth, author_id, body, body_public, body_hash, stance)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id::int as id`,
      [input.subjectType, input.subjectId, parentId, depth, actor.id, body, maskPersonalData(body).text, hash, depth === 0 ? input.stance : null],
    );
    await owner.countChanged?.(tx, input.subjectId, 1);
    const url = `${info.url}#comment-${c!.id}`;
    const params = { author: actor.displayName, title: info.title };
    const replyTo = parent?.author_id && parent.author_id !== actor.id ? parent.author_id : null;
    // Followers hear about the comment; the person replied to gets a "reply" notification instead.
    const followers = (await followersOf(tx, input.subjectType, input.subjectId)).filter((id) => id !== replyTo);
    const n = { subjectType: input.subjectType, subjectId: input.subjectId, url, params, actorId: actor.id };
    await notify(ctx, tx, followers, { kind: 'comment', ...n });
    if (replyTo) await notify(ctx, tx, [replyTo], { kind: 'reply', ...n });
    // Commenting follows the thread, so answers reach the commenter.
    await setFollow(tx, actor.id, input.subjectType, input.subjectId, true);
    return { kind: 'posted', id: c!.id, url };
  });
}

export type EditOutcome = { kind: 'edited' } | { kind: 'not_found' } | { kind: 'forbidden' } | { kind: 'invalid' };

export async function editComment(ctx: AppContext, actor: UserActor, id: number, body: string): Promise<EditOutcome> {
  const text = body.trim();
  if (!text || text.length > 3000) return { kind: 'invalid' };
  const rows = await ctx.database.query<{ id: number }>(
    `update comments set body = $3, body_public = $4, body_hash = $5, edited_at = now()
     where id = $1 and author_id = $2 and hidden_at is null and created_at > now() - make_interval(mins => $6) returning id::int as id`,
    [id, actor.id, text, maskPersonalData(text).text, bodyHash(text), EDIT_WINDOW_MINUTES],
  );
  if (rows.length) return { kind: 'edited' };
  const [exists] = await ctx.database.query('select 1 from comments where id = $1', [id]);
  return exists ? { kind: 'forbidden' } : { kind: 'not_found' };
}
