// Role × action matrix for meetings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, GrantedRole } from '../../core/auth/actor.ts';
import { meetingPolicy, type MeetingSubject } from './policy.ts';

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

const upcoming: MeetingSubject = { status: 'scheduled', registrationOpen: true, upcoming: true, spacePublished: null };
const inPublishedSpace: MeetingSubject = { ...upcoming, spacePublished: true };
// A meeting of a draft space is hidden from everyone but those who manage spaces, in every action.
const inDraftSpace: MeetingSubject = { ...upcoming, spacePublished: false };
const closedRegistration: MeetingSubject = { ...upcoming, registrationOpen: false };
const past: MeetingSubject = { ...upcoming, upcoming: false };
const cancelled: MeetingSubject = { ...upcoming, status: 'cancelled' };
const cancelledPast: MeetingSubject = { ...past, status: 'cancelled' };

// Columns: anonymous, citizen, org_rep, official, moderator, admin
const matrix: [string, MeetingSubject, string][] = [
  ['meeting.view', upcoming, '111111'],
  ['meeting.view', cancelled, '111111'],
  ['meeting.view', inPublishedSpace, '111111'],
  ['meeting.view', inDraftSpace, '000001'],
  ['meeting.register', inDraftSpace, '000001'],
  ['meeting.cancelRegistration', inDraftSpace, '000001'],
  ['meeting.register', upcoming, '011111'],
  ['meeting.register', closedRegistration, '000000'],
  ['meeting.register', past, '000000'],
  ['meeting.register', cancelled, '000000'],
  ['meeting.cancelRegistration', closedRegistration, '011111'],
  ['meeting.cancelRegistration', past, '000000'],
  ['meeting.manage', upcoming, '000001'],
  ['meeting.viewRegistrations', upcoming, '000001'],
  ['meeting.recordOutcome', upcoming, '000000'],
  ['meeting.recordOutcome', past, '000001'],
  ['meeting.recordOutcome', cancelledPast, '000000'],
];

test('meeting permissions follow the role × action matrix', () => {
  const names = Object.keys(actors);
  for (const [action, subject, expected] of matrix) {
    const got = names.map((n) => (meetingPolicy.can(actors[n]!, action as never, subject) ? '1' : '0')).join('');
    assert.equal(got, expected, `${action} on ${JSON.stringify(subject)}: ${names.join(',')}`);
  }
});

test('every action of the meeting policy appears in the matrix', () => {
  const covered = new Set(matrix.map(([a]) => a));
  assert.deepEqual(meetingPolicy.actions.filter((a) => !covered.has(a)), []);
});
