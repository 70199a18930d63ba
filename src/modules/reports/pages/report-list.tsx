import type { PageContext } from '../../../core/ui/page-context.ts';
import { MapContainer } from './map-container.tsx';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import type { CategoryOption, ReportFilters, ReportListItem } from '../queries.ts';
import { STATUSES } from '../workflow.ts';
import { OversightLinks } from '../oversight/report-links.tsx';

export function StatusBadge(props: { page: PageContext; status: string }) {
  return <span class={`status status-${props.status}`}>{props.page.t(`reports.status.${props.status}`)}</span>;
}

export function ReportItems(props: { page: PageContext; items: ReportListItem[] }) {
  const { page } = props;
  return (
    <ol class="report-list">
      {props.items.map((r) => (
        <li>
          <a href={`/reports/${r.id}`}>
            #{r.id} · {r.category}
          </a>{' '}
          <StatusBadge page={page} status={r.status} />
          <p>{r.title}</p>
          <p class="muted">
            <time dateTime={r.createdAt}>{formatDateTime(page.locale, r.createdAt)}</time>
            {r.district ? ` · ${r.district}` : ''}
          </p>
        </li>
      ))}
    </ol>
  );
}

export function ReportListPage(props: {
  page: PageContext;
  items: ReportListItem[];
  total: number;
  pageNo: number;
  pageSize: number;
  filters: ReportFilters;
  categories: CategoryOption[];
  districts: { id: number; name: string }[];
  query: string;
}) {
  const { page, filters } = props;
  const { t } = page;
  const lastPage = Math.max(1, Math.ceil(props.total / props.pageSize));
  const q = props.query ? `?${props.query}` : '';
  const pageLink = (n: number) => {
    const p = new URLSearchParams(props.query);
    p.set('page', String(n));
    return `/reports?${p.toString()}`;
  };
  return (
    <section aria-labelledby="reports-heading">
      <h1 id="reports-heading">{t('reports.list.title')}</h1>
      <p>
        <a class="button" href="/reports/new">
          {t('reports.new')}
        </a>
      </p>
      <form method="get" action="/reports" class="filters" aria-label={t('reports.list.filter')}>
        <div class="field">
          <label for="flt-status">{t('reports.manage.newStatus')}</label>
          <select id="flt-status" name="status">
            <option value="">{t('reports.list.allStatuses')}</option>
            {STATUSES.filter((s) => s !== 'unconfirmed').map((s) => (
              <option value={s} selected={filters.status === s}>
                {t(`reports.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="flt-category">{t('reports.field.category')}</label>
          <select id="flt-category" name="category">
            <option value="">{t('reports.list.allCategories')}</option>
            {props.categories.map((c) => (
              <option value={c.code} selected={filters.category === c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="flt-district">{t('reports.field.district')}</label>
          <select id="flt-district" name="district">
            <option value="">{t('reports.list.allDistricts')}</option>
            {props.districts.map((d) => (
              <option value={String(d.id)} selected={filters.district === d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('reports.list.filter')}</button>
      </form>
      <MapContainer page={page} mode="browse" query={props.query} />
      <p role="status">{t('reports.list.count', { count: props.total })}</p>
      {props.items.length === 0 ? <p>{t('reports.list.empty')}</p> : <ReportItems page={page} items={props.items} />}
      <nav aria-label={t('reports.list.title')} class="pager">
        {props.pageNo > 1 ? <a href={pageLink(props.pageNo - 1)}>{t('reports.list.previous')}</a> : null}
        {props.pageNo < lastPage ? <a href={pageLink(props.pageNo + 1)}>{t('reports.list.next')}</a> : null}
      </nav>
      <p>
        {t('reports.list.feeds')} <a href={`/reports/feed.atom${q}`}>Atom</a> · <a href={`/api/v1/reports.geojson${q}`}>GeoJSON</a>
      </p>
      <OversightLinks page={page} />
    </section>
  );
}
