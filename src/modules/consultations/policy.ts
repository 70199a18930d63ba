// Who may do what in a stakeholder consultation. Anyone reads the strategy and the aggregate
// dashboard; signed-in people take part while it is open; admins edit the strategy tree, promote open
// actions and export the contact list (personal data of people who agreed to be contacted).
import { definePolicy } from '../../core/auth/policy.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';

export interface ConsultationSubject {
  status: 'draft' | 'open' | 'closed';
}

const isAdmin = (a: Actor) => hasRole(a, 'admin');
const visible = (a: Actor, c: ConsultationSubject | undefined) => !!c && (c.status !== 'draft' || isAdmin(a));

export const consultationPolicy = definePolicy<
  'consultation.view' | 'consultation.expressInterest' | 'consultation.comment' | 'consultation.proposeAction' | 'consultation.viewDashboard' | 'consultation.promote' | 'consultation.export' | 'consultation.editStrategy',
  ConsultationSubject
>({
  'consultation.view': visible,
  'consultation.expressInterest': (a, c) => a.kind === 'user' && !!c && c.status === 'open',
  'consultation.comment': (a, c) => a.kind === 'user' && !!c && c.status === 'open',
  'consultation.proposeAction': (a, c) => a.kind === 'user' && !!c && c.status === 'open',
  'consultation.viewDashboard': visible,
  'consultation.promote': (a, c) => isAdmin(a) && !!c,
  'consultation.export': (a, c) => isAdmin(a) && !!c,
  // Whatever the status: an admin may fix a typo in an open consultation's strategy.
  'consultation.editStrategy': (a, c) => isAdmin(a) && !!c,
});
