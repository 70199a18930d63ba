// Current alerts: public air-quality alerts for everyone; officials also see internal and stale-device
// alerts and the work orders the rules opened.
import type { PageContext } from '../../../core/ui/page-context.ts';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import type { AlertRow } from '../queries.ts';

export function AlertsTable(props: { page: PageContext; alerts: AlertRow[]; caption: string }) {
  const { page } = props;
  const { t } = page;
  if (props.alerts.length === 0) return <p>{t('citydata.alerts.none')}</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('citydata.alerts.what')}</th>
            <th scope="col">{t('citydata.alerts.where')}</th>
            <th scope="col">{t('citydata.alerts.value')}</th>
            <th scope="col">{t('citydata.alerts.since')}</th>
            <th scope="col">{t('citydata.alerts.workOrder')}</th>
          </tr>
        </thead>
        <tbody>
          {props.alerts.map((a) => (
            <tr>
              <th scope="row">{a.kind === 'stale' ? t('citydata.alerts.stale') : a.ruleName}</th>
              <td>
                <a href={`/citydata/entities/${encodeURIComponent(a.urn)}`}>{a.name}</a>
              </td>
              <td>{a.value === null ? '–' : String(Math.round(a.value * 100) / 100)}</td>
              <td>
                <time dateTime={a.raisedAt}>{formatDateTime(page.locale, a.raisedAt)}</time>
              </td>
              <td>{a.reportId ? <a href={`/reports/${a.reportId}`}>{t('citydata.alerts.report', { id: a.reportId })}</a> : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AlertsPage(props: { page: PageContext; alerts: AlertRow[] }) {
  const { t } = props.page;
  return (
    <section aria-labelledby="alerts-heading">
      <h1 id="alerts-heading">{t('citydata.alerts.title')}</h1>
      <AlertsTable page={props.page} alerts={props.alerts} caption={t('citydata.alerts.title')} />
      <p>
        <a href="/citydata">{t('citydata.entity.back')}</a>
      </p>
    </section>
  );
}
