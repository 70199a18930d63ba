// Admin: members of an assembly, working group or neighbourhood group, with their roles.
import type { FieldError } from '../../../core/http/problem.ts';
import type { PageContext } from '../../../core/ui/page-context.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import { TableScroll } from '../../../core/admin/components.tsx';
import { MEMBER_ROLES } from '../model.ts';
import type { Member, Space } from '../queries.ts';
import { ActionButton, SelectField } from './controls.tsx';
import { SpaceAdminShell } from './admin-spaces.tsx';

export function AdminMembersPage(props: { page: PageContext; space: Space; members: Member[]; errors?: FieldError[] | undefined; values?: Record<string, string | undefined> }) {
  const { page, space, members, errors } = props;
  const { t } = page;
  const base = `/admin/spaces/${space.id}/members`;
  const roles = MEMBER_ROLES.map((r) => ({ value: r, label: t(`spaces.role.${r}`) }));
  const v = props.values ?? {};
  return (
    <SpaceAdminShell page={page} space={space} section="members" title={`${space.title}: ${t('spaces.admin.members')}`}>
      <ErrorSummary page={page} errors={errors} />
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('spaces.admin.members')}</h2>
        {members.length === 0 ? (
          <p>{t('spaces.admin.noMembers')}</p>
        ) : (
          <TableScroll label={t('spaces.admin.members')}>
            <table>
              <caption class="visually-hidden">{t('spaces.admin.members')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('spaces.page.members')}</th>
                  <th scope="col">{t('spaces.field.memberRole')}</th>
                  <th scope="col">{t('spaces.admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr>
                    <th scope="row">
                      {m.name}
                      {m.positionTitle ? ` (${m.positionTitle})` : ''}
                    </th>
                    <td>
                      <form method="post" action={`${base}/${m.userId}/role`} class="inline-form">
                        <CsrfField page={page} />
                        <SelectField id={`role-${m.userId}`} name="role" label={t('spaces.admin.roleFor', { name: m.name })} value={m.role} options={roles} />
                        <button type="submit" class="secondary">
                          {t('spaces.admin.changeRole')}
                        </button>
                      </form>
                    </td>
                    <td>
                      <ActionButton page={page} action={`${base}/${m.userId}/delete`} label={t('spaces.admin.remove', { name: m.name })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="member-add-heading" class="narrow">
        <h2 id="member-add-heading">{t('spaces.admin.addMember')}</h2>
        <form method="post" action={base} novalidate>
          <CsrfField page={page} />
          <Field name="email" type="email" label={t('spaces.field.memberEmail')} value={v.email} error={errorFor(errors, 'email')} required autocomplete="off" />
          <SelectField name="role" label={t('spaces.field.memberRole')} value={v.role ?? 'member'} error={errorFor(errors, 'role')} options={roles} />
          <Field name="positionTitle" label={t('spaces.field.positionTitle')} value={v.positionTitle} error={errorFor(errors, 'positionTitle')} maxLength={120} />
          <button type="submit">{t('spaces.admin.addMember')}</button>
        </form>
      </section>
    </SpaceAdminShell>
  );
}
