// One question as plain form controls: every kind works without JavaScript, every control has a
// label, and a group of controls is a fieldset whose legend is the question. The first control of
// each question has the id `f-q<id>`, which the error summary links to.
import { ScrollRegion } from '../../../core/ui/bar-table.tsx';
import type { PageContext } from '../../../core/ui/page-context.ts';
import { fieldName, type FormBody } from '../answers.ts';
import { scalePoints, type Question } from '../questions.ts';

function values(body: FormBody, name: string): string[] {
  const v = body[name];
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function Legend(props: { page: PageContext; q: Question }) {
  return (
    <legend>
      {props.q.title}
      {props.q.required ? <span class="required"> ({props.page.t('surveys.required')})</span> : null}
    </legend>
  );
}

function Describe(props: { q: Question; hint?: string | undefined; error?: string | undefined }) {
  const id = `f-q${props.q.id}`;
  const hint = [props.q.help, props.hint].filter(Boolean).join(' ');
  return (
    <>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </>
  );
}

function describedBy(q: Question, hint: string | undefined, error: string | undefined): string | undefined {
  const id = `f-q${q.id}`;
  return [q.help || hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function QuestionInput(props: { page: PageContext; q: Question; body: FormBody; error?: string | undefined }) {
  const { page, q, body, error } = props;
  const { t } = page;
  const id = `f-q${q.id}`;
  const name = fieldName(q);
  const cls = error ? 'question field-error' : 'question';
  const invalid = error ? ('true' as const) : undefined;

  if (q.kind === 'short_text' || q.kind === 'long_text' || q.kind === 'number' || q.kind === 'date') {
    const hint =
      q.kind === 'number' && (q.settings.numberMin !== undefined || q.settings.numberMax !== undefined)
        ? t('surveys.hint.numberRange', { min: q.settings.numberMin ?? '−∞', max: q.settings.numberMax ?? '∞' })
        : q.kind === 'date'
          ? t('surveys.hint.date')
          : undefined;
    const common = { id, name, 'aria-describedby': describedBy(q, hint, error), 'aria-invalid': invalid, required: q.required };
    const value = values(body, name)[0] ?? '';
    return (
      <div class={`field ${cls}`}>
        <label for={id}>
          {q.title}
          {q.required ? <span class="required"> ({t('surveys.required')})</span> : null}
        </label>
        <Describe q={q} hint={hint} error={error} />
        {q.kind === 'long_text' ? (
          <textarea {...common} rows={5} maxLength={q.settings.maxLength}>
            {value}
          </textarea>
        ) : q.kind === 'number' ? (
          <input {...common} type="number" step={q.settings.integer ? '1' : 'any'} min={q.settings.numberMin} max={q.settings.numberMax} value={value} inputMode={q.settings.integer ? 'numeric' : 'decimal'} />
        ) : q.kind === 'date' ? (
          <input {...common} type="date" min={q.settings.dateMin} max={q.settings.dateMax} value={value} />
        ) : (
          <input {...common} type="text" maxLength={q.settings.maxLength} value={value} />
        )}
      </div>
    );
  }

  if (q.kind === 'single_choice' || q.kind === 'multiple_choice' || q.kind === 'scale') {
    const multiple = q.kind === 'multiple_choice';
    const options = q.kind === 'scale' ? scalePoints(q.settings).map((p) => ({ key: String(p), label: String(p) })) : q.choices;
    const chosen = values(body, name);
    const hint =
      q.kind === 'scale'
        ? q.settings.minLabel || q.settings.maxLabel
          ? t('surveys.hint.scale', { min: `${q.settings.scaleMin ?? 1} = ${q.settings.minLabel || '–'}`, max: `${q.settings.scaleMax ?? 5} = ${q.settings.maxLabel || '–'}` })
          : undefined
        : multiple && q.settings.maxChoices
          ? t('surveys.hint.maxChoices', { max: q.settings.maxChoices })
          : multiple
            ? t('surveys.hint.multiple')
            : undefined;
    return (
      <fieldset class={`${cls}${q.kind === 'scale' ? ' scale' : ''}`} aria-describedby={describedBy(q, hint, error)}>
        <Legend page={page} q={q} />
        <Describe q={q} hint={hint} error={error} />
        <div class={q.kind === 'scale' ? 'scale-options' : 'choice-options'}>
          {options.map((c, i) => {
            const cid = i === 0 ? id : `${id}-${c.key}`;
            return (
              <div class="choice">
                <input type={multiple ? 'checkbox' : 'radio'} id={cid} name={name} value={c.key} checked={chosen.includes(c.key)} aria-invalid={invalid} />
                <label for={cid}>{c.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    );
  }

  if (q.kind === 'matrix_single' || q.kind === 'matrix_multiple') {
    const multiple = q.kind === 'matrix_multiple';
    const hint = multiple ? t('surveys.hint.matrixMultiple') : t('surveys.hint.matrixSingle');
    return (
      <fieldset class={cls} aria-describedby={describedBy(q, hint, error)}>
        <Legend page={page} q={q} />
        <Describe q={q} hint={hint} error={error} />
        <ScrollRegion label={q.title}>
          <table class="matrix">
            <thead>
              <tr>
                <td></td>
                {q.choices.map((c) => (
                  <th scope="col">{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {q.rows.map((r, ri) => {
                const rowName = fieldName(q, r.key);
                const chosen = values(body, rowName);
                return (
                  <tr>
                    <th scope="row">{r.label}</th>
                    {q.choices.map((c, ci) => {
                      const cid = ri === 0 && ci === 0 ? id : `${id}-${r.key}-${c.key}`;
                      return (
                        <td>
                          <input type={multiple ? 'checkbox' : 'radio'} id={cid} name={rowName} value={c.key} checked={chosen.includes(c.key)} aria-invalid={invalid} />
                          <label for={cid} class="visually-hidden">
                            {`${r.label}: ${c.label}`}
                          </label>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      </fieldset>
    );
  }

  if (q.kind === 'ranking') {
    const hint = t('surveys.hint.ranking', { count: q.choices.length });
    return (
      <fieldset class={cls} aria-describedby={describedBy(q, hint, error)}>
        <Legend page={page} q={q} />
        <Describe q={q} hint={hint} error={error} />
        {q.choices.map((c, i) => {
          const cid = i === 0 ? id : `${id}-${c.key}`;
          const current = values(body, fieldName(q, c.key))[0] ?? '';
          return (
            <div class="field rank">
              <label for={cid}>{c.label}</label>
              <select id={cid} name={fieldName(q, c.key)} aria-invalid={invalid}>
                <option value="">{t('surveys.rank.none')}</option>
                {q.choices.map((_, r) => (
                  <option value={String(r + 1)} selected={current === String(r + 1)}>
                    {t('surveys.rank.place', { rank: r + 1 })}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </fieldset>
    );
  }

  // map_point: coordinates typed in (or copied from a map app); no script needed.
  const hint = t('surveys.hint.point');
  return (
    <fieldset class={cls} aria-describedby={describedBy(q, hint, error)}>
      <Legend page={page} q={q} />
      <Describe q={q} hint={hint} error={error} />
      <div class="coords">
        <div class="field">
          <label for={id}>{t('surveys.point.lat')}</label>
          <input type="text" inputMode="decimal" id={id} name={fieldName(q, 'lat')} value={values(body, fieldName(q, 'lat'))[0] ?? ''} aria-invalid={invalid} />
        </div>
        <div class="field">
          <label for={`${id}-lng`}>{t('surveys.point.lng')}</label>
          <input type="text" inputMode="decimal" id={`${id}-lng`} name={fieldName(q, 'lng')} value={values(body, fieldName(q, 'lng'))[0] ?? ''} aria-invalid={invalid} />
        </div>
      </div>
    </fieldset>
  );
}
