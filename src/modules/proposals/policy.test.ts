// Role × action matrix for proposals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, GrantedRole } from '../../core/auth/actor.ts';
import { proposalPolicy, type ProposalSubject } from './policy.ts';

function user(id: string, opts: { roles?: GrantedRole[]; departmentIds?: number[]; organizationIds?: number[] } = {}): Actor {
  return { kind: 'user', id, email: `${id}@x.ro`, displayName: id, locale: 'ro', emailVerified: true, roles: opts.roles ?? [], departmentIds: opts.departmentIds ?? [], organizationIds: opts.organizationIds ?? [] };
}

const actors: Record<string, Actor> = {
  anonymous: { kind: 'anonymous' },
  citizen: user('citizen'),
  author: user('author'),
  org_rep: user('org', { organizationIds: [7] }),
  official: user('official', { departmentIds: [1] }),
  moderator: user('mod', { roles: ['moderator'] }),
  admin: user('admin', { roles: ['admin'] }),
};

const open: ProposalSubject = { public: true, proposalsOpen: true, supportsOpen: true, authorId: 'author', state: 'open', hidden: false, supports: 0 };
const closed: ProposalSubject = { ...open, proposalsOpen: false, supportsOpen: false };
const hidden: ProposalSubject = { ...open, hidden: true };
const draftSpace: ProposalSubject = { ...open, public: false };
const accepted: ProposalSubject = { ...open, state: 'accepted' };
const withdrawn: ProposalSubject = { ...open, state: 'withdrawn' };
const supported: ProposalSubject = { ...open, supports: 1 };
const answered: ProposalSubject = { ...open, state: 'evaluating' };

// Columns: anonymous, citizen, author, org_rep, official, moderator, admin
const matrix: [string, ProposalSubject, string][] = [
  ['proposal.view', open, '1111111'],
  ['proposal.view', hidden, '0010011'],
  ['proposal.view', draftSpace, '0000001'],
  ['proposal.create', open, '0111111'],
  ['proposal.create', closed, '0000000'],
  ['proposal.create', draftSpace, '0000000'],
  ['proposal.edit', open, '0010000'],
  ['proposal.edit', supported, '0000000'],
  ['proposal.edit', closed, '0000000'],
  ['proposal.edit', hidden, '0000000'],
  ['proposal.edit', answered, '0000000'],
  ['proposal.edit', withdrawn, '0000000'],
  ['proposal.edit', draftSpace, '0000000'],
  ['proposal.support', open, '0111111'],
  ['proposal.support', closed, '0000000'],
  ['proposal.support', hidden, '0000000'],
  ['proposal.support', accepted, '0000000'],
  ['proposal.withdraw', open, '0010000'],
  ['proposal.withdraw', accepted, '0000000'],
  ['proposal.answer', open, '0000101'],
  ['proposal.answer', withdrawn, '0000000'],
  ['proposal.moderate', open, '0000011'],
  ['proposal.viewOriginal', open, '0010111'],
];

test('proposal permissions follow the role × action matrix', () => {
  const names = Object.keys(actors);
  for (const [action, subject, expected] of matrix) {
    const got = names.map((n) => (proposalPolicy.can(actors[n]!, action as never, subject) ? '1' : '0')).join('');
    assert.equal(got, expected, `${action} on ${JSON.stringify(subject)}: ${names.join(',')}`);
  }
});

test('every action of the policy appears in the matrix', () => {
  const covered = new Set(matrix.map(([a]) => a));
  assert.deepEqual(proposalPolicy.actions.filter((a) => !covered.has(a)), []);
});
