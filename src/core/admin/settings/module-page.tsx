import type { FieldError } from '../../http/problem.ts';
import type { PageContext } from '../../ui/page-context.ts';
import { CsrfField, ErrorSummary, Field, FieldNotes, describedBy, errorFor } from '../../ui/forms.tsx';
import { AdminShell, Select } from '../components.tsx';
import { boundsText, clearName, type FormValue, type SettingField, type SettingsSection } from './module-fields.ts';

export interface ModuleSettingsView {
  sections: SettingsSection[];
  values: Record<string, FormValue>;
  /** Field names of secrets that have a stored value. */
  storedSecrets: Set<string>;
  /** Hint keys the catalogs have (a hint is optional, a label is not). */
  hints: Set<string>;
  errors?: FieldError[] | undefined;
}

export function ModuleSettingsPage(props: { page: PageContext; view: ModuleSettingsView }) {
  const { page, view } = props;
  const { t } = page;
  return (
    <AdminShell page={page} title={t('admin.moduleSettings.title')} crumbs={[{ href: '/admin/settings', label: t('admin.settings.title') }]}>
      <ErrorSummary page={page} errors={view.errors} />
      <p>{t('admin.moduleSettings.intro')}</p>
      <form method="post" action="/admin/settings/modules" novalidate class="narrow">
        <CsrfField page={page} />
        {view.sections.map((s) => (
          <fieldset>
            <legend>{t(s.title)}</legend>
            {s.fields.map((f) => (
              <SettingControl page={page} field={f} view={view} />
            ))}
          </fieldset>
        ))}
        <button type="submit">{t('form.save')}</button>
      </form>
    </AdminShell>
  );
}

function hintOf(page: PageContext, f: SettingField, view: ModuleSettingsView): string | undefined {
  const parts = [view.hints.has(f.hint) ? page.t(f.hint) : '', f.kind === 'integer' || f.kind === 'number' ? boundsText(f, page.t) : ''];
  if (f.kind === 'secret') parts.push(page.t(view.storedSecrets.has(f.name) ? 'admin.moduleSettings.secretStored' : 'admin.moduleSettings.secretNone'));
  return parts.filter(Boolean).join(' ') || undefined;
}

function SettingControl(props: { page: PageContext; field: SettingField; view: ModuleSettingsView }) {
  const { page, field: f, view } = props;
  const { t } = page;
  const error = errorFor(view.errors, f.name);
  const hint = hintOf(page, f, view);
  const value = view.values[f.name];
  switch (f.kind) {
    case 'choice': {
      const current = typeof value === 'string' ? value : '';
      const options = f.options.map((o) => ({ value: o.value, label: t(o.label) }));
      // A value stored some other way is shown as it is rather than silently replaced on save.
      if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: current });
      return <Select name={f.name} label={t(f.label)} options={options} value={current} hint={hint} error={error} required />;
    }
    case 'choices':
      return <CheckboxGroup page={page} field={f} checked={Array.isArray(value) ? value : []} hint={hint} error={error} />;
    case 'boolean':
      return <BooleanField field={f} label={t(f.label)} checked={value === true} hint={hint} error={error} />;
    case 'secret':
      return (
        <>
          {/* Never filled in: the stored secret stays on the server. */}
          <Field name={f.name} type="password" label={t(f.label)} hint={hint} error={error} autocomplete="new-password" maxLength={f.maxLength} />
          {view.storedSecrets.has(f.name) ? <BooleanField field={{ ...f, name: clearName(f) }} label={t('admin.moduleSettings.secretClear', { label: t(f.label) })} checked={false} /> : null}
        </>
      );
    case 'integer':
    case 'number':
      return <Field name={f.name} type="number" label={t(f.label)} hint={hint} error={error} value={typeof value === 'string' ? value : ''} min={f.min} max={f.max} required />;
    default:
      return <Field name={f.name} label={t(f.label)} hint={hint} error={error} value={typeof value === 'string' ? value : ''} maxLength={f.maxLength} />;
  }
}


/** Several choices: a fieldset of checkboxes, the first one carrying `f-<name>` so the error summary can point at it. */
function CheckboxGroup(props: { page: PageContext; field: SettingField; checked: string[]; hint?: string | undefined; error?: string | undefined }) {
  const { field: f, page } = props;
  const id = `f-${f.name}`;
  return (
    <fieldset class={props.error ? 'field field-error' : 'field'} aria-describedby={describedBy(id, props.hint, props.error)}>
      <legend>{page.t(f.label)}</legend>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
      {f.options.map((o, i) => {
        const optionId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <div class="field checkbox">
            <input type="checkbox" id={optionId} name={f.name} value={o.value} checked={props.checked.includes(o.value)} aria-invalid={props.error ? 'true' : undefined} />
            <label for={optionId}>{page.t(o.label)}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

function BooleanField(props: { field: Pick<SettingField, 'name'>; label: string; checked: boolean; hint?: string | undefined; error?: string | undefined }) {
  const id = `f-${props.field.name}`;
  return (
    <div class={props.error ? 'field field-error checkbox' : 'field checkbox'}>
      {props.error ? (
        <p class="error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      <input type="checkbox" id={id} name={props.field.name} value="true" checked={props.checked} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint, props.error)} />
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
