// Who may do what with meetings. Anyone sees them and their calendars, except those of a space that
// is not published, which only those who manage spaces see; signed-in people register
// for upcoming ones with registration open; admins organise them and record what happened.
import { definePolicy } from '../../core/auth/policy.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { spaceContentVisible } from '../spaces/hosted.ts';

export interface MeetingSubject {
  status: 'scheduled' | 'cancelled';
  registrationOpen: boolean;
  /** The meeting has not started yet. */
  upcoming: boolean;
  /** Whether the meeting's space is published; null for a meeting of no space. */
  spacePublished: boolean | null;
}

const isAdmin = (a: Actor) => hasRole(a, 'admin');
const visible = (a: Actor, m: MeetingSubject | undefined) => !!m && spaceContentVisible(a, m.spacePublished);

export const meetingPolicy = definePolicy<'meeting.view' | 'meeting.register' | 'meeting.cancelRegistration' | 'meeting.manage' | 'meeting.viewRegistrations' | 'meeting.recordOutcome', MeetingSubject>({
  'meeting.view': visible,
  'meeting.register': (a, m) => a.kind === 'user' && visible(a, m) && m!.status === 'scheduled' && m!.registrationOpen && m!.upcoming,
  // Cancelling one's own place stays possible after registration closes, until the meeting starts.
  'meeting.cancelRegistration': (a, m) => a.kind === 'user' && visible(a, m) && m!.upcoming,
  'meeting.manage': (a) => isAdmin(a),
  // The list of registered people is personal data: admins only.
  'meeting.viewRegistrations': (a) => isAdmin(a),
  // Minutes, attendance and attachments describe a meeting that happened.
  'meeting.recordOutcome': (a, m) => isAdmin(a) && !!m && !m.upcoming && m.status === 'scheduled',
});
