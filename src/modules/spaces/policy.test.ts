// Role × action matrix for spaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, GrantedRole } from '../../core/auth/actor.ts';
import { spacePolicy, type SpaceSubject } from './policy.ts';

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

const process: SpaceSubject = { kind: 'process', published: true, memberRole: null };
const draft: SpaceSubject = { ...process, published: false };
const hood: SpaceSubject = { kind: 'neighbourhood', published: true, memberRole: null };
const assemblyAsCoordinator: SpaceSubject = { kind: 'assembly', published: true, memberRole: 'coordinator' };
const assemblyAsMember: SpaceSubject = { kind: 'assembly', published: true, memberRole: 'member' };

// Columns: anonymous, citizen, org_rep, official, moderator, admin
const matrix: [string, SpaceSubject, string][] = [
  ['space.view', process, '111111'],
  ['space.view', draft, '000001'],
  ['space.follow', process, '011111'],
  ['space.follow', draft, '000000'],
  ['space.join', process, '000000'],
  ['space.join', hood, '011111'],
  ['space.postNews', process, '000001'],
  ['space.postNews', assemblyAsMember, '000001'],
  ['space.postNews', assemblyAsCoordinator, '011111'],
  ['space.manage', process, '000001'],
];

test('space permissions follow the role × action matrix', () => {
  const names = Object.keys(actors);
  for (const [action, subject, expected] of matrix) {
    // The member role belongs to whoever asks; anonymous visitors are never members.
    const got = names.map((n) => (spacePolicy.can(actors[n]!, action as never, n === 'anonymous' ? { ...subject, memberRole: null } : subject) ? '1' : '0')).join('');
    assert.equal(got, expected, `${action} on ${JSON.stringify(subject)}: ${names.join(',')}`);
  }
});

test('every action of the policy appears in the matrix', () => {
  const covered = new Set(matrix.map(([a]) => a));
  assert.deepEqual(spacePolicy.actions.filter((a) => !covered.has(a)), []);
});
