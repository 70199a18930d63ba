import type { PageContext } from '../../../core/ui/page-context.ts';

/** The element the map island turns into a Leaflet map; hidden until JavaScript runs. */
export function MapContainer(props: { page: PageContext; mode: 'pick' | 'show' | 'browse'; lat?: number; lng?: number; query?: string }) {
  const { page } = props;
  return (
    <div
      id="report-map"
      class="map"
      role="region"
      aria-label={page.t('reports.page.map')}
      data-mode={props.mode}
      data-center-lat={String(page.city.center[0])}
      data-center-lng={String(page.city.center[1])}
      data-tiles={page.tileUrl || undefined}
      data-lat={props.lat !== undefined ? String(props.lat) : undefined}
      data-lng={props.lng !== undefined ? String(props.lng) : undefined}
      data-query={props.query}
      hidden
    ></div>
  );
}

export const MAP_ISLAND = '/static/assets/report-map.js';
export const MAP_STYLES = ['/static/assets/leaflet/leaflet.css'];
