// Admin: a process's phases and a space's components — lists with row actions, add and edit forms.
import type { FieldError } from '../../../core/http/problem.ts';
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { SpaceComponentDecl } from '../../../core/modules/manifest.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import { TableScroll } from '../../../core/admin/components.tsx';
import { PHASE_FLAGS, type Component, type Phase } from '../model.ts';
import type { Space } from '../queries.ts';
import { ActionButton, CheckboxGroup, SelectField } from './controls.tsx';
import { SpaceAdminShell } from './admin-spaces.tsx';
import { PhaseDates } from './space-page.tsx';

type Values = Record<string, string | undefined>;

export function phaseValues(p: Phase): Values {
  return {
    title: p.title,
    description: p.description,
    startsOn: p.startsOn ?? '',
    endsOn: p.endsOn ?? '',
    ...Object.fromEntries(PHASE_FLAGS.map((f) => [f, p.settings[f] ? 'on' : undefined])),
  };
}

function PhaseForm(props: { page: PageContext; action: string; values: Values; errors?: FieldError[] | undefined; submit: string }) {
  const { page, values: v, errors } = props;
  const { t } = page;
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField page={page} />
      <Field name="title" label={t('spaces.field.phaseTitle')} value={v.title} error={errorFor(errors, 'title')} required maxLength={200} />
      <Field name="description" label={t('spaces.field.phaseDescription')} value={v.description} error={errorFor(errors, 'description')} multiline maxLength={10000} />
      <Field name="startsOn" type="date" label={t('spaces.field.startsOn')} value={v.startsOn} error={errorFor(errors, 'startsOn')} />
      <Field name="endsOn" type="date" label={t('spaces.field.endsOn')} value={v.endsOn} error={errorFor(errors, 'endsOn')} />
      <CheckboxGroup legend={t('spaces.field.flags')} items={PHASE_FLAGS.map((f) => ({ name: f, label: t(`spaces.flag.${f}`), checked: v[f] === 'on' }))} />
      <button type="submit">{props.submit}</button>
    </form>
  );
}

export function AdminPhasesPage(props: { page: PageContext; space: Space; phases: Phase[]; errors?: FieldError[] | undefined; values?: Values }) {
  const { page, space, phases, errors } = props;
  const { t } = page;
  const base = `/admin/spaces/${space.id}/phases`;
  return (
    <SpaceAdminShell page={page} space={space} section="phases" title={`${space.title}: ${t('spaces.admin.phases')}`}>
      <ErrorSummary page={page} errors={errors} />
      <section aria-labelledby="phases-heading">
        <h2 id="phases-heading">{t('spaces.admin.phases')}</h2>
        {phases.length === 0 ? (
          <p>{t('spaces.admin.noPhases')}</p>
        ) : (
          <TableScroll label={t('spaces.admin.phases')}>
            <table>
              <caption class="visually-hidden">{t('spaces.admin.phases')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('spaces.field.phaseTitle')}</th>
                  <th scope="col">{t('spaces.admin.active')}</th>
                  <th scope="col">{t('spaces.field.flags')}</th>
                  <th scope="col">{t('spaces.admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {phases.map((p) => (
                  <tr>
                    <th scope="row">
                      <a href={`${base}/${p.id}`} aria-label={t('spaces.admin.edit', { name: p.title })}>
                        {p.title}
                      </a>
                      <PhaseDates page={page} phase={p} />
                    </th>
                    <td>{p.active ? t('spaces.admin.yes') : t('spaces.admin.no')}</td>
                    <td>{PHASE_FLAGS.filter((f) => p.settings[f]).map((f) => t(`spaces.flag.${f}`)).join(', ') || '–'}</td>
                    <td class="row-actions">
                      {p.active ? null : <ActionButton page={page} action={`${base}/${p.id}/activate`} label={t('spaces.admin.activate', { name: p.title })} />}
                      <ActionButton page={page} action={`${base}/${p.id}/move`} fields={{ direction: 'up' }} label={t('spaces.admin.moveUp', { name: p.title })} />
                      <ActionButton page={page} action={`${base}/${p.id}/move`} fields={{ direction: 'down' }} label={t('spaces.admin.moveDown', { name: p.title })} />
                      <ActionButton page={page} action={`${base}/${p.id}/delete`} label={t('spaces.admin.delete', { name: p.title })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {phases.some((p) => p.active) ? <ActionButton page={page} action={`${base}/deactivate`} label={t('spaces.admin.deactivateAll')} /> : null}
      </section>
      <section aria-labelledby="phase-add-heading" class="narrow">
        <h2 id="phase-add-heading">{t('spaces.admin.addPhase')}</h2>
        <PhaseForm page={page} action={base} values={props.values ?? {}} errors={errors} submit={t('spaces.admin.addPhase')} />
      </section>
    </SpaceAdminShell>
  );
}

export function AdminPhasePage(props: { page: PageContext; space: Space; phase: Phase; errors?: FieldError[] | undefined; values?: Values }) {
  const { page, space, phase, errors } = props;
  const { t } = page;
  return (
    <SpaceAdminShell page={page} space={space} section="phases" title={t('spaces.admin.editPhase', { name: phase.title })}>
      <ErrorSummary page={page} errors={errors} />
      <div class="narrow">
        <PhaseForm page={page} action={`/admin/spaces/${space.id}/phases/${phase.id}`} values={props.values ?? phaseValues(phase)} errors={errors} submit={t('spaces.admin.save')} />
      </div>
    </SpaceAdminShell>
  );
}

export interface HostableOption {
  name: string;
  decl: SpaceComponentDecl;
}

export function AdminComponentsPage(props: { page: PageContext; space: Space; components: Component[]; hostable: HostableOption[]; errors?: FieldError[] | undefined; values?: Values }) {
  const { page, space, components, hostable, errors } = props;
  const { t } = page;
  const base = `/admin/spaces/${space.id}/components`;
  const typeName = (module: string) => {
    const d = hostable.find((h) => h.name === module)?.decl;
    return d ? t(d.title) : module;
  };
  const v = props.values ?? {};
  return (
    <SpaceAdminShell page={page} space={space} section="components" title={`${space.title}: ${t('spaces.admin.components')}`}>
      <ErrorSummary page={page} errors={errors} />
      <section aria-labelledby="components-heading">
        <h2 id="components-heading">{t('spaces.admin.components')}</h2>
        {components.length === 0 ? (
          <p>{t('spaces.admin.noComponents')}</p>
        ) : (
          <TableScroll label={t('spaces.admin.components')}>
            <table>
              <caption class="visually-hidden">{t('spaces.admin.components')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('spaces.field.componentTitle')}</th>
                  <th scope="col">{t('spaces.field.module')}</th>
                  <th scope="col">{t('spaces.admin.published')}</th>
                  <th scope="col">{t('spaces.admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {components.map((c) => {
                  const name = c.title || typeName(c.module);
                  return (
                    <tr>
                      <th scope="row">
                        <a href={`${base}/${c.id}`} aria-label={t('spaces.admin.edit', { name })}>
                          {name}
                        </a>
                      </th>
                      <td>{typeName(c.module)}</td>
                      <td>{c.published ? t('spaces.admin.yes') : t('spaces.admin.no')}</td>
                      <td class="row-actions">
                        <ActionButton page={page} action={`${base}/${c.id}/move`} fields={{ direction: 'up' }} label={t('spaces.admin.moveUp', { name })} />
                        <ActionButton page={page} action={`${base}/${c.id}/move`} fields={{ direction: 'down' }} label={t('spaces.admin.moveDown', { name })} />
                        <ActionButton page={page} action={`${base}/${c.id}/delete`} label={t('spaces.admin.delete', { name })} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="component-add-heading" class="narrow">
        <h2 id="component-add-heading">{t('spaces.admin.addComponent')}</h2>
        <form method="post" action={base} novalidate>
          <CsrfField page={page} />
          <SelectField name="module" label={t('spaces.field.module')} value={v.module} error={errorFor(errors, 'module')} options={hostable.map((h) => ({ value: h.name, label: t(h.decl.title) }))} />
          <Field name="title" label={t('spaces.field.componentTitle')} value={v.title} error={errorFor(errors, 'title')} maxLength={200} />
          <button type="submit">{t('spaces.admin.addComponent')}</button>
        </form>
      </section>
    </SpaceAdminShell>
  );
}

export function AdminComponentPage(props: { page: PageContext; space: Space; component: Component; decl: SpaceComponentDecl | undefined; errors?: FieldError[] | undefined; values?: Values }) {
  const { page, space, component, decl, errors } = props;
  const { t } = page;
  const name = component.title || (decl ? t(decl.title) : component.module);
  const setting = (n: string) => {
    const raw = component.settings[n] ?? decl?.settings?.find((s) => s.name === n)?.default;
    return raw;
  };
  const v: Values = props.values ?? {
    title: component.title,
    published: component.published ? 'on' : undefined,
    ...Object.fromEntries((decl?.settings ?? []).map((s) => [`s_${s.name}`, s.type === 'boolean' ? (setting(s.name) === true ? 'on' : undefined) : String(setting(s.name) ?? '')])),
  };
  return (
    <SpaceAdminShell page={page} space={space} section="components" title={t('spaces.admin.editComponent', { name })}>
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action={`/admin/spaces/${space.id}/components/${component.id}`} novalidate class="narrow">
        <CsrfField page={page} />
        <Field name="title" label={t('spaces.field.componentTitle')} value={v.title} error={errorFor(errors, 'title')} maxLength={200} />
        <Checkbox name="published" label={t('spaces.field.componentPublished')} checked={v.published === 'on'} />
        {decl?.settings?.length ? (
          <fieldset>
            <legend>{t('spaces.admin.componentSettings')}</legend>
            {decl.settings.map((s) =>
              s.type === 'boolean' ? (
                <Checkbox name={`s_${s.name}`} label={t(s.label)} checked={v[`s_${s.name}`] === 'on'} />
              ) : (
                <Field name={`s_${s.name}`} type={s.type === 'integer' ? 'number' : 'text'} label={t(s.label)} value={v[`s_${s.name}`]} error={errorFor(errors, `s_${s.name}`)} />
              ),
            )}
          </fieldset>
        ) : null}
        <button type="submit">{t('spaces.admin.save')}</button>
      </form>
    </SpaceAdminShell>
  );
}
