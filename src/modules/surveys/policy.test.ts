// Role × action matrix for surveys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, GrantedRole } from '../../core/auth/actor.ts';
import { surveyPolicy, type SurveySubject } from './policy.ts';

function user(id: string, opts: { roles?: GrantedRole[]; departmentIds?: number[]; organizationIds?: number[] } = {}): Actor {
  return { kind: 'user', id, email: `${id}@x.ro`, displayName: id, locale: 'ro', emailVerified: true, roles: opts.roles ?? [], departmentIds: opts.departmentIds ?? [], organizationIds: opts.organizationIds ?? [] };
}

const actors: Record<string, Actor> = {
  anonymous: { kind: 'anonymous' },
  citizen: user('citizen'),
  org_rep: user('org', { organizationIds: [7] }),
  official: user('official', { departmentIds: [1] }),
  moderator: user('mod', { roles: ['moderator'] }),
  admin: user('admin', { roles: ['admin'] }),
};

const open: SurveySubject = { status: 'open', mode: 'signed_in', resultsPublic: false, spacePublished: null };
const inPublishedSpace: SurveySubject = { ...open, mode: 'open', resultsPublic: true, spacePublished: true };
// Open to all with public results, yet hidden in every action while its space is a draft.
const inDraftSpace: SurveySubject = { ...inPublishedSpace, spacePublished: false };
const openToAll: SurveySubject = { ...open, mode: 'open' };
const anonSignedIn: SurveySubject = { ...open, mode: 'anonymous_signed_in' };
const draft: SurveySubject = { ...open, status: 'draft', resultsPublic: true };
const closedPublic: SurveySubject = { ...open, status: 'closed', resultsPublic: true };

// Columns: anonymous, citizen, org_rep, official, moderator, admin
const matrix: [string, SurveySubject, string][] = [
  ['survey.view', open, '111111'],
  ['survey.view', draft, '000001'],
  ['survey.view', inPublishedSpace, '111111'],
  ['survey.view', inDraftSpace, '000001'],
  ['survey.respond', inPublishedSpace, '111111'],
  ['survey.respond', inDraftSpace, '000001'],
  ['survey.viewResults', inPublishedSpace, '111111'],
  ['survey.viewResults', inDraftSpace, '000001'],
  ['survey.respond', open, '011111'],
  ['survey.respond', anonSignedIn, '011111'],
  ['survey.respond', openToAll, '111111'],
  ['survey.respond', draft, '000000'],
  ['survey.respond', closedPublic, '000000'],
  ['survey.viewResults', open, '000001'],
  ['survey.viewResults', closedPublic, '111111'],
  ['survey.viewResults', draft, '000001'],
  ['survey.viewTextAnswers', closedPublic, '000001'],
  ['survey.export', closedPublic, '000001'],
  ['survey.manage', open, '000001'],
];

test('survey permissions follow the role × action matrix', () => {
  const names = Object.keys(actors);
  for (const [action, subject, expected] of matrix) {
    const got = names.map((n) => (surveyPolicy.can(actors[n]!, action as never, subject) ? '1' : '0')).join('');
    assert.equal(got, expected, `${action} on ${JSON.stringify(subject)}: ${names.join(',')}`);
  }
});

test('every action of the survey policy appears in the matrix', () => {
  const covered = new Set(matrix.map(([a]) => a));
  assert.deepEqual(surveyPolicy.actions.filter((a) => !covered.has(a)), []);
});
