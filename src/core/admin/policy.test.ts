// The full role × action table of the admin policy, written out so any change to who may do what
// shows up as a reviewed diff of this table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, GrantedRole, Role } from '../auth/actor.ts';
import { ANONYMOUS } from '../auth/actor.ts';
import { adminPolicy, type AdminAction } from './policy.ts';

function user(opts: { roles?: GrantedRole[]; departmentIds?: number[]; organizationIds?: number[] } = {}): Actor {
  return {
    kind: 'user',
    id: '00000000-0000-4000-8000-000000000001',
    email: 'someone@example.test',
    displayName: 'Someone',
    locale: 'ro',
    emailVerified: true,
    roles: opts.roles ?? [],
    departmentIds: opts.departmentIds ?? [],
    organizationIds: opts.organizationIds ?? [],
  };
}

const ACTORS: Record<Role, Actor> = {
  anonymous: ANONYMOUS,
  citizen: user(),
  org_rep: user({ organizationIds: [3] }),
  official: user({ departmentIds: [1, 2] }),
  moderator: user({ roles: ['moderator'] }),
  admin: user({ roles: ['admin'] }),
};

const ACTIONS: AdminAction[] = [
  'admin.access',
  'department.manage',
  'user.roles',
  'organization.manage',
  'settings.edit',
  'outbox.read',
  'audit.read',
  'announcement.publish',
];

// Columns follow ACTIONS; 1 = allowed.
const EXPECTED: Record<Role, number[]> = {
  anonymous: [0, 0, 0, 0, 0, 0, 0, 0],
  citizen: [0, 0, 0, 0, 0, 0, 0, 0],
  org_rep: [0, 0, 0, 0, 0, 0, 0, 0],
  official: [0, 0, 0, 0, 0, 0, 0, 0],
  moderator: [0, 0, 0, 0, 0, 0, 0, 0],
  admin: [1, 1, 1, 1, 1, 1, 1, 1],
};

test('the policy declares exactly the admin actions', () => {
  assert.deepEqual([...adminPolicy.actions].sort(), [...ACTIONS].sort());
});

test('role × action matrix', () => {
  const actual = Object.fromEntries(
    Object.entries(ACTORS).map(([role, actor]) => [role, ACTIONS.map((action) => (adminPolicy.can(actor, action) ? 1 : 0))]),
  );
  assert.deepEqual(actual, EXPECTED);
});

test('an admin who is also an official or moderator keeps every admin right', () => {
  const both = user({ roles: ['moderator', 'admin'], departmentIds: [1], organizationIds: [2] });
  for (const action of ACTIONS) assert.equal(adminPolicy.can(both, action), true, action);
});

test('an unknown action is denied even to an admin', () => {
  assert.equal(adminPolicy.can(ACTORS.admin, 'admin.everything' as AdminAction), false);
});
