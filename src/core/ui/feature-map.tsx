import type { PageContext } from './page-context.ts';

/** `clusterLabel` names a numbered group of nearby points; `{count}` is replaced by their number. */
export interface LegendEntry {
  /** The value of the feature property `colourBy` this entry stands for. */
  value: string;
  colour: string;
  label: string;
  /** Drawn with a check mark, as the island draws features whose `selected` is true. */
  mark?: boolean;
}

/**
 * A map of GeoJSON points the feature-map island draws (Leaflet). The whole block stays hidden until
 * JavaScript runs, so without it the page's list is all there is; with it, the list next to the map
 * remains the text equivalent the note points to. The legend is also where the island reads each
 * value's colour and label from, so the colours live in one place.
 */
export function FeatureMap(props: { page: PageContext; id: string; heading?: string; src: string; colourBy: string; label: string; clusterLabel: string; note: string; legendLabel: string; legend: LegendEntry[] }) {
  const { page, id } = props;
  return (
    <div class="map-block" data-feature-map hidden>
      {props.heading ? <h2 id={`${id}-heading`}>{props.heading}</h2> : null}
      <div
        id={id}
        class="map"
        role="region"
        aria-label={props.label}
        aria-describedby={`${id}-note`}
        data-src={props.src}
        data-colour-by={props.colourBy}
        data-cluster-label={props.clusterLabel}
        data-center-lat={String(page.city.center[0])}
        data-center-lng={String(page.city.center[1])}
        data-tiles={page.tileUrl || undefined}
      ></div>
      <p id={`${id}-note`} class="muted">
        {props.note}
      </p>
      <ul class="map-legend" aria-label={props.legendLabel}>
        {props.legend.map((e) => (
          <li data-value={e.value} data-colour={e.colour}>
            <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <circle cx="12" cy="12" r="10" fill={e.colour} stroke="#ffffff" stroke-width="2" />
              {e.mark ? <path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="#ffffff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round" /> : null}
            </svg>{' '}
            <span>{e.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const FEATURE_MAP_ISLAND = '/static/assets/feature-map.js';
export const FEATURE_MAP_STYLES = ['/static/assets/leaflet/leaflet.css'];
