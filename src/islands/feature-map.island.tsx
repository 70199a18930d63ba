// Points from a GeoJSON address on a Leaflet map (proposals, budget projects), following report-map:
// the block is hidden until this runs, tiles only when the city configured a tile server, and the
// district boundaries drawn underneath so the map reads without tiles. Markers are keyboard-reachable
// (Tab, then Enter opens the popup with the link); the list or table beside the map says the same.
import L from 'leaflet';

interface Feature {
  geometry: { type: string; coordinates: [number, number] } | null;
  properties: Record<string, unknown> & { title?: string; url?: string; selected?: boolean };
}

const CHECK = '<path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="#ffffff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>';

for (const block of document.querySelectorAll<HTMLElement>('[data-feature-map]')) {
  const el = block.querySelector<HTMLElement>('.map');
  if (el) void start(block, el);
}

async function start(block: HTMLElement, el: HTMLElement): Promise<void> {
  block.hidden = false;
  const legend = new Map<string, { colour: string; label: string }>();
  for (const li of block.querySelectorAll<HTMLElement>('.map-legend li[data-value]')) {
    legend.set(li.dataset.value!, { colour: li.dataset.colour ?? '#0b4f8a', label: li.textContent?.trim() ?? '' });
  }
  const map = L.map(el, { zoomControl: true, attributionControl: !!el.dataset.tiles }).setView([Number(el.dataset.centerLat ?? 46.7712), Number(el.dataset.centerLng ?? 23.6236)], 13);
  if (el.dataset.tiles) L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution ?? '' }).addTo(map);
  let areaBounds: L.LatLngBounds | undefined;
  try {
    const areas = (await (await fetch('/api/v1/areas.geojson')).json()) as GeoJSON.FeatureCollection;
    const layer = L.geoJSON(areas, {
      style: (f) => (f?.properties?.kind === 'city' ? { color: '#0b4f8a', weight: 3, fill: false } : { color: '#4a4a4a', weight: 1, fillOpacity: 0.04 }),
      interactive: false,
    }).addTo(map);
    areaBounds = layer.getBounds();
  } catch {
    // Boundaries are a help, not a requirement.
  }
  const markers = L.featureGroup().addTo(map);
  try {
    const data = (await (await fetch(el.dataset.src ?? '')).json()) as { features?: Feature[] };
    const by = el.dataset.colourBy ?? 'state';
    for (const f of data.features ?? []) {
      if (f.geometry?.type !== 'Point') continue;
      const [lng, lat] = f.geometry.coordinates;
      const key = String(f.properties[by] ?? '');
      const { colour, label } = legend.get(key) ?? { colour: '#0b4f8a', label: key };
      const title = String(f.properties.title ?? '');
      const name = label ? `${title}: ${label}` : title;
      // 24 px targets (WCAG 2.5.8); the white ring keeps neighbouring points apart.
      const icon = L.divIcon({
        className: 'feature-marker',
        html: `<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="10" fill="${colour}" stroke="#ffffff" stroke-width="2"/>${f.properties.selected ? CHECK : ''}</svg>`,
        iconSize: [24, 24],
        iconAnchor: [12, 12],
        popupAnchor: [0, -10],
      });
      const marker = L.marker([lat, lng], { icon, title: name, keyboard: true, riseOnHover: true })
        .bindPopup(`<a href="${escapeHtml(String(f.properties.url ?? '#'))}">${escapeHtml(title)}</a>${label ? `<br>${escapeHtml(label)}` : ''}`)
        .addTo(markers);
      marker.getElement()?.setAttribute('aria-label', name);
    }
  } catch {
    // The list beside the map still has everything.
  }
  if (markers.getLayers().length) map.fitBounds(markers.getBounds(), { maxZoom: 16, padding: [24, 24] });
  else if (areaBounds?.isValid()) map.fitBounds(areaBounds);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
