// Who may act on a personal account: only its owner, whatever their roles. An administrator
// manages people through the admin pages, never by reading or erasing someone's account here.
import type { Actor } from '../auth/actor.ts';
import { definePolicy } from '../auth/policy.ts';

export type AccountAction = 'account.view' | 'account.edit' | 'account.export' | 'account.erase';

const ownerOnly = (actor: Actor, subject: { ownerId: string } | undefined): boolean =>
  actor.kind === 'user' && !!subject && subject.ownerId === actor.id;

export const accountPolicy = definePolicy<AccountAction, { ownerId: string }>({
  'account.view': ownerOnly,
  'account.edit': ownerOnly,
  'account.export': ownerOnly,
  'account.erase': ownerOnly,
});
