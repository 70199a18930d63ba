// Form controls the core form kit lacks: a labelled select, a group of checkboxes, and a one-button
// form for row actions in admin tables.
import type { PageContext } from '../../../core/ui/page-context.ts';
import { CsrfField } from '../../../core/ui/forms.tsx';

export function SelectField(p: { name: string; label: string; options: { value: string; label: string }[]; value?: string | undefined; hint?: string; error?: string | undefined; id?: string }) {
  const id = p.id ?? `f-${p.name}`;
  const describedBy = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'field field-error' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.error ? (
        <p class="error" id={`${id}-error`}>
          {p.error}
        </p>
      ) : null}
      <select id={id} name={p.name} aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === (p.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxGroup(p: { legend: string; items: { name: string; label: string; checked: boolean }[] }) {
  return (
    <fieldset class="field">
      <legend>{p.legend}</legend>
      {p.items.map((i) => (
        <div class="checkbox">
          <input type="checkbox" id={`f-${i.name}`} name={i.name} value="on" checked={i.checked} />
          <label for={`f-${i.name}`}>{i.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A POST form with one button; `label` is the accessible name (it says what the row action does). */
export function ActionButton(p: { page: PageContext; action: string; label: string; text?: string; fields?: Record<string, string>; secondary?: boolean }) {
  return (
    <form method="post" action={p.action} class="inline-form">
      <CsrfField page={p.page} />
      {Object.entries(p.fields ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button type="submit" class={p.secondary === false ? undefined : 'secondary'} aria-label={p.text ? p.label : undefined}>
        {p.text ?? p.label}
      </button>
    </form>
  );
}
