import type { FieldError } from '../../http/problem.ts';
import type { PageContext } from '../../ui/page-context.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../ui/forms.tsx';
import { AdminShell, TableScroll } from '../components.tsx';
import type { CategoryRow, DistrictChoice, MemberRow } from './queries.ts';
import { CategoryFields } from './category-page.tsx';

export interface DepartmentView {
  department: { id: number; slug: string; name: string; email: string | null };
  districts: DistrictChoice[];
  categories: CategoryRow[];
  members: MemberRow[];
}

export function DepartmentPage(props: DepartmentView & { page: PageContext; errors?: FieldError[]; values?: Record<string, string | undefined> }) {
  const { page, department: d, errors } = props;
  const { t } = page;
  const values = props.values ?? {};
  const base = `/admin/departments/${d.id}`;
  return (
    <AdminShell page={page} title={d.name} crumbs={[{ href: '/admin/departments', label: t('admin.departments.title') }]}>
      <p class="muted">{t('admin.departments.slugIs', { slug: d.slug })}</p>
      <ErrorSummary page={page} errors={errors} />

      <section aria-labelledby="dep-details-heading" class="narrow">
        <h2 id="dep-details-heading">{t('admin.departments.details')}</h2>
        <form method="post" action={base} novalidate>
          <CsrfField page={page} />
          <Field name="name" label={t('admin.field.name')} value={values.name ?? d.name} error={errorFor(errors, 'name')} required maxLength={120} />
          <Field name="email" type="email" label={t('admin.field.emailOptional')} value={values.email ?? d.email ?? ''} error={errorFor(errors, 'email')} autocomplete="off" />
          <button type="submit">{t('form.save')}</button>
        </form>
      </section>

      <section aria-labelledby="dep-districts-heading">
        <h2 id="dep-districts-heading">{t('admin.departments.districts')}</h2>
        {props.districts.length === 0 ? (
          <p>{t('admin.departments.noDistricts')}</p>
        ) : (
          <form method="post" action={`${base}/districts`}>
            <CsrfField page={page} />
            <fieldset>
              <legend>{t('admin.departments.districtsLegend')}</legend>
              {errorFor(errors, 'district') ? (
                <p class="error" id="f-district">
                  {errorFor(errors, 'district')}
                </p>
              ) : null}
              <ul class="checkbox-list">
                {props.districts.map((a) => (
                  <li class="field checkbox">
                    <input type="checkbox" id={`district-${a.id}`} name="district" value={String(a.id)} checked={a.covered} />
                    <label for={`district-${a.id}`}>{a.name}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <button type="submit">{t('admin.departments.saveDistricts')}</button>
          </form>
        )}
      </section>

      <section aria-labelledby="dep-categories-heading">
        <h2 id="dep-categories-heading">{t('admin.departments.categories')}</h2>
        {props.categories.length === 0 ? (
          <p>{t('admin.categories.none')}</p>
        ) : (
          <TableScroll label={t('admin.departments.categories')}>
            <table>
              <caption class="visually-hidden">{t('admin.departments.categories')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.field.code')}</th>
                  <th scope="col">{t('admin.field.nameRo')}</th>
                  <th scope="col">{t('admin.field.nameEn')}</th>
                  <th scope="col">{t('admin.field.nameHu')}</th>
                  <th scope="col">{t('admin.categories.state')}</th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {props.categories.map((c) => (
                  <tr>
                    <th scope="row">{c.code}</th>
                    <td lang="ro">{c.nameRo}</td>
                    <td lang="en">{c.nameEn}</td>
                    <td lang="hu">{c.nameHu}</td>
                    <td>{c.active ? t('admin.categories.active') : t('admin.categories.inactive')}</td>
                    <td>
                      <a href={`${base}/categories/${c.id}`} aria-label={t('admin.categories.editNamed', { code: c.code })}>
                        {t('admin.edit')}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <h3 id="dep-category-add-heading">{t('admin.categories.add')}</h3>
        <form method="post" action={`${base}/categories`} novalidate class="narrow" aria-labelledby="dep-category-add-heading">
          <CsrfField page={page} />
          <CategoryFields page={page} errors={errors} values={{ ...values, active: values.active ?? (values.code === undefined ? 'on' : undefined) }} />
          <button type="submit">{t('admin.categories.addSubmit')}</button>
        </form>
      </section>

      <section aria-labelledby="dep-members-heading">
        <h2 id="dep-members-heading">{t('admin.departments.members')}</h2>
        {props.members.length === 0 ? (
          <p>{t('admin.departments.noMembers')}</p>
        ) : (
          <ul class="member-list">
            {props.members.map((m) => (
              <li>
                <a href={`/admin/users/${m.userId}`}>{m.displayName}</a> <span class="muted">{m.email ?? ''}</span>
                <form method="post" action={`${base}/members/remove`} class="inline-form">
                  <CsrfField page={page} />
                  <input type="hidden" name="userId" value={m.userId} />
                  <button type="submit" class="secondary small" aria-label={t('admin.members.removeNamed', { name: m.displayName })}>
                    {t('admin.members.remove')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <form method="post" action={`${base}/members`} novalidate class="narrow">
          <CsrfField page={page} />
          <Field name="memberEmail" type="email" label={t('admin.members.addByEmail')} value={values.memberEmail} error={errorFor(errors, 'memberEmail')} required autocomplete="off" />
          <button type="submit">{t('admin.members.add')}</button>
        </form>
      </section>
    </AdminShell>
  );
}
