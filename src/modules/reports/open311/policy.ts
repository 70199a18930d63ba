// Who may manage Open311 API keys: admins only. A key lets a machine file reports in the city's
// name, so handing one out is an administrator's decision, not a department's.
import { definePolicy } from '../../../core/auth/policy.ts';
import { hasRole } from '../../../core/auth/actor.ts';

export const open311Policy = definePolicy<'open311.keys.manage'>({
  'open311.keys.manage': (a) => hasRole(a, 'admin'),
});
