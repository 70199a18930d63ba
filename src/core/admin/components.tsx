// Pieces every admin page shares: the breadcrumb back to the dashboard, the page heading and
// previous/next paging that works as plain links.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../ui/page-context.ts';
import { formatDateTime } from '../home/home-page.tsx';
import { FieldNotes, describedBy } from '../ui/forms.tsx';

export interface Crumb {
  href: string;
  label: string;
}

export function AdminShell(props: { page: PageContext; title: string; crumbs?: Crumb[]; children: ComponentChildren }) {
  const { t } = props.page;
  return (
    <>
      <nav aria-label={t('admin.breadcrumb')} class="breadcrumb">
        <ol>
          <li>
            <a href="/admin">{t('admin.title')}</a>
          </li>
          {(props.crumbs ?? []).map((c) => (
            <li>
              <a href={c.href}>{c.label}</a>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby="admin-heading" class="admin">
        <h1 id="admin-heading">{props.title}</h1>
        {props.children}
      </section>
    </>
  );
}

export function When(props: { page: PageContext; at: string | null }) {
  if (!props.at) return <span>–</span>;
  return <time dateTime={props.at}>{formatDateTime(props.page.locale, props.at)}</time>;
}

export const PAGE_SIZE = 25;

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** `href(n)` builds the link to page n, keeping the other query parameters. */
export function Pagination(props: { page: PageContext; current: number; total: number; size?: number; href: (n: number) => string }) {
  const { t } = props.page;
  const pages = pageCount(props.total, props.size);
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('admin.pagination')} class="pagination">
      <ul>
        {props.current > 1 ? (
          <li>
            <a href={props.href(props.current - 1)} rel="prev">
              {t('admin.pagination.prev')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">{t('admin.pagination.status', { page: props.current, pages })}</li>
        {props.current < pages ? (
          <li>
            <a href={props.href(props.current + 1)} rel="next">
              {t('admin.pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** Querystring schema shared by paginated lists. */
export const pageQuery = { type: 'integer', minimum: 1, maximum: 100000, default: 1 } as const;

/** ISO timestamps in UTC, as the database returns them for presenters. */
export const isoSql = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A labelled drop-down with the same error wiring as the shared Field. */
export function Select(props: { name: string; label: string; options: { value: string; label: string }[]; value?: string | undefined; hint?: string | undefined; error?: string | undefined; required?: boolean }) {
  const id = `f-${props.name}`;
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
      <select id={id} name={props.name} required={props.required} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint, props.error)}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A wide table scrolls inside its own box on a phone; the box is focusable so keyboards can scroll it. */
export function TableScroll(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-label={props.label}>
      {props.children}
    </div>
  );
}
