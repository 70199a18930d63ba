// Role × action matrix for reports: who may do what with a public report of department 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, GrantedRole } from '../../core/auth/actor.ts';
import { reportPolicy, type ReportSubject } from './policy.ts';

function user(id: string, opts: { roles?: GrantedRole[]; departmentIds?: number[]; organizationIds?: number[] } = {}): Actor {
  return { kind: 'user', id, email: `${id}@x.ro`, displayName: id, locale: 'ro', emailVerified: true, roles: opts.roles ?? [], departmentIds: opts.departmentIds ?? [], organizationIds: opts.organizationIds ?? [] };
}

const actors: Record<string, Actor> = {
  anonymous: { kind: 'anonymous' },
  citizen: user('citizen'),
  reporter: user('reporter'),
  org_rep: user('org', { organizationIds: [7] }),
  official: user('official', { departmentIds: [1] }),
  otherOfficial: user('other', { departmentIds: [2] }),
  moderator: user('mod', { roles: ['moderator'] }),
  admin: user('admin', { roles: ['admin'] }),
};

const open: ReportSubject = { departmentId: 1, reporterId: 'reporter', status: 'new', hidden: false };
const resolved: ReportSubject = { ...open, status: 'resolved' };
const hidden: ReportSubject = { ...open, hidden: true };

// Columns: anonymous, citizen, reporter, org_rep, official, otherOfficial, moderator, admin
const matrix: [string, ReportSubject, string][] = [
  ['report.create', open, '11111111'],
  ['report.view', open, '11111111'],
  ['report.view', hidden, '00001011'],
  ['report.viewOriginal', open, '00001011'],
  ['report.follow', open, '01111111'],
  ['report.flag', open, '11111111'],
  ['report.manage', open, '00001001'],
  ['report.viewInternal', open, '00001001'],
  ['report.moderate', open, '00000011'],
  ['report.feedback', open, '00000000'],
  ['report.feedback', resolved, '00100000'],
  ['report.dashboard', open, '00001101'],
];

test('report permissions follow the role × action matrix', () => {
  const names = Object.keys(actors);
  for (const [action, subject, expected] of matrix) {
    const got = names.map((n) => (reportPolicy.can(actors[n]!, action as never, subject) ? '1' : '0')).join('');
    assert.equal(got, expected, `${action} on ${JSON.stringify(subject)}: ${names.join(',')}`);
  }
});

test('every action of the policy appears in the matrix', () => {
  const covered = new Set(matrix.map(([a]) => a));
  assert.deepEqual(reportPolicy.actions.filter((a) => !covered.has(a)), []);
});
