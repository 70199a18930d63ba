// Links under the /reports list to the follow-up pages; the dashboard link only for those who may open it.
import type { PageContext } from '../../../core/ui/page-context.ts';
import { reportPolicy } from '../policy.ts';

export function OversightLinks(props: { page: PageContext }) {
  const { t, actor } = props.page;
  return (
    <nav aria-label={t('reports.oversight.links')} class="oversight-links">
      <ul>
        <li>
          <a href="/reports/stats">{t('reports.stats.title')}</a>
        </li>
        <li>
          <a href="/my/alerts">{t('reports.alerts.link')}</a>
        </li>
        {reportPolicy.can(actor, 'report.dashboard') ? (
          <li>
            <a href="/reports/dashboard">{t('reports.dashboard.title')}</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
