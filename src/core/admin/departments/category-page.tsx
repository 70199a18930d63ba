import type { FieldError } from '../../http/problem.ts';
import type { PageContext } from '../../ui/page-context.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, errorFor } from '../../ui/forms.tsx';
import { AdminShell } from '../components.tsx';
import type { CategoryRow } from './queries.ts';

/** The category fields, shared by the "add" form on the department page and the edit page. */
export function CategoryFields(props: { page: PageContext; errors?: FieldError[] | undefined; values: Record<string, string | undefined> }) {
  const { page, errors, values } = props;
  const { t } = page;
  return (
    <>
      <Field name="code" label={t('admin.field.code')} hint={t('admin.field.codeHint')} value={values.code} error={errorFor(errors, 'code')} required maxLength={100} />
      <Field name="nameRo" label={t('admin.field.nameRo')} value={values.nameRo} error={errorFor(errors, 'nameRo')} required maxLength={120} />
      <Field name="nameEn" label={t('admin.field.nameEn')} value={values.nameEn} error={errorFor(errors, 'nameEn')} required maxLength={120} />
      <Field name="nameHu" label={t('admin.field.nameHu')} value={values.nameHu} error={errorFor(errors, 'nameHu')} required maxLength={120} />
      <Checkbox name="active" label={t('admin.field.active')} checked={values.active === 'on'} error={errorFor(errors, 'active')} />
    </>
  );
}

export function CategoryPage(props: {
  page: PageContext;
  department: { id: number; name: string };
  category: CategoryRow;
  errors?: FieldError[];
  values?: Record<string, string | undefined>;
}) {
  const { page, department, category: c, errors } = props;
  const { t } = page;
  const values = props.values ?? { code: c.code, nameRo: c.nameRo, nameEn: c.nameEn, nameHu: c.nameHu, active: c.active ? 'on' : undefined };
  return (
    <AdminShell
      page={page}
      title={t('admin.categories.editTitle', { code: c.code })}
      crumbs={[
        { href: '/admin/departments', label: t('admin.departments.title') },
        { href: `/admin/departments/${department.id}`, label: department.name },
      ]}
    >
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action={`/admin/departments/${department.id}/categories/${c.id}`} novalidate class="narrow">
        <CsrfField page={page} />
        <CategoryFields page={page} errors={errors} values={values} />
        <button type="submit">{t('form.save')}</button>
      </form>
    </AdminShell>
  );
}
