// The report life cycle. Outcomes follow My Cluj's vocabulary so cities can compare figures.
export const STATUSES = ['unconfirmed', 'new', 'acknowledged', 'in_progress', 'planned', 'resolved', 'rejected', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

export const OPEN_STATUSES: Status[] = ['new', 'acknowledged', 'in_progress', 'planned'];

export const OUTCOMES = ['favorabil', 'partial', 'transferata_operatorului', 'nefavorabil', 'respinsa'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const REJECT_REASONS = ['not_responsible', 'duplicate', 'not_actionable'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

const NEXT: Record<Status, Status[]> = {
  unconfirmed: ['new'],
  new: ['acknowledged', 'in_progress', 'planned', 'resolved', 'rejected'],
  acknowledged: ['in_progress', 'planned', 'resolved', 'rejected'],
  in_progress: ['planned', 'resolved', 'rejected'],
  planned: ['in_progress', 'resolved', 'rejected'],
  // Reopening after "not fixed" or an official's second look goes back to in_progress.
  resolved: ['closed', 'in_progress'],
  rejected: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

export function canTransition(from: Status, to: Status): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: Status): Status[] {
  return NEXT[from];
}

export function isOpen(s: Status): boolean {
  return OPEN_STATUSES.includes(s);
}

/** Open311 GeoReport v2 knows only open and closed. */
export function open311Status(s: Status): 'open' | 'closed' {
  return s === 'resolved' || s === 'rejected' || s === 'closed' ? 'closed' : 'open';
}
