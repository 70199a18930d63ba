import type { PageContext } from '../../ui/page-context.ts';
import { AdminShell, Pagination, When, TableScroll } from '../components.tsx';
import { OUTBOX_PAGE_SIZE, type OutboxMessage, type OutboxRow } from './queries.ts';

export function OutboxPage(props: { page: PageContext; rows: OutboxRow[]; current: number; total: number }) {
  const { page, rows } = props;
  const { t } = page;
  return (
    <AdminShell page={page} title={t('admin.outbox.title')}>
      <p>{t('admin.outbox.lead')}</p>
      {rows.length === 0 ? (
        <p>{t('admin.outbox.none')}</p>
      ) : (
        <TableScroll label={t('admin.outbox.table')}>
          <table>
            <caption class="visually-hidden">{t('admin.outbox.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.outbox.to')}</th>
                <th scope="col">{t('admin.outbox.subject')}</th>
                <th scope="col">{t('admin.outbox.status')}</th>
                <th scope="col">{t('admin.outbox.created')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr>
                  <td>{m.to}</td>
                  <th scope="row">
                    <a href={`/admin/outbox/${m.id}`}>{m.subject}</a>
                  </th>
                  <td>{t(`admin.outbox.status.${m.status}`)}</td>
                  <td>
                    <When page={page} at={m.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page} current={props.current} total={props.total} size={OUTBOX_PAGE_SIZE} href={(n) => `/admin/outbox?page=${n}`} />
    </AdminShell>
  );
}

export function OutboxMessagePage(props: { page: PageContext; message: OutboxMessage }) {
  const { page, message: m } = props;
  const { t } = page;
  return (
    <AdminShell page={page} title={m.subject} crumbs={[{ href: '/admin/outbox', label: t('admin.outbox.title') }]}>
      <dl class="facts">
        <dt>{t('admin.outbox.to')}</dt>
        <dd>{m.to}</dd>
        <dt>{t('admin.outbox.status')}</dt>
        <dd>{t(`admin.outbox.status.${m.status}`)}</dd>
        <dt>{t('admin.outbox.created')}</dt>
        <dd>
          <When page={page} at={m.createdAt} />
        </dd>
        <dt>{t('admin.outbox.sent')}</dt>
        <dd>
          <When page={page} at={m.sentAt} />
        </dd>
        <dt>{t('admin.outbox.attempts')}</dt>
        <dd>{m.attempts}</dd>
        {m.lastError ? (
          <>
            <dt>{t('admin.outbox.lastError')}</dt>
            <dd>{m.lastError}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="outbox-body-heading">
        <h2 id="outbox-body-heading">{t('admin.outbox.body')}</h2>
        {/* Plain text on purpose: links stay readable and copyable, and nothing in a mail can inject markup.
            The text wraps (app.css), so the block never scrolls sideways on a phone. */}
        <pre class="mail-body">
          {m.body}
        </pre>
      </section>
    </AdminShell>
  );
}
