// A labelled <select> with the same hint/error wiring as Field in ui/forms.tsx.
export interface SelectOption {
  value: string;
  label: string;
  lang?: string;
}

export function SelectField(p: { name: string; label: string; options: SelectOption[]; value?: string | undefined; hint?: string; error?: string | undefined; autocomplete?: string }) {
  const id = `f-${p.name}`;
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
      <select id={id} name={p.name} aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy} autocomplete={p.autocomplete}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === (p.value ?? '')} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
