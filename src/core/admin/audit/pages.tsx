import type { PageContext } from '../../ui/page-context.ts';
import { AdminShell, Pagination, When, TableScroll } from '../components.tsx';
import type { AuditRow } from './queries.ts';

/** Details as compact `key: value` text; nested values stay JSON. */
function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

export function AuditPage(props: { page: PageContext; rows: AuditRow[]; current: number; total: number }) {
  const { page, rows } = props;
  const { t } = page;
  return (
    <AdminShell page={page} title={t('admin.audit.title')}>
      <p>{t('admin.audit.lead')}</p>
      {rows.length === 0 ? (
        <p>{t('admin.audit.none')}</p>
      ) : (
        <TableScroll label={t('admin.audit.table')}>
          <table class="audit">
            <caption class="visually-hidden">{t('admin.audit.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.when')}</th>
                <th scope="col">{t('admin.audit.who')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.subject')}</th>
                <th scope="col">{t('admin.audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <When page={page} at={r.at} />
                  </td>
                  <td>{r.actorName ?? t('admin.audit.system')}</td>
                  <th scope="row">
                    <code>{r.action}</code>
                  </th>
                  <td>{r.subjectId ? `${r.subjectType} ${r.subjectId}` : r.subjectType}</td>
                  <td class="audit-details">{detailsText(r.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page} current={props.current} total={props.total} href={(n) => `/admin/audit?page=${n}`} />
    </AdminShell>
  );
}
