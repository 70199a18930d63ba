// Area alerts are personal: anyone signed in may subscribe, and only the subscriber sees or removes theirs.
import { definePolicy } from '../../../core/auth/policy.ts';

export interface AlertSubject {
  userId: string;
}

export const areaAlertPolicy = definePolicy<'report.areaAlert.create' | 'report.areaAlert.delete', AlertSubject>({
  'report.areaAlert.create': (a) => a.kind === 'user',
  'report.areaAlert.delete': (a, s) => a.kind === 'user' && !!s && s.userId === a.id,
});
