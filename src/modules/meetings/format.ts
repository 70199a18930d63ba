// Meeting times for people: the city's time zone, in the reader's language. Admin forms take local
// date and time (no script, no time-zone picker) and the server turns them into UTC.
import type { Locale } from '../../core/config/config.ts';
import { Catalog } from '../../core/i18n/catalog.ts';
import { dateTimeFormat } from '../../core/i18n/intl-cache.ts';

export const CITY_TIME_ZONE = 'Europe/Bucharest';

export function meetingWhen(locale: Locale, iso: string): string {
  return dateTimeFormat(Catalog.intlTag(locale), { dateStyle: 'full', timeStyle: 'short', timeZone: CITY_TIME_ZONE }).format(new Date(iso));
}

export function meetingTime(locale: Locale, iso: string): string {
  return dateTimeFormat(Catalog.intlTag(locale), { timeStyle: 'short', timeZone: CITY_TIME_ZONE }).format(new Date(iso));
}

/** Offset of the city's zone from UTC at `at`, in minutes (120 in winter, 180 in summer). */
function offsetMinutes(at: Date): number {
  const parts = dateTimeFormat('en-US', { timeZone: CITY_TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - at.getTime()) / 60000);
}

/** `2023-07-06` + `17:00` in the city's time → the UTC instant; null when not a real date/time. */
export function localToUtc(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (h > 23 || mi > 59) return null;
  const naive = Date.UTC(y, mo - 1, da, h, mi);
  const check = new Date(naive);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== da) return null;
  // Two passes settle the offset on days the clocks change.
  let at = naive - offsetMinutes(new Date(naive)) * 60000;
  at = naive - offsetMinutes(new Date(at)) * 60000;
  return new Date(at);
}

/** The city-local date and time of an instant, for prefilling forms. */
export function utcToLocal(iso: string): { date: string; time: string } {
  const parts = dateTimeFormat('en-CA', { timeZone: CITY_TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}
