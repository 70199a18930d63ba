// Map island for the report pages (Leaflet). Without JavaScript the pages still work: the form
// takes an address and a district, and report pages print their coordinates.
import L from 'leaflet';

interface AreaFeature {
  type: 'Feature';
  properties: { kind: 'city' | 'district'; name: string };
  geometry: GeoJSON.MultiPolygon;
}

const el = document.getElementById('report-map');
if (el) void start(el);

async function start(el: HTMLElement): Promise<void> {
  el.hidden = false;
  const lang = document.documentElement.lang || 'ro';
  el.setAttribute('aria-label', el.dataset.label ?? (lang === 'en' ? 'Map' : lang === 'hu' ? 'Térkép' : 'Hartă'));
  const map = L.map(el, { zoomControl: true, attributionControl: !!el.dataset.tiles }).setView([Number(el.dataset.centerLat ?? 46.7712), Number(el.dataset.centerLng ?? 23.6236)], 13);
  if (el.dataset.tiles) L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution ?? '' }).addTo(map);
  try {
    const areas = (await (await fetch('/api/v1/areas.geojson')).json()) as { features: AreaFeature[] };
    const layer = L.geoJSON(areas as unknown as GeoJSON.FeatureCollection, {
      style: (f) => (f?.properties.kind === 'city' ? { color: '#0b4f8a', weight: 3, fill: false } : { color: '#4a4a4a', weight: 1, fillOpacity: 0.04 }),
      interactive: false,
    }).addTo(map);
    if (el.dataset.mode !== 'show') map.fitBounds(layer.getBounds());
  } catch {
    // Boundaries are a help, not a requirement.
  }
  if (el.dataset.mode === 'pick') pick(map);
  else if (el.dataset.mode === 'show') show(map, Number(el.dataset.lat), Number(el.dataset.lng));
  else browse(map, el.dataset.query ?? '');
}

function pick(map: L.Map): void {
  const lat = document.getElementById('f-lat') as HTMLInputElement | null;
  const lng = document.getElementById('f-lng') as HTMLInputElement | null;
  if (!lat || !lng) return;
  let marker: L.CircleMarker | undefined;
  const place = (p: L.LatLng) => {
    lat.value = p.lat.toFixed(6);
    lng.value = p.lng.toFixed(6);
    lat.dispatchEvent(new Event('change', { bubbles: true }));
    if (marker) marker.setLatLng(p);
    else marker = L.circleMarker(p, { radius: 10, color: '#a4161a', weight: 3 }).addTo(map);
  };
  if (lat.value && lng.value) place(L.latLng(Number(lat.value), Number(lng.value)));
  map.on('click', (e: L.LeafletMouseEvent) => place(e.latlng));
  if ('geolocation' in navigator) {
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'secondary';
    btn.textContent = document.documentElement.lang === 'en' ? 'Use my location' : document.documentElement.lang === 'hu' ? 'Saját helyzetem használata' : 'Folosește locația mea';
    btn.addEventListener('click', () =>
      navigator.geolocation.getCurrentPosition((pos) => {
        const p = L.latLng(pos.coords.latitude, pos.coords.longitude);
        place(p);
        map.setView(p, 17);
      }),
    );
    map.getContainer().after(btn);
  }
}

function show(map: L.Map, lat: number, lng: number): void {
  const p = L.latLng(lat, lng);
  L.circleMarker(p, { radius: 10, color: '#a4161a', weight: 3 }).addTo(map);
  map.setView(p, 17);
}

function browse(map: L.Map, query: string): void {
  const layer = L.layerGroup().addTo(map);
  let seq = 0;
  const load = async () => {
    const b = map.getBounds();
    const url = `/api/v1/reports/map?bbox=${[b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(',')}&zoom=${map.getZoom()}${query ? `&${query}` : ''}`;
    const mine = ++seq;
    const data = (await (await fetch(url)).json()) as { features: { geometry: { coordinates: [number, number] }; properties: { cluster: boolean; count?: number; id?: number; category?: string } }[] };
    if (mine !== seq) return;
    layer.clearLayers();
    for (const f of data.features) {
      const [x, y] = f.geometry.coordinates;
      if (f.properties.cluster) {
        const icon = L.divIcon({ className: 'cluster', html: String(f.properties.count), iconSize: [36, 36] });
        L.marker([y, x], { icon, title: String(f.properties.count), alt: String(f.properties.count) })
          .on('click', () => map.setView([y, x], map.getZoom() + 2))
          .addTo(layer);
      } else {
        L.circleMarker([y, x], { radius: 8, color: '#0b4f8a', weight: 2 })
          .bindPopup(`<a href="/reports/${f.properties.id}">#${f.properties.id} ${escapeHtml(f.properties.category ?? '')}</a>`)
          .addTo(layer);
      }
    }
  };
  map.on('moveend', () => void load());
  void load();
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
