// One sensor: its attributes, and for each numeric attribute the last 24 hours as a chart and table.
// A vehicle's page shows its track on the map (island).
import type { PageContext } from '../../../core/ui/page-context.ts';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import type { EntityDetail, HourlyPoint } from '../queries.ts';
import { formatReading } from './format.ts';
import { HourlyChart } from './chart.tsx';
import { unitFor } from '../model.ts';

export function EntityPage(props: { page: PageContext; entity: EntityDetail; series: { attr: string; unit: string | null; points: HourlyPoint[] }[] }) {
  const { page, entity } = props;
  const { t } = page;
  const name = typeof entity.attrs.name?.value === 'string' ? entity.attrs.name.value : entity.urn;
  const fmt = (v: number, unit: string | null) => formatReading(t, page.locale, v, unit);
  return (
    <section aria-labelledby="entity-heading">
      <p>
        <a href="/citydata">{t('citydata.entity.back')}</a>
      </p>
      <h1 id="entity-heading">{name}</h1>
      <p class="muted">
        {t(`citydata.type.${entity.type}`)} · <code>{entity.urn}</code>
      </p>
      {entity.lat !== null && entity.lng !== null ? (
        <div
          id="citydata-map"
          class="map"
          role="region"
          aria-label={entity.type === 'Vehicle' ? t('citydata.entity.track') : t('citydata.live.map')}
          data-center-lat={String(entity.lat)}
          data-center-lng={String(entity.lng)}
          data-tiles={page.tileUrl || undefined}
          data-entity={entity.urn}
          data-track={entity.type === 'Vehicle' ? '1' : undefined}
          hidden
        ></div>
      ) : null}
      <div class="table-scroll">
        <table>
          <caption>{t('citydata.entity.attributes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('citydata.entity.attribute')}</th>
              <th scope="col">{t('citydata.live.value')}</th>
              <th scope="col">{t('citydata.entity.observedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(entity.attrs)
              .filter(([k, a]) => k !== 'location' && k !== 'name' && a.type === 'Property')
              .map(([k, a]) => (
                <tr>
                  <th scope="row">{k}</th>
                  <td>{formatReading(t, page.locale, a.value, typeof a.unitCode === 'string' ? a.unitCode : (unitFor(entity.type, k) ?? null))}</td>
                  <td>{typeof a.observedAt === 'string' ? <time dateTime={a.observedAt}>{formatDateTime(page.locale, a.observedAt)}</time> : '–'}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {props.series.map((s) => (
        <section aria-labelledby={`series-${s.attr}`}>
          <h2 id={`series-${s.attr}`}>{t('citydata.entity.chart', { attr: s.attr })}</h2>
          {s.points.length === 0 ? (
            <p>{t('citydata.entity.noHistory')}</p>
          ) : (
            <>
              {s.points.length > 1 ? (
                <HourlyChart
                  points={s.points}
                  label={`${t('citydata.entity.chart', { attr: s.attr })}. ${t('citydata.entity.chartSummary', {
                    min: fmt(Math.min(...s.points.map((p) => p.min)), s.unit),
                    max: fmt(Math.max(...s.points.map((p) => p.max)), s.unit),
                    avg: fmt(s.points.reduce((a, p) => a + p.avg * p.n, 0) / s.points.reduce((a, p) => a + p.n, 0), s.unit),
                  })}`}
                />
              ) : null}
              <div class="table-scroll">
                <table>
                  <caption>{t('citydata.entity.hourly', { attr: s.attr })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('citydata.entity.hour')}</th>
                      <th scope="col">{t('citydata.entity.avg')}</th>
                      <th scope="col">{t('citydata.entity.min')}</th>
                      <th scope="col">{t('citydata.entity.max')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.points.map((p) => (
                      <tr>
                        <th scope="row">
                          <time dateTime={p.bucket}>{formatDateTime(page.locale, p.bucket)}</time>
                        </th>
                        <td>{fmt(p.avg, s.unit)}</td>
                        <td>{fmt(p.min, s.unit)}</td>
                        <td>{fmt(p.max, s.unit)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      ))}
    </section>
  );
}
