// Who may do what in participatory budgeting. The edition's phase is part of the subject: a
// permission that only makes sense in one phase (proposing, reviewing, voting) is denied outside it.
// Whether a signed-in person may vote (verified e-mail, age, residents' list) is the cast command's
// outcome, with a reason the ballot page explains.
import { definePolicy } from '../../core/auth/policy.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import type { Phase } from './model.ts';

export interface BudgetSubject {
  phase: Phase;
  /** Results of the budget have been computed and published. */
  hasResults?: boolean;
  /** Who proposed the project, for project-level actions. */
  authorId?: string | null;
}

export type BudgetAction = 'pb.view' | 'pb.propose' | 'pb.comment' | 'pb.addPhoto' | 'pb.review' | 'pb.vote' | 'pb.enterPaper' | 'pb.track' | 'pb.manage' | 'pb.export';

const isAdmin = (a: Actor) => hasRole(a, 'admin');
/** Who manages budgets; they alone see an edition while it is a draft. */
const managesBudgets = isAdmin;
const isDraft = (s: BudgetSubject | undefined) => !s || s.phase === 'draft';
const isStaff = (a: Actor) => isAdmin(a) || hasRole(a, 'official');
const inPhase = (s: BudgetSubject | undefined, ...phases: Phase[]) => !!s && phases.includes(s.phase);

export const budgetPolicy = definePolicy<BudgetAction, BudgetSubject>({
  // A draft is the admins' preparation: to anyone else it does not exist (routes answer 404).
  'pb.view': (a, s) => !isDraft(s) || managesBudgets(a),
  'pb.propose': (a, s) => a.kind === 'user' && inPhase(s, 'submission'),
  'pb.comment': (a) => a.kind === 'user',
  // The author illustrates their idea; officials add pictures of the works.
  'pb.addPhoto': (a, s) => isStaff(a) || (a.kind === 'user' && !!s?.authorId && s.authorId === a.id),
  // Feasibility review ends when voting starts: the ballot must not change under the voters.
  'pb.review': (a, s) => isStaff(a) && inPhase(s, 'submission', 'review'),
  'pb.vote': (a, s) => a.kind === 'user' && inPhase(s, 'voting'),
  'pb.enterPaper': (a, s) => isStaff(a) && inPhase(s, 'voting'),
  'pb.track': (a, s) => isStaff(a) && inPhase(s, 'results', 'implementation'),
  'pb.manage': managesBudgets,
  // Ballots become open data with the results; before that only an admin may export them.
  'pb.export': (a, s) => managesBudgets(a) || (!!s?.hasResults && !isDraft(s)),
});
