// Money, numbers and dates the way each language writes them (ro-RO: 1.500.000 lei, 31.03.2025).
import type { Locale } from '../../../core/config/config.ts';
import { Catalog } from '../../../core/i18n/catalog.ts';
import { dateTimeFormat, numberFormat } from '../../../core/i18n/intl-cache.ts';

export function formatMoney(locale: Locale, amount: number, currency: string): string {
  // Romanians write amounts in lei ("1.500 lei"), not with the ISO code Intl prints.
  if (currency === 'RON' && locale === 'ro') return `${formatNumber(locale, amount)} lei`;
  try {
    return numberFormat(Catalog.intlTag(locale), { style: 'currency', currency, maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(amount);
  } catch {
    return `${formatNumber(locale, amount)} ${currency}`;
  }
}

export function formatNumber(locale: Locale, n: number): string {
  return numberFormat(Catalog.intlTag(locale), { maximumFractionDigits: 2 }).format(n);
}

/** `2025-03-31` → `31.03.2025` (ro), `31/03/2025` (en), `2025. 03. 31.` (hu). */
export function formatDay(locale: Locale, isoDay: string): string {
  return dateTimeFormat(Catalog.intlTag(locale), { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}
