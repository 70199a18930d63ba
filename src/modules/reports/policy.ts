// Who may do what with a report. Officials act only on their own departments' reports.
import { definePolicy } from '../../core/auth/policy.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';

export interface ReportSubject {
  departmentId: number | null;
  reporterId: string | null;
  status: string;
  hidden: boolean;
}

function inDepartment(actor: Actor, r: ReportSubject | undefined): boolean {
  return actor.kind === 'user' && !!r && r.departmentId !== null && actor.departmentIds.includes(r.departmentId);
}

const isAdmin = (a: Actor) => hasRole(a, 'admin');
const isStaffFor = (a: Actor, r: ReportSubject | undefined) => isAdmin(a) || inDepartment(a, r);

export const reportPolicy = definePolicy<
  | 'report.create'
  | 'report.view'
  | 'report.viewOriginal'
  | 'report.follow'
  | 'report.flag'
  | 'report.manage'
  | 'report.viewInternal'
  | 'report.moderate'
  | 'report.feedback'
  | 'report.dashboard',
  ReportSubject
>({
  'report.create': () => true,
  'report.view': (a, r) => !!r && ((!r.hidden && r.status !== 'unconfirmed') || isStaffFor(a, r) || hasRole(a, 'moderator')),
  // Personal data in the description is masked for the public; the handling staff see the original.
  'report.viewOriginal': (a, r) => isStaffFor(a, r) || hasRole(a, 'moderator'),
  'report.follow': (a) => a.kind === 'user',
  'report.flag': () => true,
  'report.manage': (a, r) => isStaffFor(a, r),
  'report.viewInternal': (a, r) => isStaffFor(a, r),
  'report.moderate': (a) => hasRole(a, 'moderator') || isAdmin(a),
  'report.feedback': (a, r) => a.kind === 'user' && !!r && r.reporterId === a.id && r.status === 'resolved',
  'report.dashboard': (a) => hasRole(a, 'official') || isAdmin(a),
});
