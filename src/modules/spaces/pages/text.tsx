// Plain text written by people (descriptions, news, proposals) shown as paragraphs; never as HTML.
import { dateTimeFormat } from '../../../core/i18n/intl-cache.ts';
export function Paragraphs(props: { text: string; class?: string }) {
  const parts = props.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <div class={props.class ?? 'prose'}>
      {parts.map((p) => (
        <p>
          {p.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br />, line]))}
        </p>
      ))}
    </div>
  );
}

/** A calendar day (YYYY-MM-DD) in the page language, without shifting it through time zones. */
export function formatDay(locale: string, day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return dateTimeFormat({ ro: 'ro-RO', en: 'en-GB', hu: 'hu-HU' }[locale] ?? 'ro-RO', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}
