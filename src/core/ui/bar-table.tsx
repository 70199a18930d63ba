// An accessible bar chart: a real table (caption, header cells, numbers and shares as text) with a
// decorative SVG bar in each row. Screen readers read the table; the bars are hidden from them.
// Widths are SVG attributes, not inline styles, so the page keeps a strict CSP.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../config/config.ts';
import { Catalog } from '../i18n/catalog.ts';
import { numberFormat } from '../i18n/intl-cache.ts';

/** A wide table's horizontal scroller. It can take keyboard focus, so people without a mouse can
 * scroll it too (WCAG 2.1.1), and is a named region so the focus stop makes sense. */
export function ScrollRegion(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}

export interface BarRow {
  label: string;
  count: number;
}

export function formatShare(locale: Locale, part: number, whole: number): string {
  if (whole === 0) return '—';
  return numberFormat(Catalog.intlTag(locale), { style: 'percent', maximumFractionDigits: 0 }).format(part / whole);
}

export function Bar(props: { part: number; whole: number }) {
  const pct = props.whole > 0 ? Math.round((props.part / props.whole) * 1000) / 10 : 0;
  return (
    <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false" width="100%" height="14">
      <rect x="0" y="0" width="100" height="10" class="bar-track" />
      <rect x="0" y="0" width={String(pct)} height="10" class="bar-fill" />
    </svg>
  );
}

export function BarTable(props: { locale: Locale; caption: string; labelHeading: string; countHeading: string; shareHeading: string; rows: BarRow[]; total: number }) {
  const { locale, rows, total } = props;
  return (
    <ScrollRegion label={props.caption}>
      <table class="bar-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.labelHeading}</th>
            <th scope="col">{props.countHeading}</th>
            <th scope="col">{props.shareHeading}</th>
            <td class="bar-cell"></td>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              <td class="num">{numberFormat(Catalog.intlTag(locale)).format(r.count)}</td>
              <td class="num">{formatShare(locale, r.count, total)}</td>
              <td class="bar-cell">
                <Bar part={r.count} whole={total} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
