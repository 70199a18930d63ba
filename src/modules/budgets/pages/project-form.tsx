import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import type { EditionView } from '../queries.ts';
import { formatMoney } from './format.ts';

export type ProjectFormValues = Partial<Record<'title' | 'description' | 'cost' | 'budget' | 'district' | 'category' | 'lat' | 'lng', string>>;

export function Select(props: { name: string; label: string; hint?: string; error?: string | undefined; value?: string | undefined; options: { value: string; label: string }[]; required?: boolean }) {
  const id = `f-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      <select id={id} name={props.name} required={props.required} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ProjectForm(props: { page: PageContext; edition: EditionView; districts: { id: number; name: string }[]; values?: ProjectFormValues; errors?: FieldError[] }) {
  const { page, edition } = props;
  const { t } = page;
  const v = props.values ?? {};
  const e = props.errors;
  return (
    <section aria-labelledby="propose-heading" class="narrow-form">
      <h1 id="propose-heading">{t('pb.project.proposeIn', { edition: edition.title })}</h1>
      <p>{t('pb.project.proposeIntro')}</p>
      <ErrorSummary page={page} errors={e} />
      <form method="post" action={`/budgets/editions/${edition.id}/propose`} novalidate>
        <CsrfField page={page} />
        <Field name="title" label={t('pb.project.title')} value={v.title} error={errorFor(e, 'title')} required maxLength={300} />
        <Field name="description" label={t('pb.project.description')} hint={t('pb.project.descriptionHint')} value={v.description} error={errorFor(e, 'description')} required multiline maxLength={4000} />
        <Select
          name="budget"
          label={t('pb.project.budget')}
          hint={t('pb.project.budgetHint')}
          value={v.budget}
          error={errorFor(e, 'budget')}
          required
          options={edition.budgets.map((b) => ({
            value: String(b.id),
            label: `${b.name} (${formatMoney(page.locale, b.amount, b.currency)}${b.maxProjectCost !== null ? `; ${t('pb.project.maxCost', { max: formatMoney(page.locale, b.maxProjectCost, b.currency) })}` : ''})`,
          }))}
        />
        <Field name="cost" label={t('pb.project.costEstimate')} hint={t('pb.project.costHint')} value={v.cost} error={errorFor(e, 'cost')} required />
        <Select
          name="district"
          label={t('pb.project.district')}
          hint={t('pb.project.districtHint')}
          value={v.district}
          error={errorFor(e, 'district')}
          options={[{ value: '', label: t('pb.project.cityWide') }, ...props.districts.map((d) => ({ value: String(d.id), label: d.name }))]}
        />
        {edition.categories.length ? (
          <Select
            name="category"
            label={t('pb.project.category')}
            value={v.category}
            error={errorFor(e, 'category')}
            options={[{ value: '', label: t('pb.project.noCategory') }, ...edition.categories.map((c) => ({ value: String(c.id), label: c.name }))]}
          />
        ) : null}
        <fieldset>
          <legend>{t('pb.project.location')}</legend>
          <p class="hint" id="f-location-hint">
            {t('pb.project.locationHint')}
          </p>
          {errorFor(e, 'location') ? (
            <p class="error" id="f-location">
              {errorFor(e, 'location')}
            </p>
          ) : null}
          <div class="coords">
            <Field name="lat" label={t('pb.project.lat')} value={v.lat} error={errorFor(e, 'lat')} />
            <Field name="lng" label={t('pb.project.lng')} value={v.lng} error={errorFor(e, 'lng')} />
          </div>
        </fieldset>
        <button type="submit">{t('pb.project.submit')}</button>
      </form>
    </section>
  );
}
