// /reports/dashboard: a department's workload at a glance. Figures are tables with captions so a
// screen reader user gets the same overview as a sighted one.
import type { PageContext } from '../../../core/ui/page-context.ts';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import { StatusBadge } from '../pages/report-list.tsx';
import type { DashboardData } from './dashboard-queries.ts';
import { formatDays } from './format.ts';

export interface DashboardView {
  data: DashboardData;
  choices: { id: number; name: string }[];
  /** The picked department, or null for all the viewer may see. */
  selected: number | null;
  /** True for admins: "all" means every department of the city. */
  cityWide: boolean;
}

function When(props: { page: PageContext; at: string }) {
  return <time dateTime={props.at}>{formatDateTime(props.page.locale, props.at)}</time>;
}

export function DashboardPage(props: { page: PageContext } & DashboardView) {
  const { page, data, choices, selected } = props;
  const { t, locale } = page;
  const scopeName = selected !== null ? choices.find((c) => c.id === selected)?.name : undefined;
  return (
    <section aria-labelledby="dashboard-heading" class="oversight">
      <h1 id="dashboard-heading">{scopeName ? t('reports.dashboard.titleFor', { department: scopeName }) : t('reports.dashboard.title')}</h1>
      {choices.length > 1 ? (
        <form method="get" action="/reports/dashboard" class="filters" aria-label={t('reports.dashboard.pick')}>
          <div class="field">
            <label for="dash-department">{t('reports.manage.department')}</label>
            <select id="dash-department" name="department">
              <option value="">{props.cityWide ? t('reports.dashboard.allCity') : t('reports.dashboard.allMine')}</option>
              {choices.map((c) => (
                <option value={String(c.id)} selected={c.id === selected}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('reports.dashboard.show')}</button>
        </form>
      ) : null}

      <section aria-labelledby="dash-medians">
        <h2 id="dash-medians">{t('reports.dashboard.speed')}</h2>
        <dl class="stats">
          <div class="stat">
            <dt>{t('reports.stats.medianAck')}</dt>
            <dd>{formatDays(locale, data.medianAckDays)}</dd>
          </div>
          <div class="stat">
            <dt>{t('reports.stats.medianResolve')}</dt>
            <dd>{formatDays(locale, data.medianResolveDays)}</dd>
          </div>
        </dl>
      </section>

      <div class="oversight-tables">
        <div class="table-scroll">
          <table>
            <caption>{t('reports.dashboard.byAge')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.dashboard.age')}</th>
                <th scope="col">{t('reports.dashboard.count')}</th>
              </tr>
            </thead>
            <tbody>
              {data.ageBuckets.map((b) => (
                <tr>
                  <th scope="row">{t(`reports.dashboard.age.${b.bucket}`)}</th>
                  <td>{b.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="table-scroll">
          <table>
            <caption>{t('reports.dashboard.byStatus')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.manage.newStatus')}</th>
                <th scope="col">{t('reports.dashboard.count')}</th>
              </tr>
            </thead>
            <tbody>
              {data.statusCounts.length === 0 ? (
                <tr>
                  <td colSpan={2}>{t('reports.dashboard.none')}</td>
                </tr>
              ) : (
                data.statusCounts.map((s) => (
                  <tr>
                    <th scope="row">{t(`reports.status.${s.status}`)}</th>
                    <td>{s.count}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </div>

      <section aria-labelledby="dash-overdue">
        <h2 id="dash-overdue">{t('reports.dashboard.overdue', { count: data.overdue.length })}</h2>
        {data.overdue.length === 0 ? (
          <p>{t('reports.dashboard.noOverdue')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption>{t('reports.dashboard.overdueCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.dashboard.report')}</th>
                  <th scope="col">{t('reports.field.category')}</th>
                  <th scope="col">{t('reports.manage.department')}</th>
                  <th scope="col">{t('reports.manage.newStatus')}</th>
                  <th scope="col">{t('reports.dashboard.filed')}</th>
                  <th scope="col">{t('reports.dashboard.late')}</th>
                </tr>
              </thead>
              <tbody>
                {data.overdue.map((r) => (
                  <tr>
                    <th scope="row">
                      <a href={`/reports/${r.id}/manage`}>{t('reports.page.title', { id: r.id })}</a>
                    </th>
                    <td>{r.category}</td>
                    <td>{r.department ?? '—'}</td>
                    <td>
                      <StatusBadge page={page} status={r.status} />
                    </td>
                    <td>
                      <When page={page} at={r.createdAt} />
                    </td>
                    <td>
                      <ul class="plain">
                        {r.overdueAck ? (
                          <li>
                            {t('reports.dashboard.lateAck')} <When page={page} at={r.ackDueAt} />
                          </li>
                        ) : null}
                        {r.overdueResolve ? (
                          <li>
                            {t('reports.dashboard.lateResolve')} <When page={page} at={r.resolveDueAt} />
                          </li>
                        ) : null}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p>
        <a href="/reports/stats">{t('reports.stats.title')}</a>
      </p>
    </section>
  );
}

export function DashboardForbidden(props: { page: PageContext }) {
  const { t } = props.page;
  return (
    <section aria-labelledby="forbidden-heading" class="narrow">
      <h1 id="forbidden-heading">{t('admin.forbidden.title')}</h1>
      <p>{t('reports.dashboard.forbidden')}</p>
    </section>
  );
}
