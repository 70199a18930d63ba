// Role × action matrix for comments and debates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, GrantedRole } from '../../core/auth/actor.ts';
import { commentPolicy, type CommentSubject } from './policy.ts';

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

const open: CommentSubject = { open: true, authorId: 'author', hidden: false, editable: true };
const closed: CommentSubject = { ...open, open: false };
const late: CommentSubject = { ...open, editable: false };
const hidden: CommentSubject = { ...open, hidden: true };

// Columns: anonymous, citizen, author, org_rep, official, moderator, admin
const matrix: [string, CommentSubject, string][] = [
  ['comment.create', open, '0111111'],
  ['comment.create', closed, '0000000'],
  ['comment.edit', open, '0010000'],
  ['comment.edit', late, '0000000'],
  ['comment.edit', hidden, '0000000'],
  ['comment.vote', open, '0101111'],
  ['comment.vote', closed, '0000000'],
  ['comment.vote', hidden, '0000000'],
  ['comment.flag', open, '0101111'],
  ['comment.flag', closed, '0101111'],
  ['comment.moderate', open, '0000011'],
  ['debate.create', open, '0000101'],
];

test('comment permissions follow the role × action matrix', () => {
  const names = Object.keys(actors);
  for (const [action, subject, expected] of matrix) {
    const got = names.map((n) => (commentPolicy.can(actors[n]!, action as never, subject) ? '1' : '0')).join('');
    assert.equal(got, expected, `${action} on ${JSON.stringify(subject)}: ${names.join(',')}`);
  }
});

test('every action of the policy appears in the matrix', () => {
  const covered = new Set(matrix.map(([a]) => a));
  assert.deepEqual(commentPolicy.actions.filter((a) => !covered.has(a)), []);
});
