// W3C datetimes in query strings (start_date, end_date) and the spec's default window: the last
// 90 days, and never a span longer than that.

const W3C = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2})))?$/;
const DAY_MS = 24 * 3600 * 1000;
export const MAX_SPAN_DAYS = 90;

/**
 * A complete date (`2026-11-23`, taken as UTC midnight) or a date-time with its zone
 * (`2026-11-23T10:00:00+02:00`, `2026-11-23T08:00Z`). Anything else, or an impossible calendar
 * date such as 31 February, is undefined.
 */
export function parseW3cDate(raw: string): Date | undefined {
  // An unencoded '+' in a query string arrives as a space; clients do this often enough to forgive.
  const s = raw.trim().replace(/ (\d{2}:\d{2})$/, '+$1');
  const m = W3C.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', , zone, zh = '0', zm = '0'] = m;
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59 || Number(zh) > 14 || Number(zm) > 59) return undefined;
  const date = new Date(zone ? s : `${s}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export type DateWindow =
  | { kind: 'ok'; start: Date; end: Date }
  | { kind: 'invalid'; field: 'start_date' | 'end_date' }
  | { kind: 'reversed' }
  | { kind: 'too_long' };

/** Missing ends are filled so the window spans 90 days; a longer or reversed window is refused. */
export function resolveWindow(startRaw: string | undefined, endRaw: string | undefined, now = new Date()): DateWindow {
  const start = startRaw ? parseW3cDate(startRaw) : undefined;
  if (startRaw && !start) return { kind: 'invalid', field: 'start_date' };
  const end = endRaw ? parseW3cDate(endRaw) : undefined;
  if (endRaw && !end) return { kind: 'invalid', field: 'end_date' };
  const span = MAX_SPAN_DAYS * DAY_MS;
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  const from = start ?? new Date(to.getTime() - span);
  if (from.getTime() > to.getTime()) return { kind: 'reversed' };
  if (to.getTime() - from.getTime() > span) return { kind: 'too_long' };
  return { kind: 'ok', start: from, end: to };
}
