// The policy subject of a proposal (or of a proposals component, before any proposal exists).
import { isPublic, type HostedComponent } from '../spaces/hosted.ts';
import type { ProposalSubject } from './policy.ts';
import type { Proposal } from './queries.ts';

export function subjectOf(component: HostedComponent, proposal?: Pick<Proposal, 'authorId' | 'state' | 'hidden' | 'supports'>): ProposalSubject {
  return {
    public: isPublic(component),
    proposalsOpen: component.flags.proposalsOpen,
    supportsOpen: component.flags.supportsOpen,
    authorId: proposal?.authorId ?? null,
    state: proposal?.state ?? null,
    hidden: proposal?.hidden ?? false,
    supports: proposal?.supports ?? 0,
  };
}
