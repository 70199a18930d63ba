// The vocabulary of proposals shared by commands, pages and the API.
import type { SpaceComponentDecl } from '../../core/modules/manifest.ts';
import { componentSetting, type HostedComponent } from '../spaces/hosted.ts';

export const STATES = ['open', 'under_review', 'evaluating', 'accepted', 'rejected', 'withdrawn'] as const;
export type ProposalState = (typeof STATES)[number];
export const ANSWER_STATES = ['evaluating', 'accepted', 'rejected'] as const;
export type AnswerState = (typeof ANSWER_STATES)[number];
/** States in which a proposal can still gather supports. */
export const SUPPORTABLE: readonly ProposalState[] = ['open', 'under_review'];

export const SORTS = ['recent', 'most_supported', 'most_commented', 'oldest'] as const;
export type ProposalSort = (typeof SORTS)[number];

export const PROPOSALS_COMPONENT: SpaceComponentDecl = {
  title: 'proposals.component',
  href: (_space, componentId) => `/proposals/c/${componentId}`,
  settings: [
    // 0 = no limit.
    { name: 'supportsLimit', label: 'proposals.setting.supportsLimit', type: 'integer', default: 0, min: 0, max: 1000 },
    { name: 'threshold', label: 'proposals.setting.threshold', type: 'integer', default: 20, min: 0, max: 1_000_000 },
    { name: 'proposalLimit', label: 'proposals.setting.proposalLimit', type: 'integer', default: 0, min: 0, max: 1000 },
  ],
};

export interface ProposalRules {
  /** Supports one person may give in this component; 0 = unlimited. */
  supportsLimit: number;
  /** Supports that move an open proposal to "under review"; 0 = never. */
  threshold: number;
  /** Proposals one person may submit here; 0 = unlimited. */
  proposalLimit: number;
}

export function rulesOf(c: Pick<HostedComponent, 'settings'>): ProposalRules {
  const n = (name: string) => {
    const v = Number(componentSetting(PROPOSALS_COMPONENT, c, name));
    return Number.isInteger(v) && v >= 0 ? v : 0;
  };
  return { supportsLimit: n('supportsLimit'), threshold: n('threshold'), proposalLimit: n('proposalLimit') };
}

/** Stored as the quota's ceiling when there is no limit (the check constraint still applies). */
export const UNLIMITED = 2_147_483_647;
