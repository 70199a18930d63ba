// /reports/stats: the public "how the city responds" page, one accessible table of departments.
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { DepartmentStats } from './stats-queries.ts';
import { formatDays, formatNumber, formatShare } from './format.ts';

export function StatsPage(props: { page: PageContext; rows: DepartmentStats[] }) {
  const { page, rows } = props;
  const { t, locale } = page;
  return (
    <section aria-labelledby="stats-heading" class="oversight">
      <h1 id="stats-heading">{t('reports.stats.title')}</h1>
      <p class="lead">{t('reports.stats.lead')}</p>
      {rows.length === 0 ? (
        <p>{t('reports.stats.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="numeric">
            <caption>{t('reports.stats.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.manage.department')}</th>
                <th scope="col">{t('reports.stats.reports')}</th>
                <th scope="col">{t('reports.stats.medianAck')}</th>
                <th scope="col">{t('reports.stats.medianResolve')}</th>
                <th scope="col">{t('reports.stats.withinSla')}</th>
                <th scope="col">{t('reports.stats.rating')}</th>
                <th scope="col">{t('reports.stats.fixed')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <th scope="row">{r.department}</th>
                  <td>{formatNumber(locale, r.reports)}</td>
                  <td>{formatDays(locale, r.medianAckDays)}</td>
                  <td>{formatDays(locale, r.medianResolveDays)}</td>
                  <td>{formatShare(locale, r.withinSla, r.slaJudged)}</td>
                  <td>{r.averageRating === null ? '—' : t('reports.stats.ratingValue', { rating: formatNumber(locale, r.averageRating, 1), count: r.ratings })}</td>
                  <td>{formatShare(locale, r.fixedYes, r.fixedAnswers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="stats-method">
        <h2 id="stats-method">{t('reports.stats.method')}</h2>
        <ul>
          <li>{t('reports.stats.methodPeriod')}</li>
          <li>{t('reports.stats.methodMedian')}</li>
          <li>{t('reports.stats.methodSla')}</li>
          <li>{t('reports.stats.methodFeedback')}</li>
        </ul>
      </section>
    </section>
  );
}
