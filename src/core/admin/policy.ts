// Who may use the administration area. Every action is reserved to admins:
// - moderators moderate content in the modules; they do not read the audit log here, because it
//   names the people whose roles and memberships changed and what was changed (personal data an
//   admin needs, a moderator does not), and the admin area stays one permission boundary;
// - officials manage their department's work inside the modules, not the department itself;
// - organization representatives and citizens have no admin actions.
// Rules that depend on the data (an admin may not revoke their own admin role) are command
// outcomes with a clear message, not policy denials.
import { definePolicy } from '../auth/policy.ts';
import { hasRole, type Actor } from '../auth/actor.ts';

export type AdminAction =
  | 'admin.access'
  | 'department.manage'
  | 'user.roles'
  | 'organization.manage'
  | 'settings.edit'
  | 'outbox.read'
  | 'audit.read'
  | 'announcement.publish';

const isAdmin = (a: Actor) => hasRole(a, 'admin');

export const adminPolicy = definePolicy<AdminAction>({
  'admin.access': isAdmin,
  'department.manage': isAdmin,
  'user.roles': isAdmin,
  'organization.manage': isAdmin,
  'settings.edit': isAdmin,
  'outbox.read': isAdmin,
  'audit.read': isAdmin,
  'announcement.publish': isAdmin,
});
