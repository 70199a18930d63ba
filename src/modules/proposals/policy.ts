// Who may do what with proposals. What the space's current phase opens (proposals, supports) is part
// of the subject, so the same rules serve the pages, the forms and the API.
import { definePolicy } from '../../core/auth/policy.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { SUPPORTABLE, type ProposalState } from './model.ts';

export interface ProposalSubject {
  /** The component and its space are published. */
  public: boolean;
  proposalsOpen: boolean;
  supportsOpen: boolean;
  authorId: string | null;
  state: ProposalState | null;
  hidden: boolean;
  /** Supports gathered so far: once someone supported the text, its author can no longer change it. */
  supports: number;
}

const isAdmin = (a: Actor) => hasRole(a, 'admin');
const isStaff = (a: Actor) => isAdmin(a) || hasRole(a, 'official');
const isModerator = (a: Actor) => hasRole(a, 'moderator') || isAdmin(a);
const isAuthor = (a: Actor, s: ProposalSubject | undefined) => a.kind === 'user' && !!s && s.authorId === a.id;
const canSee = (a: Actor, s: ProposalSubject | undefined) => !!s && (s.public || isAdmin(a)) && (!s.hidden || isModerator(a) || isAuthor(a, s));

export const proposalPolicy = definePolicy<
  'proposal.view' | 'proposal.create' | 'proposal.edit' | 'proposal.support' | 'proposal.withdraw' | 'proposal.answer' | 'proposal.moderate' | 'proposal.viewOriginal',
  ProposalSubject
>({
  'proposal.view': canSee,
  'proposal.create': (a, s) => a.kind === 'user' && !!s && s.public && s.proposalsOpen,
  // As in Decidim: the author may change the text (and its attachments) while the phase takes
  // proposals and nobody has supported it yet; an answer, hiding or withdrawal ends that.
  'proposal.edit': (a, s) => isAuthor(a, s) && s!.public && s!.proposalsOpen && !s!.hidden && s!.state === 'open' && s!.supports === 0,
  'proposal.support': (a, s) => a.kind === 'user' && canSee(a, s) && !s!.hidden && s!.supportsOpen && s!.state !== null && SUPPORTABLE.includes(s!.state),
  'proposal.withdraw': (a, s) => isAuthor(a, s) && s!.state !== null && SUPPORTABLE.includes(s!.state),
  'proposal.answer': (a, s) => canSee(a, s) && isStaff(a) && s!.state !== 'withdrawn',
  'proposal.moderate': (a, s) => !!s && isModerator(a),
  // Personal data in the text is masked for the public; the author and staff see what was written.
  'proposal.viewOriginal': (a, s) => canSee(a, s) && (isAuthor(a, s) || isStaff(a) || isModerator(a)),
});
