// /admin/open311: issue a key for an Open311 client (shown once), see and revoke the keys.
import type { FieldError } from '../../../core/http/problem.ts';
import type { PageContext } from '../../../core/ui/page-context.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import { AdminShell, When } from '../../../core/admin/components.tsx';
import { LABEL_MAX, type ApiKeyRow } from './api-keys.ts';

export interface IssuedKey {
  label: string;
  key: string;
}

export function Open311KeysPage(props: { page: PageContext; keys: ApiKeyRow[]; endpoint: string; issued?: IssuedKey; errors?: FieldError[]; label?: string | undefined }) {
  const { page, keys, errors, issued } = props;
  const { t } = page;
  return (
    <AdminShell page={page} title={t('reports.open311.admin.title')}>
      <p>{t('reports.open311.admin.lead')}</p>
      <p>
        {t('reports.open311.admin.endpoint')} <code class="secret-value">{props.endpoint}</code>
      </p>
      {issued ? (
        <section aria-labelledby="open311-issued-heading" class="notice" role="status">
          <h2 id="open311-issued-heading">{t('reports.open311.admin.issuedHeading', { label: issued.label })}</h2>
          <p>{t('reports.open311.admin.issuedWarning')}</p>
          <p>
            <code class="secret-value" id="open311-new-key">
              {issued.key}
            </code>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="open311-issue-heading">
        <h2 id="open311-issue-heading">{t('reports.open311.admin.issue')}</h2>
        <ErrorSummary page={page} errors={errors} />
        <form method="post" action="/admin/open311" novalidate class="narrow">
          <CsrfField page={page} />
          <Field name="label" label={t('reports.open311.admin.label')} hint={t('reports.open311.admin.labelHint', { max: LABEL_MAX })} value={props.label} error={errorFor(errors, 'label')} required maxLength={LABEL_MAX} />
          <button type="submit">{t('reports.open311.admin.issueSubmit')}</button>
        </form>
      </section>
      <section aria-labelledby="open311-keys-heading">
        <h2 id="open311-keys-heading">{t('reports.open311.admin.keys')}</h2>
        {keys.length === 0 ? (
          <p>{t('reports.open311.admin.none')}</p>
        ) : (
          // Focusable, so keyboard users can scroll the table sideways on a narrow screen.
          <div class="table-scroll" tabindex={0} role="region" aria-labelledby="open311-keys-heading">
            <table>
              <caption class="visually-hidden">{t('reports.open311.admin.keys')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.open311.admin.col.label')}</th>
                  <th scope="col">{t('reports.open311.admin.col.created')}</th>
                  <th scope="col">{t('reports.open311.admin.col.reports')}</th>
                  <th scope="col">{t('reports.open311.admin.col.state')}</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr>
                    <th scope="row">{k.label}</th>
                    <td>
                      <When page={page} at={k.createdAt} />
                    </td>
                    <td>{k.reports}</td>
                    <td>
                      {k.revokedAt ? (
                        <>
                          {t('reports.open311.admin.revokedAt')} <When page={page} at={k.revokedAt} />
                        </>
                      ) : (
                        <form method="post" action={`/admin/open311/${k.id}/revoke`} class="inline-form">
                          <CsrfField page={page} />
                          {t('reports.open311.admin.active')}{' '}
                          <button type="submit" aria-label={t('reports.open311.admin.revokeNamed', { label: k.label })}>
                            {t('reports.open311.admin.revoke')}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </AdminShell>
  );
}
