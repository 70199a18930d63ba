import type { FieldError } from '../../http/problem.ts';
import type { PageContext } from '../../ui/page-context.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../ui/forms.tsx';
import { AdminShell, TableScroll } from '../components.tsx';
import type { DepartmentRow } from './queries.ts';

export function DepartmentsPage(props: { page: PageContext; departments: DepartmentRow[]; errors?: FieldError[]; values?: Record<string, string | undefined> }) {
  const { page, departments, errors } = props;
  const { t } = page;
  const values = props.values ?? {};
  return (
    <AdminShell page={page} title={t('admin.departments.title')}>
      <ErrorSummary page={page} errors={errors} />
      <section aria-labelledby="departments-list-heading">
        <h2 id="departments-list-heading">{t('admin.departments.list')}</h2>
        {departments.length === 0 ? (
          <p>{t('admin.departments.none')}</p>
        ) : (
          <TableScroll label={t('admin.departments.list')}>
            <table>
              <caption class="visually-hidden">{t('admin.departments.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.field.name')}</th>
                  <th scope="col">{t('admin.field.slug')}</th>
                  <th scope="col">{t('admin.field.email')}</th>
                  <th scope="col">{t('admin.departments.districts')}</th>
                  <th scope="col">{t('admin.departments.categories')}</th>
                  <th scope="col">{t('admin.departments.members')}</th>
                </tr>
              </thead>
              <tbody>
                {departments.map((d) => (
                  <tr>
                    <th scope="row">
                      <a href={`/admin/departments/${d.id}`}>{d.name}</a>
                    </th>
                    <td>{d.slug}</td>
                    <td>{d.email ?? '–'}</td>
                    <td>{d.districts}</td>
                    <td>{d.categories}</td>
                    <td>{d.members}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="department-create-heading" class="narrow">
        <h2 id="department-create-heading">{t('admin.departments.create')}</h2>
        <form method="post" action="/admin/departments" novalidate>
          <CsrfField page={page} />
          <Field name="name" label={t('admin.field.name')} value={values.name} error={errorFor(errors, 'name')} required maxLength={120} />
          <Field name="slug" label={t('admin.field.slug')} hint={t('admin.field.slugHint')} value={values.slug} error={errorFor(errors, 'slug')} required maxLength={60} />
          <Field name="email" type="email" label={t('admin.field.emailOptional')} value={values.email} error={errorFor(errors, 'email')} autocomplete="off" />
          <button type="submit">{t('admin.departments.createSubmit')}</button>
        </form>
      </section>
    </AdminShell>
  );
}
