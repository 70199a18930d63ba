import type { FieldError } from '../../http/problem.ts';
import type { PageContext } from '../../ui/page-context.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../ui/forms.tsx';
import { AdminShell, Select, When, TableScroll } from '../components.tsx';
import type { MemberRow } from '../departments/queries.ts';
import { HELIX_TYPES } from './commands.ts';
import type { OrganizationRow } from './queries.ts';

type Values = Record<string, string | undefined>;

export function OrganizationsPage(props: { page: PageContext; organizations: OrganizationRow[]; errors?: FieldError[]; values?: Values }) {
  const { page, organizations, errors } = props;
  const { t } = page;
  const values = props.values ?? {};
  return (
    <AdminShell page={page} title={t('admin.organizations.title')}>
      <ErrorSummary page={page} errors={errors} />
      <section aria-labelledby="organizations-list-heading">
        <h2 id="organizations-list-heading">{t('admin.organizations.list')}</h2>
        {organizations.length === 0 ? (
          <p>{t('admin.organizations.none')}</p>
        ) : (
          <TableScroll label={t('admin.organizations.list')}>
            <table>
              <caption class="visually-hidden">{t('admin.organizations.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.field.name')}</th>
                  <th scope="col">{t('admin.field.helixType')}</th>
                  <th scope="col">{t('admin.organizations.verified')}</th>
                  <th scope="col">{t('admin.organizations.representatives')}</th>
                </tr>
              </thead>
              <tbody>
                {organizations.map((o) => (
                  <tr>
                    <th scope="row">
                      <a href={`/admin/organizations/${o.id}`}>{o.name}</a>
                    </th>
                    <td>{t(`admin.helix.${o.helixType}`)}</td>
                    <td>{o.verifiedAt ? <When page={page} at={o.verifiedAt} /> : t('admin.no')}</td>
                    <td>{o.members}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="organization-create-heading" class="narrow">
        <h2 id="organization-create-heading">{t('admin.organizations.create')}</h2>
        <form method="post" action="/admin/organizations" novalidate>
          <CsrfField page={page} />
          <Field name="name" label={t('admin.field.name')} value={values.name} error={errorFor(errors, 'name')} required maxLength={200} />
          <Select
            name="helixType"
            label={t('admin.field.helixType')}
            options={HELIX_TYPES.map((h) => ({ value: h, label: t(`admin.helix.${h}`) }))}
            value={values.helixType}
            error={errorFor(errors, 'helixType')}
            required
          />
          <button type="submit">{t('admin.organizations.createSubmit')}</button>
        </form>
      </section>
    </AdminShell>
  );
}

export function OrganizationPage(props: { page: PageContext; organization: OrganizationRow; members: MemberRow[]; errors?: FieldError[]; values?: Values }) {
  const { page, organization: o, members, errors } = props;
  const { t } = page;
  const values = props.values ?? {};
  const base = `/admin/organizations/${o.id}`;
  return (
    <AdminShell page={page} title={o.name} crumbs={[{ href: '/admin/organizations', label: t('admin.organizations.title') }]}>
      <ErrorSummary page={page} errors={errors} />
      <dl class="facts">
        <dt>{t('admin.field.helixType')}</dt>
        <dd>{t(`admin.helix.${o.helixType}`)}</dd>
        <dt>{t('admin.organizations.verified')}</dt>
        <dd>{o.verifiedAt ? <When page={page} at={o.verifiedAt} /> : t('admin.no')}</dd>
      </dl>
      <form method="post" action={`${base}/verification`}>
        <CsrfField page={page} />
        <input type="hidden" name="verified" value={o.verifiedAt ? 'no' : 'yes'} />
        <button type="submit" class={o.verifiedAt ? 'secondary' : undefined}>
          {o.verifiedAt ? t('admin.organizations.unverify') : t('admin.organizations.verify')}
        </button>
      </form>
      <section aria-labelledby="org-members-heading">
        <h2 id="org-members-heading">{t('admin.organizations.representatives')}</h2>
        {members.length === 0 ? (
          <p>{t('admin.organizations.noRepresentatives')}</p>
        ) : (
          <ul class="member-list">
            {members.map((m) => (
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
          <button type="submit">{t('admin.organizations.addRepresentative')}</button>
        </form>
      </section>
    </AdminShell>
  );
}
