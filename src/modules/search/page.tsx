import type { PageContext } from '../../core/ui/page-context.ts';
import { formatDateTime } from '../../core/home/home-page.tsx';
import { COUNT_CAP, type SearchPage as Results } from './queries.ts';
import type { ResultType } from './sources.ts';

export function SearchPage(props: { page: PageContext; q: string; type: ResultType | undefined; types: ResultType[]; results: Results | null; pageNo: number; pageSize: number }) {
  const { page, q, results } = props;
  const { t } = page;
  const link = (params: { type?: ResultType | undefined; page?: number }) => {
    const p = new URLSearchParams({ q });
    if (params.type) p.set('type', params.type);
    if (params.page && params.page > 1) p.set('page', String(params.page));
    return `/search?${p.toString()}`;
  };
  const all = results ? Object.values(results.counts).reduce((n, c) => n + (c ?? 0), 0) : 0;
  const pages = results ? Math.max(1, Math.ceil(results.total / props.pageSize)) : 1;
  return (
    <section aria-labelledby="search-heading">
      <h1 id="search-heading">{t('search.heading')}</h1>
      <form method="get" action="/search" role="search" class="search-form" aria-label={t('search.title')}>
        <div class="field">
          <label for="search-q">{t('search.label')}</label>
          <p class="hint" id="search-q-hint">
            {t('search.hint')}
          </p>
          <input id="search-q" name="q" type="search" value={q} maxLength={200} aria-describedby="search-q-hint" />
        </div>
        {props.type ? <input type="hidden" name="type" value={props.type} /> : null}
        <button type="submit">{t('search.submit')}</button>
      </form>
      {q && !results ? <p role="status">{t('search.short')}</p> : null}
      {results ? (
        <>
          <nav aria-label={t('search.types')} class="tabs">
            <ul>
              <li>
                <a href={link({})} aria-current={props.type ? undefined : 'page'}>
                  {t('search.all', { count: results.capped ? `${all}+` : all })}
                </a>
              </li>
              {props.types.map((ty) => (
                <li>
                  <a href={link({ type: ty })} aria-current={props.type === ty ? 'page' : undefined}>
                    {t(`search.type.${ty}`, { count: `${results.counts[ty] ?? 0}${results.capped && (results.counts[ty] ?? 0) >= COUNT_CAP ? '+' : ''}` })}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <p role="status">{results.total ? t('search.count', { count: results.capped ? `${results.total}+` : results.total, q }) : t('search.none', { q })}</p>
          {results.fuzzy && results.total ? <p>{t('search.fuzzy')}</p> : null}
          <ol class="search-results">
            {results.results.map((r) => (
              <li>
                <h2 class="item-title">
                  <a href={r.url}>{r.title}</a>
                </h2>
                <p class="muted">
                  {t(`search.kind.${r.type}`)} · <time dateTime={r.at}>{formatDateTime(page.locale, r.at)}</time>
                </p>
                {r.excerpt ? <p>{r.excerpt}</p> : null}
              </li>
            ))}
          </ol>
          {pages > 1 ? (
            <nav aria-label={t('search.pagination')} class="pagination">
              <ul>
                {props.pageNo > 1 ? (
                  <li>
                    <a href={link({ type: props.type, page: props.pageNo - 1 })} rel="prev">
                      {t('search.previous')}
                    </a>
                  </li>
                ) : null}
                <li aria-current="page">{t('search.pageOf', { page: props.pageNo, pages })}</li>
                {props.pageNo < pages ? (
                  <li>
                    <a href={link({ type: props.type, page: props.pageNo + 1 })} rel="next">
                      {t('search.next')}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
