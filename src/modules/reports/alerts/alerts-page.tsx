// /my/alerts: the person's alerts and two plain forms (a typed point with a radius, or a district),
// so subscribing needs no map and no JavaScript.
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import { formatNumber } from '../oversight/format.ts';
import { MAX_RADIUS_M, MIN_RADIUS_M, type AreaAlertView } from './alerts.ts';

export type AlertFormValues = Partial<Record<'lat' | 'lng' | 'radius' | 'district', string>>;

export function describeAlert(page: PageContext, a: AreaAlertView): string {
  const { t, locale } = page;
  if (a.kind === 'district') return t('reports.alerts.inDistrict', { district: a.district ?? '—' });
  return t('reports.alerts.aroundPoint', {
    radius: formatNumber(locale, a.radiusM),
    lat: (a.lat ?? 0).toFixed(5),
    lng: (a.lng ?? 0).toFixed(5),
  });
}

export function AlertsPage(props: { page: PageContext; alerts: AreaAlertView[]; districts: { id: number; name: string }[]; values?: AlertFormValues; errors?: FieldError[] | undefined }) {
  const { page, alerts, districts, errors } = props;
  const { t } = page;
  const values = props.values ?? {};
  const districtError = errorFor(errors, 'district');
  return (
    <section aria-labelledby="alerts-heading" class="alerts">
      <h1 id="alerts-heading">{t('reports.alerts.title')}</h1>
      <p class="lead">{t('reports.alerts.lead')}</p>
      <ErrorSummary page={page} errors={errors} />

      <section aria-labelledby="alerts-mine">
        <h2 id="alerts-mine">{t('reports.alerts.mine')}</h2>
        {alerts.length === 0 ? (
          <p>{t('reports.alerts.none')}</p>
        ) : (
          <ul class="alert-list">
            {alerts.map((a) => {
              const label = describeAlert(page, a);
              return (
                <li>
                  <span>{label}</span>
                  <form method="post" action={`/my/alerts/${a.id}/delete`} class="inline-form">
                    <CsrfField page={page} />
                    <button type="submit" class="secondary" aria-label={t('reports.alerts.deleteNamed', { alert: label })}>
                      {t('reports.alerts.delete')}
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="alerts-point">
        <h2 id="alerts-point">{t('reports.alerts.newPoint')}</h2>
        <form method="post" action="/my/alerts" class="narrow" novalidate>
          <CsrfField page={page} />
          <input type="hidden" name="kind" value="point" />
          <p class="hint">{t('reports.alerts.pointHint')}</p>
          <div class="coords">
            <Field name="lat" label={t('reports.field.lat')} value={values.lat} error={errorFor(errors, 'lat')} required maxLength={30} />
            <Field name="lng" label={t('reports.field.lng')} value={values.lng} error={errorFor(errors, 'lng')} required maxLength={30} />
          </div>
          <Field
            name="radius"
            type="number"
            label={t('reports.alerts.radius')}
            hint={t('reports.alerts.radiusHint', { min: MIN_RADIUS_M, max: MAX_RADIUS_M })}
            value={values.radius ?? '500'}
            error={errorFor(errors, 'radius')}
            required
          />
          <button type="submit">{t('reports.alerts.createPoint')}</button>
        </form>
      </section>

      <section aria-labelledby="alerts-district">
        <h2 id="alerts-district">{t('reports.alerts.newDistrict')}</h2>
        <form method="post" action="/my/alerts" class="narrow" novalidate>
          <CsrfField page={page} />
          <input type="hidden" name="kind" value="district" />
          <div class={districtError ? 'field field-error' : 'field'}>
            <label for="f-district">{t('reports.field.district')}</label>
            {districtError ? (
              <p class="error" id="f-district-error">
                {districtError}
              </p>
            ) : null}
            <select id="f-district" name="district" required aria-invalid={districtError ? 'true' : undefined} aria-describedby={districtError ? 'f-district-error' : undefined}>
              <option value="">{t('reports.field.districtChoose')}</option>
              {districts.map((d) => (
                <option value={String(d.id)} selected={values.district === String(d.id)}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('reports.alerts.createDistrict')}</button>
        </form>
      </section>
    </section>
  );
}
