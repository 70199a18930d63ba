import type { PageContext } from '../../../core/ui/page-context.ts';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import type { HostedComponent } from '../../spaces/hosted.ts';
import { SORTS, STATES, type ProposalState } from '../model.ts';
import type { CategoryOption, ProposalFilters, ProposalListItem } from '../queries.ts';
import { ProposalsMap, ViewSwitch, type ListView } from './list-map.tsx';

export function StateBadge(props: { page: PageContext; state: ProposalState }) {
  return <span class={`status proposal-${props.state}`}>{props.page.t(`proposals.state.${props.state}`)}</span>;
}

export function ComponentCrumbs(props: { page: PageContext; component: HostedComponent; current?: { href: string; label: string } }) {
  const { page, component } = props;
  return (
    <nav aria-label={page.t('admin.breadcrumb')} class="breadcrumb">
      <ol>
        <li>
          <a href="/spaces">{page.t('spaces.list.title')}</a>
        </li>
        <li>
          <a href={`/spaces/${component.space.slug}`}>{component.space.title}</a>
        </li>
        {props.current ? (
          <li>
            <a href={props.current.href}>{props.current.label}</a>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}

export interface ListPageProps {
  page: PageContext;
  component: HostedComponent;
  title: string;
  items: ProposalListItem[];
  total: number;
  pageNo: number;
  pageSize: number;
  filters: ProposalFilters;
  categories: CategoryOption[];
  districts: { id: number; name: string }[];
  query: string;
  canCreate: boolean;
  supports: { used: number; limit: number } | null;
  view?: ListView;
}

export function ProposalListPage(props: ListPageProps) {
  const { page, component, filters } = props;
  const { t } = page;
  const base = `/proposals/c/${component.id}`;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const pageLink = (n: number) => {
    const p = new URLSearchParams(props.query);
    p.set('page', String(n));
    if (props.view === 'map') p.set('view', 'map');
    return `${base}?${p.toString()}`;
  };
  return (
    <>
      <ComponentCrumbs page={page} component={component} />
      <section aria-labelledby="proposals-heading">
        <h1 id="proposals-heading">{props.title}</h1>
        {component.phase ? <p>{t('proposals.list.phase', { phase: component.phase.title })}</p> : null}
        {props.supports ? <p>{t('proposals.list.yourSupports', props.supports)}</p> : null}
        <p>
          {props.canCreate ? (
            <a class="button" href={`${base}/new`}>
              {t('proposals.list.new')}
            </a>
          ) : !component.flags.proposalsOpen ? (
            t('proposals.list.closed')
          ) : page.actor.kind === 'anonymous' ? (
            <a href={`/login?next=${encodeURIComponent(`${base}/new`)}`}>{t('proposals.list.signIn')}</a>
          ) : null}
        </p>
        <form method="get" action={base} class="filters" role="search" aria-label={t('proposals.list.filters')}>
          <div class="field">
            <label for="flt-q">{t('proposals.list.search')}</label>
            <input id="flt-q" name="q" type="search" value={filters.q ?? ''} maxLength={200} />
          </div>
          <div class="field">
            <label for="flt-state">{t('proposals.list.state')}</label>
            <select id="flt-state" name="state">
              <option value="">{t('proposals.list.allStates')}</option>
              {STATES.map((s) => (
                <option value={s} selected={filters.state === s}>
                  {t(`proposals.state.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="flt-category">{t('proposals.field.category')}</label>
            <select id="flt-category" name="category">
              <option value="">{t('proposals.list.allCategories')}</option>
              {props.categories.map((c) => (
                <option value={c.code} selected={filters.category === c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="flt-district">{t('proposals.field.district')}</label>
            <select id="flt-district" name="district">
              <option value="">{t('proposals.list.allDistricts')}</option>
              {props.districts.map((d) => (
                <option value={String(d.id)} selected={filters.district === d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="flt-sort">{t('proposals.list.sort')}</label>
            <select id="flt-sort" name="sort">
              {SORTS.map((s) => (
                <option value={s} selected={filters.sort === s}>
                  {t(`proposals.sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
          {props.view === 'map' ? <input type="hidden" name="view" value="map" /> : null}
          <button type="submit">{t('proposals.list.filter')}</button>
        </form>
        <ViewSwitch page={page} base={base} query={props.query} view={props.view ?? 'list'} />
        {props.view === 'map' ? <ProposalsMap page={page} componentId={component.id} query={props.query} /> : null}
        <p role="status">{t('proposals.list.count', { count: props.total })}</p>
        {props.items.length === 0 ? (
          <p>{t('proposals.list.empty')}</p>
        ) : (
          <ol class="proposal-list">
            {props.items.map((p) => (
              <li>
                <h2 class="item-title">
                  <a href={`/proposals/${p.id}`}>{p.title}</a>
                </h2>
                <p>
                  <StateBadge page={page} state={p.state} /> {t('proposals.list.supports', { count: p.supports })} · {t('proposals.list.comments', { count: p.comments })}
                </p>
                <p>{p.excerpt}</p>
                <p class="muted">
                  <time dateTime={p.createdAt}>{formatDateTime(page.locale, p.createdAt)}</time>
                  {p.category ? ` · ${p.category}` : ''}
                  {p.district ? ` · ${p.district}` : ''}
                </p>
              </li>
            ))}
          </ol>
        )}
        {pages > 1 ? (
          <nav aria-label={t('proposals.list.pagination')} class="pagination">
            <ul>
              {props.pageNo > 1 ? (
                <li>
                  <a href={pageLink(props.pageNo - 1)} rel="prev">
                    {t('proposals.list.previous')}
                  </a>
                </li>
              ) : null}
              <li aria-current="page">{t('proposals.list.pageOf', { page: props.pageNo, pages })}</li>
              {props.pageNo < pages ? (
                <li>
                  <a href={pageLink(props.pageNo + 1)} rel="next">
                    {t('proposals.list.next')}
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
        <p>
          <a href={`/api/v1/proposals?component=${component.id}${props.query ? `&${props.query}` : ''}`}>{t('proposals.list.api')}</a>
        </p>
      </section>
    </>
  );
}
