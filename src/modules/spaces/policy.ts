// Who may do what with a space. Admins manage spaces; a space's coordinators and secretaries post its
// news; residents follow any published space and join neighbourhood groups themselves (assemblies
// and working groups are composed by the admins).
import { definePolicy } from '../../core/auth/policy.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import type { MemberRole, SpaceKind } from './model.ts';

export interface SpaceSubject {
  kind: SpaceKind;
  published: boolean;
  /** The actor's role in this space, if they are a member. */
  memberRole: MemberRole | null;
}

const isAdmin = (a: Actor) => hasRole(a, 'admin');
const visible = (a: Actor, s: SpaceSubject | undefined) => !!s && (s.published || isAdmin(a));

export const spacePolicy = definePolicy<'space.view' | 'space.follow' | 'space.join' | 'space.postNews' | 'space.manage', SpaceSubject>({
  'space.view': visible,
  'space.follow': (a, s) => a.kind === 'user' && !!s && s.published,
  'space.join': (a, s) => a.kind === 'user' && !!s && s.published && s.kind === 'neighbourhood',
  'space.postNews': (a, s) => visible(a, s) && (isAdmin(a) || (a.kind === 'user' && (s!.memberRole === 'coordinator' || s!.memberRole === 'secretary'))),
  'space.manage': (a) => isAdmin(a),
});
