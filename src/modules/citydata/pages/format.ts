// How a reading reads to a person: ratios as percentages, units spelled out, known states translated.
import type { Translate } from '../../../core/i18n/catalog.ts';
import { numberFormat } from '../../../core/i18n/intl-cache.ts';

const UNITS: Record<string, string> = { GQ: ' µg/m³', CEL: ' °C', KMH: ' km/h' };
const STATES = new Set(['free', 'occupied', 'on', 'off']);

export function formatReading(t: Translate, locale: string, value: unknown, unit: string | null): string {
  if (typeof value === 'number') {
    const nf = numberFormat({ ro: 'ro-RO', en: 'en-GB', hu: 'hu-HU' }[locale] ?? 'ro-RO', { maximumFractionDigits: 1 });
    if (unit === 'C62') return `${nf.format(value * 100)} %`;
    return `${nf.format(value)}${unit ? (UNITS[unit] ?? ` ${unit}`) : ''}`;
  }
  if (typeof value === 'string') return STATES.has(value) ? t(`citydata.value.${value}`) : value;
  if (value === null || value === undefined) return '–';
  return JSON.stringify(value);
}
