// Who may do what in a comment thread. Whether the thread is open now comes from its owner (a
// proposal's phase, a debate being closed); moderators hide and restore.
import { definePolicy } from '../../core/auth/policy.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';

export interface CommentSubject {
  /** The thread accepts new comments and votes now. */
  open: boolean;
  /** Null for the thread itself, before any comment. */
  authorId: string | null;
  hidden: boolean;
  /** Still inside the edit window. */
  editable: boolean;
}

export const EDIT_WINDOW_MINUTES = 15;

const isModerator = (a: Actor) => hasRole(a, 'moderator') || hasRole(a, 'admin');
const isAuthor = (a: Actor, s: CommentSubject | undefined) => a.kind === 'user' && !!s && s.authorId === a.id;

export const commentPolicy = definePolicy<'comment.create' | 'comment.edit' | 'comment.vote' | 'comment.flag' | 'comment.moderate' | 'debate.create', CommentSubject>({
  'comment.create': (a, s) => a.kind === 'user' && !!s && s.open,
  'comment.edit': (a, s) => isAuthor(a, s) && s!.open && s!.editable && !s!.hidden,
  // Nobody votes on their own comment.
  'comment.vote': (a, s) => a.kind === 'user' && !!s && s.open && !s.hidden && !isAuthor(a, s),
  'comment.flag': (a, s) => a.kind === 'user' && !!s && !s.hidden && !isAuthor(a, s),
  'comment.moderate': (a) => isModerator(a),
  'debate.create': (a) => hasRole(a, 'admin') || hasRole(a, 'official'),
});
