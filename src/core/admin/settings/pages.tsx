import type { FieldError } from '../../http/problem.ts';
import type { PageContext } from '../../ui/page-context.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../ui/forms.tsx';
import { AdminShell, Select } from '../components.tsx';

const LANGUAGE_NAMES: Record<string, string> = { ro: 'Română', en: 'English', hu: 'Magyar' };

export function SettingsPage(props: { page: PageContext; values: Record<string, string | undefined>; modules: { name: string; title: string }[]; errors?: FieldError[] }) {
  const { page, values, errors } = props;
  const { t } = page;
  return (
    <AdminShell page={page} title={t('admin.settings.title')}>
      <ErrorSummary page={page} errors={errors} />
      <p>
        <a href="/admin/settings/modules">{t('admin.settings.modulesLink')}</a>
      </p>
      <form method="post" action="/admin/settings" novalidate class="narrow">
        <CsrfField page={page} />
        <fieldset>
          <legend>{t('admin.settings.city')}</legend>
          <Field name="name" label={t('admin.settings.name')} value={values.name} error={errorFor(errors, 'name')} required maxLength={120} />
          <Select
            name="defaultLocale"
            label={t('admin.settings.defaultLocale')}
            options={['ro', 'en', 'hu'].map((l) => ({ value: l, label: LANGUAGE_NAMES[l]! }))}
            value={values.defaultLocale}
            error={errorFor(errors, 'defaultLocale')}
            required
          />
          <Field name="contactEmail" type="email" label={t('admin.settings.contactEmail')} value={values.contactEmail} error={errorFor(errors, 'contactEmail')} required autocomplete="off" />
        </fieldset>
        <fieldset>
          <legend>{t('admin.settings.welcome')}</legend>
          <p class="hint">{t('admin.settings.welcomeHint')}</p>
          <Field name="welcomeRo" multiline label={t('admin.settings.welcomeRo')} value={values.welcomeRo} error={errorFor(errors, 'welcomeRo')} maxLength={500} />
          <Field name="welcomeEn" multiline label={t('admin.settings.welcomeEn')} value={values.welcomeEn} error={errorFor(errors, 'welcomeEn')} maxLength={500} />
          <Field name="welcomeHu" multiline label={t('admin.settings.welcomeHu')} value={values.welcomeHu} error={errorFor(errors, 'welcomeHu')} maxLength={500} />
        </fieldset>
        <fieldset>
          <legend>{t('admin.settings.map')}</legend>
          <Field name="centerLat" label={t('admin.settings.centerLat')} hint={t('admin.settings.centerLatHint')} value={values.centerLat} error={errorFor(errors, 'centerLat')} required />
          <Field name="centerLng" label={t('admin.settings.centerLng')} hint={t('admin.settings.centerLngHint')} value={values.centerLng} error={errorFor(errors, 'centerLng')} required />
          <Field name="zoom" type="number" label={t('admin.settings.zoom')} hint={t('admin.settings.zoomHint')} value={values.zoom} error={errorFor(errors, 'zoom')} required />
        </fieldset>
        <button type="submit">{t('form.save')}</button>
      </form>
      <section aria-labelledby="settings-modules-heading">
        <h2 id="settings-modules-heading">{t('admin.settings.modules')}</h2>
        <p class="hint">{t('admin.settings.modulesHint')}</p>
        {props.modules.length === 0 ? (
          <p>{t('admin.settings.noModules')}</p>
        ) : (
          <ul>
            {props.modules.map((m) => (
              <li>
                {m.title} <span class="muted">({m.name})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </AdminShell>
  );
}
