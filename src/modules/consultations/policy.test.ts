// Role × action matrix for stakeholder consultations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, GrantedRole } from '../../core/auth/actor.ts';
import { consultationPolicy, type ConsultationSubject } from './policy.ts';

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

const open: ConsultationSubject = { status: 'open', spacePublished: null };
const closed: ConsultationSubject = { status: 'closed', spacePublished: null };
const draft: ConsultationSubject = { status: 'draft', spacePublished: null };
const inPublishedSpace: ConsultationSubject = { status: 'open', spacePublished: true };
// Open, yet hidden in every public action while its space is a draft.
const inDraftSpace: ConsultationSubject = { status: 'open', spacePublished: false };

// Columns: anonymous, citizen, org_rep, official, moderator, admin
const matrix: [string, ConsultationSubject, string][] = [
  ['consultation.view', open, '111111'],
  ['consultation.view', closed, '111111'],
  ['consultation.view', draft, '000001'],
  ['consultation.view', inPublishedSpace, '111111'],
  ['consultation.view', inDraftSpace, '000001'],
  ['consultation.viewDashboard', inPublishedSpace, '111111'],
  ['consultation.viewDashboard', inDraftSpace, '000001'],
  ['consultation.expressInterest', inPublishedSpace, '011111'],
  ['consultation.expressInterest', inDraftSpace, '000001'],
  ['consultation.comment', inDraftSpace, '000001'],
  ['consultation.proposeAction', inDraftSpace, '000001'],
  ['consultation.expressInterest', open, '011111'],
  ['consultation.expressInterest', closed, '000000'],
  ['consultation.comment', open, '011111'],
  ['consultation.comment', closed, '000000'],
  ['consultation.proposeAction', open, '011111'],
  ['consultation.proposeAction', draft, '000000'],
  ['consultation.viewDashboard', closed, '111111'],
  ['consultation.viewDashboard', draft, '000001'],
  ['consultation.promote', open, '000001'],
  ['consultation.export', closed, '000001'],
  ['consultation.editStrategy', open, '000001'],
  ['consultation.editStrategy', closed, '000001'],
  ['consultation.editStrategy', draft, '000001'],
];

test('consultation permissions follow the role × action matrix', () => {
  const names = Object.keys(actors);
  for (const [action, subject, expected] of matrix) {
    const got = names.map((n) => (consultationPolicy.can(actors[n]!, action as never, subject) ? '1' : '0')).join('');
    assert.equal(got, expected, `${action} on ${JSON.stringify(subject)}: ${names.join(',')}`);
  }
});

test('every action of the consultation policy appears in the matrix', () => {
  const covered = new Set(matrix.map(([a]) => a));
  assert.deepEqual(consultationPolicy.actions.filter((a) => !covered.has(a)), []);
});
