import type { PageContext } from '../../../core/ui/page-context.ts';
import { MapContainer } from './map-container.tsx';
import type { FieldError } from '../../../core/http/problem.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import type { CategoryOption } from '../queries.ts';

export interface ReportFormValues {
  category?: string | undefined;
  lat?: string | undefined;
  lng?: string | undefined;
  address?: string | undefined;
  district?: string | undefined;
  description?: string | undefined;
  showName?: string | undefined;
  contactName?: string | undefined;
  contactEmail?: string | undefined;
}

export function ReportForm(props: { page: PageContext; categories: CategoryOption[]; districts: { id: number; name: string }[]; values?: ReportFormValues; errors?: FieldError[] }) {
  const { page, categories, districts, values = {}, errors } = props;
  const { t } = page;
  const groups = [...new Set(categories.map((c) => c.group))];
  const catError = errorFor(errors, 'category');
  const locError = errorFor(errors, 'location') ?? errorFor(errors, 'district');
  const photoError = errorFor(errors, 'photos');
  return (
    <section aria-labelledby="report-form-heading">
      <h1 id="report-form-heading">{t('reports.new')}</h1>
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action={`/reports?_csrf=${encodeURIComponent(page.csrf)}`} enctype="multipart/form-data" novalidate class="report-form">
        <div class={catError ? 'field field-error' : 'field'}>
          <label for="f-category">{t('reports.field.category')}</label>
          <p class="hint" id="f-category-hint">
            {t('reports.field.categoryHint')}
          </p>
          {catError ? (
            <p class="error" id="f-category-error">
              {catError}
            </p>
          ) : null}
          <select id="f-category" name="category" required aria-describedby={`f-category-hint${catError ? ' f-category-error' : ''}`} aria-invalid={catError ? 'true' : undefined}>
            <option value="">{t('reports.manage.choose')}</option>
            {groups.map((g) => (
              <optgroup label={g || t('reports.title')}>
                {categories
                  .filter((c) => c.group === g)
                  .map((c) => (
                    <option value={c.code} selected={values.category === c.code}>
                      {c.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <p class="hint" id="category-suggestion" aria-live="polite" data-label={t('reports.suggested', { category: '{category}' })}></p>
        </div>
        <fieldset id="f-location" aria-describedby={`location-hint${locError ? ' location-error' : ''}`}>
          <legend>{t('reports.field.location')}</legend>
          <p class="hint" id="location-hint">
            {t('reports.field.locationHint')}
          </p>
          {locError ? (
            <p class="error" id="location-error">
              {locError}
            </p>
          ) : null}
          <MapContainer page={page} mode="pick" />
          <div class="coords">
            <Field name="lat" type="text" label={t('reports.field.lat')} value={values.lat} />
            <Field name="lng" type="text" label={t('reports.field.lng')} value={values.lng} />
          </div>
          <Field name="address" label={t('reports.field.address')} value={values.address} maxLength={300} autocomplete="street-address" />
          <div class="field">
            <label for="f-district">{t('reports.field.district')}</label>
            <select id="f-district" name="district">
              <option value="">{t('reports.field.districtChoose')}</option>
              {districts.map((d) => (
                <option value={String(d.id)} selected={values.district === String(d.id)}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <Field name="description" label={t('reports.field.description')} hint={t('reports.field.descriptionHint')} value={values.description} error={errorFor(errors, 'description')} multiline required maxLength={4000} />
        <div id="nearby-reports" aria-live="polite" data-title={t('reports.nearby')} data-follow={t('reports.nearbyFollow')}></div>
        <div class={photoError ? 'field field-error' : 'field'}>
          <label for="f-photos">{t('reports.field.photos')}</label>
          <p class="hint" id="f-photos-hint">
            {t('reports.field.photosHint')}
          </p>
          {photoError ? (
            <p class="error" id="f-photos-error">
              {photoError}
            </p>
          ) : null}
          <input type="file" id="f-photos" name="photos" accept="image/*" multiple aria-describedby={`f-photos-hint${photoError ? ' f-photos-error' : ''}`} />
        </div>
        {page.actor.kind === 'anonymous' ? (
          <fieldset>
            <legend>{t('reports.field.contactEmail')}</legend>
            <p class="hint">{t('reports.field.contactHint')}</p>
            <Field name="contactName" label={t('reports.field.contactName')} value={values.contactName} error={errorFor(errors, 'email')} autocomplete="name" maxLength={80} />
            <Field name="contactEmail" type="email" label={t('reports.field.contactEmail')} value={values.contactEmail} autocomplete="email" maxLength={254} />
          </fieldset>
        ) : null}
        <Checkbox name="showName" label={t('reports.field.showName')} checked={values.showName === 'on'} />
        <button type="submit">{t('reports.submit')}</button>
      </form>
    </section>
  );
}
