// Who oversees what: admins edit category SLAs and see every department's dashboard; an official
// sees the dashboard of the departments they belong to and no other.
import { definePolicy } from '../../../core/auth/policy.ts';
import { hasRole } from '../../../core/auth/actor.ts';

export interface DepartmentSubject {
  departmentId: number;
}

export const oversightPolicy = definePolicy<'report.categorySettings' | 'report.dashboardDepartment', DepartmentSubject>({
  'report.categorySettings': (a) => hasRole(a, 'admin'),
  'report.dashboardDepartment': (a, d) => hasRole(a, 'admin') || (a.kind === 'user' && !!d && a.departmentIds.includes(d.departmentId)),
});
