import type { FieldError } from '../../http/problem.ts';
import type { PageContext } from '../../ui/page-context.ts';
import { CsrfField, ErrorSummary } from '../../ui/forms.tsx';
import { GRANTED_ROLES } from '../../auth/actor.ts';
import { AdminShell, Pagination, Select, When, TableScroll } from '../components.tsx';
import type { Membership, UserDetail, UserListRow } from './queries.ts';

function RoleNames(props: { page: PageContext; roles: string[] }) {
  const { t } = props.page;
  return <>{props.roles.length ? props.roles.map((r) => t(`admin.role.${r}`)).join(', ') : '–'}</>;
}

export function UsersPage(props: { page: PageContext; q: string; current: number; total: number; rows: UserListRow[] }) {
  const { page, q, rows } = props;
  const { t } = page;
  const href = (n: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  return (
    <AdminShell page={page} title={t('admin.users.title')}>
      <form method="get" action="/admin/users" role="search" class="search-form">
        <div class="field">
          <label for="f-q">{t('admin.users.search')}</label>
          <input type="search" id="f-q" name="q" value={q} maxLength={200} />
        </div>
        <button type="submit">{t('admin.users.searchSubmit')}</button>
      </form>
      <p role="status">{t('admin.users.count', { count: props.total })}</p>
      {rows.length > 0 ? (
        <TableScroll label={t('admin.users.table')}>
          <table>
            <caption class="visually-hidden">{t('admin.users.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.field.name')}</th>
                <th scope="col">{t('admin.field.email')}</th>
                <th scope="col">{t('admin.users.roles')}</th>
                <th scope="col">{t('admin.users.state')}</th>
                <th scope="col">{t('admin.users.created')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/users/${u.id}`}>{u.displayName}</a>
                  </th>
                  <td>{u.email ?? '–'}</td>
                  <td>
                    <RoleNames page={page} roles={u.roles} />
                  </td>
                  <td>{t(`admin.users.state.${u.state}`)}</td>
                  <td>
                    <When page={page} at={u.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <Pagination page={page} current={props.current} total={props.total} href={href} />
    </AdminShell>
  );
}

export interface UserView {
  user: UserDetail;
  departments: { member: Membership[]; others: Membership[] };
  organizations: { member: Membership[]; others: Membership[] };
}

function MembershipSection(props: {
  page: PageContext;
  id: string;
  title: string;
  action: string;
  field: 'departmentId' | 'organizationId';
  memberships: { member: Membership[]; others: Membership[] };
  errors?: FieldError[] | undefined;
}) {
  const { page, memberships, field } = props;
  const { t } = page;
  const error = props.errors?.find((e) => e.field === field)?.reason;
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {memberships.member.length === 0 ? (
        <p>{t('admin.users.noMemberships')}</p>
      ) : (
        <ul class="member-list">
          {memberships.member.map((m) => (
            <li>
              {m.name}
              <form method="post" action={props.action} class="inline-form">
                <CsrfField page={page} />
                <input type="hidden" name={field} value={String(m.id)} />
                <input type="hidden" name="op" value="remove" />
                <button type="submit" class="secondary small" aria-label={t('admin.members.removeNamed', { name: m.name })}>
                  {t('admin.members.remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {memberships.others.length > 0 ? (
        <form method="post" action={props.action} class="narrow">
          <CsrfField page={page} />
          <input type="hidden" name="op" value="add" />
          <Select name={field} label={t('admin.users.addTo')} options={memberships.others.map((o) => ({ value: String(o.id), label: o.name }))} error={error} required />
          <button type="submit">{t('admin.members.add')}</button>
        </form>
      ) : null}
    </section>
  );
}

export function UserPage(props: UserView & { page: PageContext; errors?: FieldError[] }) {
  const { page, user: u, errors } = props;
  const { t } = page;
  const base = `/admin/users/${u.id}`;
  return (
    <AdminShell page={page} title={u.displayName} crumbs={[{ href: '/admin/users', label: t('admin.users.title') }]}>
      <ErrorSummary page={page} errors={errors} />
      <dl class="facts">
        <dt>{t('admin.field.email')}</dt>
        <dd>{u.email ?? '–'}</dd>
        <dt>{t('admin.users.verified')}</dt>
        <dd>{u.verified ? t('admin.yes') : t('admin.no')}</dd>
        <dt>{t('admin.users.locale')}</dt>
        <dd>{u.locale}</dd>
        <dt>{t('admin.users.state')}</dt>
        <dd>{t(`admin.users.state.${u.state}`)}</dd>
        <dt>{t('admin.users.created')}</dt>
        <dd>
          <When page={page} at={u.createdAt} />
        </dd>
      </dl>
      <section aria-labelledby="user-roles-heading">
        <h2 id="user-roles-heading">{t('admin.users.roles')}</h2>
        {errors?.find((e) => e.field === 'role') ? (
          <p class="error" id="f-role">
            {errors.find((e) => e.field === 'role')!.reason}
          </p>
        ) : null}
        <ul class="member-list">
          {GRANTED_ROLES.map((role) => {
            const has = u.roles.includes(role);
            return (
              <li>
                {t(`admin.role.${role}`)}: <strong>{has ? t('admin.users.hasRole') : t('admin.users.lacksRole')}</strong>
                <form method="post" action={`${base}/roles`} class="inline-form">
                  <CsrfField page={page} />
                  <input type="hidden" name="role" value={role} />
                  <input type="hidden" name="op" value={has ? 'revoke' : 'grant'} />
                  <button type="submit" class={has ? 'secondary small' : 'small'}>
                    {t(has ? `admin.users.revoke.${role}` : `admin.users.grant.${role}`)}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      </section>
      <MembershipSection
        page={page}
        id="user-departments"
        title={t('admin.users.departments')}
        action={`${base}/departments`}
        field="departmentId"
        memberships={props.departments}
        errors={errors}
      />
      <MembershipSection
        page={page}
        id="user-organizations"
        title={t('admin.users.organizations')}
        action={`${base}/organizations`}
        field="organizationId"
        memberships={props.organizations}
        errors={errors}
      />
    </AdminShell>
  );
}
