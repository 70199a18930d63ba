// Form controls that carry their label, hint and error with the ARIA wiring screen readers need.
import type { FieldError } from '../http/problem.ts';
import type { PageContext } from './page-context.ts';

export function errorFor(errors: FieldError[] | undefined, name: string): string | undefined {
  return errors?.find((e) => e.field === name)?.reason;
}

export function CsrfField(props: { page: PageContext }) {
  return <input type="hidden" name="_csrf" value={props.page.csrf} />;
}

export function ErrorSummary(props: { page: PageContext; errors?: FieldError[] | undefined }) {
  if (!props.errors?.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>{props.page.t('form.errorsTitle')}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            <a href={`#f-${e.field}`}>{e.reason}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The ids a control's aria-describedby names: its hint and its error, when shown. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A control's hint and error paragraphs, with the ids describedBy names. */
export function FieldNotes(p: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {p.hint ? (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.error ? (
        <p class="error" id={`${p.id}-error`}>
          {p.error}
        </p>
      ) : null}
    </>
  );
}

interface FieldProps {
  name: string;
  label: string;
  type?: string;
  value?: string | undefined;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  autocomplete?: string;
  multiline?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
}

export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const common = {
    id,
    name: p.name,
    required: p.required,
    'aria-invalid': p.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, p.hint, p.error),
    autocomplete: p.autocomplete,
    minLength: p.minLength,
    maxLength: p.maxLength,
    min: p.min,
    max: p.max,
  };
  return (
    <div class={p.error ? 'field field-error' : 'field'}>
      <label for={id}>{p.label}</label>
      <FieldNotes id={id} hint={p.hint} error={p.error} />
      {p.multiline ? <textarea {...common} rows={5}>{p.value ?? ''}</textarea> : <input {...common} type={p.type ?? 'text'} value={p.value ?? ''} />}
    </div>
  );
}

export function Checkbox(p: { name: string; label: string; checked?: boolean; error?: string | undefined; value?: string }) {
  const id = `f-${p.name}`;
  return (
    <div class={p.error ? 'field field-error checkbox' : 'field checkbox'}>
      {p.error ? (
        <p class="error" id={`${id}-error`}>
          {p.error}
        </p>
      ) : null}
      <input type="checkbox" id={id} name={p.name} value={p.value ?? 'on'} checked={p.checked} aria-describedby={p.error ? `${id}-error` : undefined} />
      <label for={id}>{p.label}</label>
    </div>
  );
}
