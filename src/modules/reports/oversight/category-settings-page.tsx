// /admin/report-categories: every category's SLA and help texts; one form per category.
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { AdminShell } from '../../../core/admin/components.tsx';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import type { CategorySettingsRow } from './category-settings.ts';

export function CategorySettingsListPage(props: { page: PageContext; rows: CategorySettingsRow[] }) {
  const { page, rows } = props;
  const { t } = page;
  return (
    <AdminShell page={page} title={t('reports.categories.title')}>
      <p>{t('reports.categories.lead')}</p>
      <div class="table-scroll">
        <table>
          <caption>{t('reports.categories.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.field.category')}</th>
              <th scope="col">{t('reports.manage.department')}</th>
              <th scope="col">{t('reports.categories.group')}</th>
              <th scope="col">{t('reports.categories.ackDays')}</th>
              <th scope="col">{t('reports.categories.resolveDays')}</th>
              <th scope="col">{t('reports.categories.attributeCount')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/report-categories/${r.id}`}>{r.name}</a> <span class="muted">({r.code})</span>
                  {r.active ? null : <span class="muted"> · {t('reports.categories.inactive')}</span>}
                </th>
                <td>{r.department ?? '—'}</td>
                <td>{r.group}</td>
                <td>{r.slaAckDays}</td>
                <td>{r.slaResolveDays}</td>
                <td>{r.attributes.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminShell>
  );
}

export type CategorySettingsValues = Partial<Record<'slaAckDays' | 'slaResolveDays' | 'group' | 'helpRo' | 'helpEn' | 'helpHu' | 'attributes', string>>;

export function valuesOf(row: CategorySettingsRow): CategorySettingsValues {
  return {
    slaAckDays: String(row.slaAckDays),
    slaResolveDays: String(row.slaResolveDays),
    group: row.group,
    helpRo: row.helpRo,
    helpEn: row.helpEn,
    helpHu: row.helpHu,
    attributes: row.attributes.length ? JSON.stringify(row.attributes, null, 2) : '',
  };
}

export function CategorySettingsEditPage(props: { page: PageContext; row: CategorySettingsRow; values: CategorySettingsValues; errors?: FieldError[] | undefined }) {
  const { page, row, values, errors } = props;
  const { t } = page;
  return (
    <AdminShell page={page} title={t('reports.categories.editTitle', { name: row.name })} crumbs={[{ href: '/admin/report-categories', label: t('reports.categories.title') }]}>
      <p class="muted">
        {row.code}
        {row.department ? ` · ${row.department}` : ''}
      </p>
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action={`/admin/report-categories/${row.id}`} class="narrow" novalidate>
        <CsrfField page={page} />
        <fieldset>
          <legend>{t('reports.categories.sla')}</legend>
          <Field name="slaAckDays" type="number" label={t('reports.categories.ackDays')} hint={t('reports.categories.ackHint')} value={values.slaAckDays} error={errorFor(errors, 'slaAckDays')} required />
          <Field name="slaResolveDays" type="number" label={t('reports.categories.resolveDays')} hint={t('reports.categories.resolveHint')} value={values.slaResolveDays} error={errorFor(errors, 'slaResolveDays')} required />
        </fieldset>
        <Field name="group" label={t('reports.categories.group')} hint={t('reports.categories.groupHint')} value={values.group} error={errorFor(errors, 'group')} required maxLength={40} />
        <fieldset>
          <legend>{t('reports.categories.help')}</legend>
          <Field name="helpRo" label={t('reports.categories.helpRo')} value={values.helpRo} error={errorFor(errors, 'helpRo')} multiline maxLength={1000} />
          <Field name="helpEn" label={t('reports.categories.helpEn')} value={values.helpEn} error={errorFor(errors, 'helpEn')} multiline maxLength={1000} />
          <Field name="helpHu" label={t('reports.categories.helpHu')} value={values.helpHu} error={errorFor(errors, 'helpHu')} multiline maxLength={1000} />
        </fieldset>
        <Field name="attributes" label={t('reports.categories.attributes')} hint={t('reports.categories.attributesHint')} value={values.attributes} error={errorFor(errors, 'attributes')} multiline />
        <button type="submit">{t('form.save')}</button>
      </form>
    </AdminShell>
  );
}
