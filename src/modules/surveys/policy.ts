// Who may do what with a survey. Admins build and run surveys; drafts, and surveys of a space that
// is not published, are theirs alone. Individual
// free-text answers and the CSV (one line per respondent) are admin-only even when the aggregated
// results are public, because people write personal things into text boxes.
import { definePolicy } from '../../core/auth/policy.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { spaceContentVisible } from '../spaces/hosted.ts';

export interface SurveySubject {
  status: 'draft' | 'open' | 'closed';
  mode: 'signed_in' | 'anonymous_signed_in' | 'open';
  resultsPublic: boolean;
  /** Whether the survey's space is published; null for a survey of no space. */
  spacePublished: boolean | null;
}

const isAdmin = (a: Actor) => hasRole(a, 'admin');
const visible = (a: Actor, s: SurveySubject | undefined) => !!s && spaceContentVisible(a, s.spacePublished) && (s.status !== 'draft' || isAdmin(a));

export const surveyPolicy = definePolicy<'survey.view' | 'survey.respond' | 'survey.viewResults' | 'survey.viewTextAnswers' | 'survey.export' | 'survey.manage', SurveySubject>({
  'survey.view': visible,
  // Signed-in modes need an account; `open` takes anyone. The route sends anonymous visitors to log in.
  'survey.respond': (a, s) => visible(a, s) && s!.status === 'open' && (s!.mode === 'open' || a.kind === 'user'),
  'survey.viewResults': (a, s) => visible(a, s) && (isAdmin(a) || s!.resultsPublic),
  'survey.viewTextAnswers': (a) => isAdmin(a),
  'survey.export': (a) => isAdmin(a),
  'survey.manage': (a) => isAdmin(a),
});
