// The vocabulary of spaces shared by their pages, commands and the modules they host.
export const SPACE_KINDS = ['process', 'assembly', 'neighbourhood'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

export const MEMBER_ROLES = ['coordinator', 'secretary', 'expert', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** What a phase of a process opens; hosted components read these through loadHostedComponent. */
export const PHASE_FLAGS = ['proposalsOpen', 'supportsOpen', 'commentsOpen', 'resultsPublished'] as const;
export type PhaseFlag = (typeof PHASE_FLAGS)[number];
export type PhaseSettings = Record<PhaseFlag, boolean>;

export const ALL_OPEN: PhaseSettings = { proposalsOpen: true, supportsOpen: true, commentsOpen: true, resultsPublished: true };
export const ALL_CLOSED: PhaseSettings = { proposalsOpen: false, supportsOpen: false, commentsOpen: false, resultsPublished: false };

export function phaseSettings(raw: unknown): PhaseSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return Object.fromEntries(PHASE_FLAGS.map((f) => [f, r[f] === true])) as PhaseSettings;
}

export interface SpaceRef {
  id: number;
  kind: SpaceKind;
  slug: string;
  title: string;
  published: boolean;
}

export interface Phase {
  id: number;
  position: number;
  title: string;
  description: string;
  startsOn: string | null;
  endsOn: string | null;
  active: boolean;
  settings: PhaseSettings;
}

export interface Component {
  id: number;
  module: string;
  title: string;
  position: number;
  published: boolean;
  settings: Record<string, unknown>;
}
