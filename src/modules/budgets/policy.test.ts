// Role × action matrix for participatory budgeting, in every phase where it matters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, GrantedRole } from '../../core/auth/actor.ts';
import { budgetPolicy, type BudgetSubject } from './policy.ts';

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

const at = (phase: BudgetSubject['phase'], hasResults = false): BudgetSubject => ({ phase, hasResults });
const byCitizen: BudgetSubject = { phase: 'submission', authorId: 'citizen' };

// Columns: anonymous, citizen, org_rep, official, moderator, admin
const matrix: [string, BudgetSubject, string][] = [
  ['pb.view', at('draft'), '000001'],
  ['pb.view', at('draft', true), '000001'],
  ['pb.view', at('submission'), '111111'],
  ['pb.view', at('review'), '111111'],
  ['pb.view', at('voting'), '111111'],
  ['pb.view', at('results', true), '111111'],
  ['pb.view', at('implementation', true), '111111'],
  ['pb.propose', at('submission'), '011111'],
  ['pb.propose', at('review'), '000000'],
  ['pb.propose', at('voting'), '000000'],
  ['pb.comment', at('voting'), '011111'],
  ['pb.addPhoto', byCitizen, '010101'],
  ['pb.addPhoto', { phase: 'submission', authorId: null }, '000101'],
  ['pb.review', at('submission'), '000101'],
  ['pb.review', at('review'), '000101'],
  ['pb.review', at('voting'), '000000'],
  ['pb.vote', at('voting'), '011111'],
  ['pb.vote', at('review'), '000000'],
  ['pb.vote', at('results'), '000000'],
  ['pb.enterPaper', at('voting'), '000101'],
  ['pb.enterPaper', at('results'), '000000'],
  ['pb.track', at('results'), '000101'],
  ['pb.track', at('implementation'), '000101'],
  ['pb.track', at('voting'), '000000'],
  ['pb.manage', at('draft'), '000001'],
  ['pb.export', at('voting'), '000001'],
  ['pb.export', at('results', true), '111111'],
  // Moved back to draft after voting: its results are not open data while it is hidden.
  ['pb.export', at('draft', true), '000001'],
];

test('participatory-budgeting permissions follow the role × action matrix', () => {
  const names = Object.keys(actors);
  for (const [action, subject, expected] of matrix) {
    const got = names.map((n) => (budgetPolicy.can(actors[n]!, action as never, subject) ? '1' : '0')).join('');
    assert.equal(got, expected, `${action} in ${JSON.stringify(subject)}: ${names.join(',')}`);
  }
});

test('every action of the policy appears in the matrix', () => {
  const covered = new Set(matrix.map(([a]) => a));
  assert.deepEqual(budgetPolicy.actions.filter((a) => !covered.has(a)), []);
});

test('without a subject, viewing is denied to all but admins (a missing edition is never public)', () => {
  assert.equal(budgetPolicy.can(actors.citizen!, 'pb.view'), false);
  assert.equal(budgetPolicy.can(actors.admin!, 'pb.view'), true);
});

test('an unknown action is denied even to an admin', () => {
  assert.equal(budgetPolicy.can(actors.admin!, 'pb.nonsense' as never, at('voting')), false);
});
