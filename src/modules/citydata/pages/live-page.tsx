// The public live page: a summary per type, the sensor map (island), the latest values as a table
// (the no-JavaScript view, refreshed in place by the island) and the downloads.
import type { PageContext } from '../../../core/ui/page-context.ts';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import { ENTITY_TYPES } from '../model.ts';
import type { LiveItem, TypeSummary } from '../queries.ts';
import { formatReading } from './format.ts';
import { numberFormat } from '../../../core/i18n/intl-cache.ts';

export const CITYDATA_ISLAND = '/static/assets/citydata-map.js';
export const CITYDATA_STYLES = ['/static/assets/leaflet/leaflet.css'];

function summaryText(page: PageContext, s: TypeSummary): string {
  const { t } = page;
  const nf = numberFormat(page.locale === 'en' ? 'en-GB' : page.locale === 'hu' ? 'hu-HU' : 'ro-RO', { maximumFractionDigits: 1 });
  switch (s.type) {
    case 'ParkingSpot':
    case 'OffStreetParking':
      return t('citydata.stat.parking', { free: nf.format(s.figure), total: s.type === 'ParkingSpot' ? s.total : nf.format(s.capacity) });
    case 'WasteContainer':
      return t('citydata.stat.waste', { full: s.figure, total: s.total });
    case 'AirQualityObserved':
      return t('citydata.stat.air', { value: nf.format(s.figure) });
    case 'Streetlight':
      return t('citydata.stat.lights', { on: s.figure, total: s.total });
    case 'TrafficFlowObserved':
      return t('citydata.stat.traffic', { total: s.total });
    default:
      return t('citydata.stat.vehicles', { total: s.total });
  }
}

export function LiveRows(props: { page: PageContext; items: LiveItem[] }) {
  const { page } = props;
  return (
    <>
      {props.items.map((i) => (
        <tr data-urn={i.urn}>
          <th scope="row">
            <a href={`/citydata/entities/${encodeURIComponent(i.urn)}`}>{i.name}</a>
          </th>
          <td>{page.t(`citydata.type.${i.type}`)}</td>
          <td data-cell="value">{formatReading(page.t, page.locale, i.value, i.unit)}</td>
          <td data-cell="updated">
            <time dateTime={i.updatedAt}>{formatDateTime(page.locale, i.updatedAt)}</time>
          </td>
        </tr>
      ))}
    </>
  );
}

export function LivePage(props: { page: PageContext; type: string | undefined; summaries: TypeSummary[]; items: LiveItem[]; total: number }) {
  const { page } = props;
  const { t } = page;
  const q = props.type ? `?type=${encodeURIComponent(props.type)}` : '';
  return (
    <section aria-labelledby="citydata-heading">
      <h1 id="citydata-heading">{t('citydata.live.title')}</h1>
      <p class="lead">{t('citydata.live.lead')}</p>
      <section aria-labelledby="citydata-summary">
        <h2 id="citydata-summary">{t('citydata.live.summary')}</h2>
        <ul class="cards citydata-summary">
          {props.summaries.map((s) => (
            <li class="card">
              <h3>{t(`citydata.type.${s.type}`)}</h3>
              <p>{summaryText(page, s)}</p>
            </li>
          ))}
        </ul>
        <p>
          <a href="/citydata/alerts">{t('citydata.live.alertsLink')}</a>
        </p>
      </section>
      <form method="get" action="/citydata" class="filters" aria-label={t('citydata.live.filter')}>
        <div class="field">
          <label for="cd-type">{t('citydata.live.filter')}</label>
          <select id="cd-type" name="type">
            <option value="">{t('citydata.live.allTypes')}</option>
            {ENTITY_TYPES.map((type) => (
              <option value={type} selected={props.type === type}>
                {t(`citydata.type.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('citydata.live.show')}</button>
      </form>
      <div
        id="citydata-map"
        class="map"
        role="region"
        aria-label={t('citydata.live.map')}
        data-center-lat={String(page.city.center[0])}
        data-center-lng={String(page.city.center[1])}
        data-tiles={page.tileUrl || undefined}
        data-type={props.type}
        hidden
      ></div>
      <div class="table-scroll">
        <table id="citydata-latest">
          <caption>{t('citydata.live.latest')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('citydata.live.name')}</th>
              <th scope="col">{t('citydata.live.type')}</th>
              <th scope="col">{t('citydata.live.value')}</th>
              <th scope="col">{t('citydata.live.updated')}</th>
            </tr>
          </thead>
          <tbody>
            <LiveRows page={page} items={props.items} />
          </tbody>
        </table>
      </div>
      {props.items.length === 0 ? <p>{t('citydata.live.none')}</p> : null}
      {props.total > props.items.length ? <p>{t('citydata.live.more', { shown: props.items.length, total: props.total })}</p> : null}
      <section aria-labelledby="citydata-downloads">
        <h2 id="citydata-downloads">{t('citydata.live.downloads')}</h2>
        <ul>
          <li>
            <a href={`/citydata/latest.geojson${q}`}>{t('citydata.live.latestGeojson')}</a>
          </li>
          <li>
            <a href={`/citydata/latest.csv${q}`}>{t('citydata.live.latestCsv')}</a>
          </li>
          <li>
            <a href={`/citydata/hourly.geojson${q}`}>{t('citydata.live.hourlyGeojson')}</a>
          </li>
          <li>
            <a href={`/citydata/hourly.csv${q}`}>{t('citydata.live.hourlyCsv')}</a>
          </li>
        </ul>
        <p>{t('citydata.live.api', { url: '/ngsi-ld/v1/entities?type=WasteContainer' })}</p>
      </section>
    </section>
  );
}
