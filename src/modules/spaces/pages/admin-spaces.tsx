// Admin: the list of spaces with the create form, and one space's details.
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../../core/http/problem.ts';
import type { PageContext } from '../../../core/ui/page-context.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import { AdminShell, TableScroll } from '../../../core/admin/components.tsx';
import { SPACE_KINDS } from '../model.ts';
import type { Space, SpaceSummary } from '../queries.ts';
import { SelectField } from './controls.tsx';

type Values = Record<string, string | undefined>;
type Districts = { id: number; name: string }[];

function districtOptions(page: PageContext, districts: Districts) {
  return [{ value: '', label: page.t('spaces.field.noDistrict') }, ...districts.map((d) => ({ value: String(d.id), label: d.name }))];
}

export function AdminSpacesPage(props: { page: PageContext; spaces: SpaceSummary[]; districts: Districts; errors?: FieldError[] | undefined; values?: Values }) {
  const { page, spaces, errors } = props;
  const { t } = page;
  const v = props.values ?? {};
  return (
    <AdminShell page={page} title={t('spaces.admin.title')}>
      <ErrorSummary page={page} errors={errors} />
      <section aria-labelledby="spaces-list-heading">
        <h2 id="spaces-list-heading">{t('spaces.admin.list')}</h2>
        {spaces.length === 0 ? (
          <p>{t('spaces.admin.none')}</p>
        ) : (
          <TableScroll label={t('spaces.admin.list')}>
            <table>
              <caption class="visually-hidden">{t('spaces.admin.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('spaces.field.title')}</th>
                  <th scope="col">{t('spaces.field.kind')}</th>
                  <th scope="col">{t('spaces.field.district')}</th>
                  <th scope="col">{t('spaces.admin.published')}</th>
                  <th scope="col">{t('spaces.page.currentPhase')}</th>
                </tr>
              </thead>
              <tbody>
                {spaces.map((s) => (
                  <tr>
                    <th scope="row">
                      <a href={`/admin/spaces/${s.id}`}>{s.title}</a>
                    </th>
                    <td>{t(`spaces.kind.${s.kind}`)}</td>
                    <td>{s.district ?? '–'}</td>
                    <td>{s.published ? t('spaces.admin.yes') : t('spaces.admin.no')}</td>
                    <td>{s.phase ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="space-create-heading" class="narrow">
        <h2 id="space-create-heading">{t('spaces.admin.create')}</h2>
        <form method="post" action="/admin/spaces" novalidate>
          <CsrfField page={page} />
          <SelectField name="kind" label={t('spaces.field.kind')} value={v.kind} error={errorFor(errors, 'kind')} options={SPACE_KINDS.map((k) => ({ value: k, label: t(`spaces.kind.${k}`) }))} />
          <Field name="title" label={t('spaces.field.title')} value={v.title} error={errorFor(errors, 'title')} required maxLength={200} />
          <Field name="slug" label={t('spaces.field.slug')} hint={t('spaces.field.slugHint')} value={v.slug} error={errorFor(errors, 'slug')} required maxLength={80} />
          <Field name="subtitle" label={t('spaces.field.subtitle')} value={v.subtitle} error={errorFor(errors, 'subtitle')} maxLength={300} />
          <SelectField name="district" label={t('spaces.field.district')} hint={t('spaces.field.districtHint')} value={v.district} error={errorFor(errors, 'district')} options={districtOptions(page, props.districts)} />
          <Field name="description" label={t('spaces.field.description')} value={v.description} error={errorFor(errors, 'description')} multiline maxLength={20000} />
          <Checkbox name="published" label={t('spaces.field.published')} checked={v.published === 'on'} />
          <button type="submit">{t('spaces.admin.createSubmit')}</button>
        </form>
      </section>
    </AdminShell>
  );
}

export type SpaceSection = 'details' | 'phases' | 'components' | 'members';

/** The admin frame of one space: breadcrumb, heading and the links between its sections. */
export function SpaceAdminShell(props: { page: PageContext; space: Space; section: SpaceSection; title: string; children: ComponentChildren }) {
  const { page, space, section } = props;
  const { t } = page;
  const sections: [SpaceSection, string, string][] = [
    ['details', `/admin/spaces/${space.id}`, t('spaces.admin.details')],
    ...(space.kind === 'process' ? [['phases', `/admin/spaces/${space.id}/phases`, t('spaces.admin.phases')] as [SpaceSection, string, string]] : []),
    ['components', `/admin/spaces/${space.id}/components`, t('spaces.admin.components')],
    ...(space.kind !== 'process' ? [['members', `/admin/spaces/${space.id}/members`, t('spaces.admin.members')] as [SpaceSection, string, string]] : []),
  ];
  return (
    <AdminShell page={page} title={props.title} crumbs={[{ href: '/admin/spaces', label: t('spaces.admin.title') }]}>
      <nav aria-label={t('spaces.admin.sections')} class="tabs">
        <ul>
          {sections.map(([key, href, label]) => (
            <li>
              <a href={href} aria-current={key === section ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
          <li>
            <a href={`/spaces/${space.slug}`}>{t('spaces.admin.publicPage')}</a>
          </li>
        </ul>
      </nav>
      {props.children}
    </AdminShell>
  );
}

export function AdminSpacePage(props: { page: PageContext; space: Space; districts: Districts; errors?: FieldError[] | undefined; values?: Values }) {
  const { page, space, errors } = props;
  const { t } = page;
  const v = props.values ?? {
    title: space.title,
    subtitle: space.subtitle,
    description: space.description,
    district: space.areaId ? String(space.areaId) : '',
    published: space.published ? 'on' : undefined,
  };
  return (
    <SpaceAdminShell page={page} space={space} section="details" title={space.title}>
      <section aria-labelledby="space-details-heading" class="narrow">
        <h2 id="space-details-heading">{t('spaces.admin.details')}</h2>
        <p>
          {t(`spaces.kind.${space.kind}`)} · /spaces/{space.slug}
        </p>
        <ErrorSummary page={page} errors={errors} />
        <form method="post" action={`/admin/spaces/${space.id}`} novalidate>
          <CsrfField page={page} />
          <Field name="title" label={t('spaces.field.title')} value={v.title} error={errorFor(errors, 'title')} required maxLength={200} />
          <Field name="subtitle" label={t('spaces.field.subtitle')} value={v.subtitle} error={errorFor(errors, 'subtitle')} maxLength={300} />
          <SelectField name="district" label={t('spaces.field.district')} hint={t('spaces.field.districtHint')} value={v.district} error={errorFor(errors, 'district')} options={districtOptions(page, props.districts)} />
          <Field name="description" label={t('spaces.field.description')} value={v.description} error={errorFor(errors, 'description')} multiline maxLength={20000} />
          <Checkbox name="published" label={t('spaces.field.published')} checked={v.published === 'on'} />
          <button type="submit">{t('spaces.admin.save')}</button>
        </form>
      </section>
    </SpaceAdminShell>
  );
}
