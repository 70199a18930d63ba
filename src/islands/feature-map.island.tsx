// Points from a GeoJSON address on a Leaflet map (proposals, budget projects), following report-map:
// the block is hidden until this runs, tiles only when the city configured a tile server, and the
// district boundaries drawn underneath so the map reads without tiles. Markers are keyboard-reachable
// (Tab, then Enter opens the popup with the link; a numbered group zooms in); the list or table
// beside the map says the same.
import L from 'leaflet';

interface Feature {
  geometry: { type: string; coordinates: [number, number] } | null;
  properties: Record<string, unknown> & { title?: string; url?: string; selected?: boolean };
}

const MAX_ZOOM = 19;
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
  const map = L.map(el, { zoomControl: true, attributionControl: !!el.dataset.tiles, maxZoom: MAX_ZOOM }).setView([Number(el.dataset.centerLat ?? 46.7712), Number(el.dataset.centerLng ?? 23.6236)], 13);
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
  let points: Point[] = [];
  try {
    const data = (await (await fetch(el.dataset.src ?? '')).json()) as { features?: Feature[] };
    const by = el.dataset.colourBy ?? 'state';
    for (const f of data.features ?? []) {
      if (f.geometry?.type !== 'Point') continue;
      const [lng, lat] = f.geometry.coordinates;
      const key = String(f.properties[by] ?? '');
      const { colour, label } = legend.get(key) ?? { colour: '#0b4f8a', label: key };
      const title = String(f.properties.title ?? '');
      points.push({ at: L.latLng(lat, lng), colour, label, title, url: String(f.properties.url ?? '#'), selected: f.properties.selected === true });
    }
  } catch {
    points = [];
    // The list beside the map still has everything.
  }
  const layer = L.layerGroup().addTo(map);
  const clusterLabel = el.dataset.clusterLabel ?? '{count}';
  const draw = () => {
    layer.clearLayers();
    for (const group of groups(map, points)) {
      if (group.length === 1) marker(group[0]!).addTo(layer);
      else cluster(map, group, clusterLabel.replace('{count}', String(group.length))).addTo(layer);
    }
    for (const m of layer.getLayers()) {
      const e = (m as L.Marker).getElement();
      e?.setAttribute('aria-label', e.title);
    }
  };
  map.on('zoomend', draw);
  // No animation at start: the markers are placed once, at the zoom the page opens with.
  if (points.length) map.fitBounds(L.latLngBounds(points.map((p) => p.at)), { maxZoom: 16, padding: [24, 24], animate: false });
  else if (areaBounds?.isValid()) map.fitBounds(areaBounds, { animate: false });
  draw();
}

interface Point {
  at: L.LatLng;
  colour: string;
  label: string;
  title: string;
  url: string;
  selected: boolean;
}

/**
 * Points closer on screen than a marker's width are drawn as one numbered group, so no target
 * covers another (WCAG 2.5.8 asks for 24 px targets that do not overlap). Each group's anchor is at
 * least SPACING px from every other anchor.
 */
const SPACING = 34;

function groups(map: L.Map, points: Point[]): Point[][] {
  const anchors: { at: L.Point; members: Point[] }[] = [];
  for (const p of points) {
    const px = map.latLngToLayerPoint(p.at);
    const near = anchors.find((a) => a.at.distanceTo(px) < SPACING);
    if (near) near.members.push(p);
    else anchors.push({ at: px, members: [p] });
  }
  return anchors.map((a) => a.members);
}

function marker(p: Point): L.Marker {
  const name = p.label ? `${p.title}: ${p.label}` : p.title;
  const icon = L.divIcon({
    className: 'feature-marker',
    html: `<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="10" fill="${p.colour}" stroke="#ffffff" stroke-width="2"/>${p.selected ? CHECK : ''}</svg>`,
    iconSize: [24, 24],
    iconAnchor: [12, 12],
    popupAnchor: [0, -10],
  });
  return L.marker(p.at, { icon, title: name, keyboard: true, riseOnHover: true }).bindPopup(`<a href="${escapeHtml(p.url)}">${escapeHtml(p.title)}</a>${p.label ? `<br>${escapeHtml(p.label)}` : ''}`);
}

/** A numbered group: zooms in to separate its points, or lists them where zooming cannot. */
function cluster(map: L.Map, members: Point[], name: string): L.Marker {
  const bounds = L.latLngBounds(members.map((p) => p.at));
  const icon = L.divIcon({ className: 'cluster', html: String(members.length), iconSize: [32, 32] });
  const m = L.marker(members[0]!.at, { icon, title: name, keyboard: true });
  const target = Math.min(MAX_ZOOM, Math.max(map.getZoom() + 2, map.getBoundsZoom(bounds)));
  if (map.getZoom() >= MAX_ZOOM || bounds.getNorthEast().equals(bounds.getSouthWest())) {
    m.bindPopup(`<ul class="map-popup-list">${members.map((p) => `<li><a href="${escapeHtml(p.url)}">${escapeHtml(p.title)}</a>${p.label ? ` (${escapeHtml(p.label)})` : ''}</li>`).join('')}</ul>`);
  } else {
    const zoom = () => map.setView(bounds.getCenter(), target);
    m.on('click', zoom).on('keypress', (e: L.LeafletKeyboardEvent) => {
      if (e.originalEvent.key === 'Enter') zoom();
    });
  }
  return m;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
