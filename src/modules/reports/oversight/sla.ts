// Service-level deadlines per category (report_category_settings). A report is late to be
// acknowledged while it is still `new` past created_at + ack days, and late to be resolved while it
// is open past created_at + resolve days. The SQL takes an explicit "as of" instant so figures are
// reproducible (and testable) instead of depending on the database clock.

/** The column defaults of report_category_settings, for categories that have no settings row yet. */
export const DEFAULT_SLA = { ackDays: 2, resolveDays: 30 } as const;

export const SLA_JOIN = 'left join report_category_settings s on s.category_id = r.category_id';
export const ACK_DAYS = `coalesce(s.sla_ack_days, ${DEFAULT_SLA.ackDays})`;
export const RESOLVE_DAYS = `coalesce(s.sla_resolve_days, ${DEFAULT_SLA.resolveDays})`;
export const ACK_DUE = `(r.created_at + make_interval(days => ${ACK_DAYS}))`;
export const RESOLVE_DUE = `(r.created_at + make_interval(days => ${RESOLVE_DAYS}))`;
export const OPEN_SQL = `r.status in ('new','acknowledged','in_progress','planned')`;

/** Reports that count in oversight figures: published and not hidden by a moderator. */
export const COUNTED_SQL = `r.status <> 'unconfirmed' and r.hidden_at is null`;

/** `asOf` is the SQL expression of the reference instant (usually a `$n::timestamptz` parameter). */
export function overdueAckSql(asOf: string): string {
  return `(r.status = 'new' and ${asOf} > ${ACK_DUE})`;
}

export function overdueResolveSql(asOf: string): string {
  return `(${OPEN_SQL} and ${asOf} > ${RESOLVE_DUE})`;
}

/** Days between two timestamps as a fractional number, for medians. */
export function daysBetween(from: string, to: string): string {
  return `extract(epoch from (${to} - ${from})) / 86400.0`;
}

/** Medians are shown with one decimal; null when nothing was measured. */
export function roundDays(v: number | string | null): number | null {
  if (v === null || v === undefined) return null;
  return Math.round(Number(v) * 10) / 10;
}
