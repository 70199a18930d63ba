// Who may do what in a stakeholder consultation. Anyone reads the strategy and the aggregate
// dashboard, unless it is a draft or its space is not published (then only admins do); signed-in people take part while it is open; admins edit the strategy tree, promote open
// actions and export the contact list (personal data of people who agreed to be contacted).
import { definePolicy } from '../../core/auth/policy.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { spaceContentVisible } from '../spaces/hosted.ts';

export interface ConsultationSubject {
  status: 'draft' | 'open' | 'closed';
  /** Whether the consultation's space is published; null for a consultation of no space. */
  spacePublished: boolean | null;
}

const isAdmin = (a: Actor) => hasRole(a, 'admin');
const visible = (a: Actor, c: ConsultationSubject | undefined) => !!c && spaceContentVisible(a, c.spacePublished) && (c.status !== 'draft' || isAdmin(a));
const takesPart = (a: Actor, c: ConsultationSubject | undefined) => a.kind === 'user' && visible(a, c) && c!.status === 'open';

export const consultationPolicy = definePolicy<
  'consultation.view' | 'consultation.expressInterest' | 'consultation.comment' | 'consultation.proposeAction' | 'consultation.viewDashboard' | 'consultation.promote' | 'consultation.export' | 'consultation.editStrategy',
  ConsultationSubject
>({
  'consultation.view': visible,
  'consultation.expressInterest': takesPart,
  'consultation.comment': takesPart,
  'consultation.proposeAction': takesPart,
  'consultation.viewDashboard': visible,
  'consultation.promote': (a, c) => isAdmin(a) && !!c,
  'consultation.export': (a, c) => isAdmin(a) && !!c,
  // Whatever the status: an admin may fix a typo in an open consultation's strategy.
  'consultation.editStrategy': (a, c) => isAdmin(a) && !!c,
});
