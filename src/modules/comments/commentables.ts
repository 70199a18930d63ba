// What can carry a comment thread, registered by the module that owns it: it says whether the
// thing exists for this person, whether new comments are open now, and keeps its own counter.
import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { TxQuery } from '../../core/db/database.ts';

export interface CommentableInfo {
  title: string;
  /** The page the thread is shown on. */
  url: string;
  /** New comments, replies, votes and edits are accepted now (e.g. the phase opens comments). */
  open: boolean;
}

export interface Commentable {
  /** The thing as `actor` may see it, or null when it does not exist for them. */
  load(ctx: AppContext, id: number, actor: Actor): Promise<CommentableInfo | null>;
  /** Keeps the owner's comment counter in the comment's transaction. */
  countChanged?(tx: TxQuery, id: number, delta: number): Promise<void>;
}

const registry = new Map<string, Commentable>();

export function registerCommentable(type: string, c: Commentable): void {
  registry.set(type, c);
}

export function commentable(type: string): Commentable | undefined {
  return registry.get(type);
}
