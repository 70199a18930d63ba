// Numbers on the oversight pages, in the reader's locale ("1,5", "87 %"), with a dash when nothing
// was measured rather than a misleading zero. Units live in the column headings.
import type { Locale } from '../../../core/config/config.ts';
import { Catalog } from '../../../core/i18n/catalog.ts';
import { numberFormat } from '../../../core/i18n/intl-cache.ts';

export function formatDays(locale: Locale, days: number | null): string {
  if (days === null) return '—';
  return numberFormat(Catalog.intlTag(locale), { maximumFractionDigits: 1 }).format(days);
}

export function formatShare(locale: Locale, part: number, whole: number): string {
  if (whole === 0) return '—';
  return numberFormat(Catalog.intlTag(locale), { style: 'percent', maximumFractionDigits: 0 }).format(part / whole);
}

export function formatNumber(locale: Locale, n: number | null, fractionDigits = 0): string {
  if (n === null) return '—';
  return numberFormat(Catalog.intlTag(locale), { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(n);
}
