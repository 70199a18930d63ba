// Live sensor map for the city data pages (Leaflet + server-sent events), following the pattern of
// report-map: without JavaScript the page keeps its server-rendered table of latest values.
import L from 'leaflet';

type Compact = [string, string, string, string, number | null, number | null, number | string | null, string];

const PRIMARY: Record<string, string> = {
  ParkingSpot: 'status', OffStreetParking: 'availableSpotNumber', WasteContainer: 'fillingLevel', AirQualityObserved: 'pm10',
  Streetlight: 'powerState', TrafficFlowObserved: 'intensity', Vehicle: 'speed',
};

function colour(type: string, v: unknown): string {
  switch (type) {
    case 'WasteContainer':
      return typeof v === 'number' ? (v >= 0.8 ? '#a4161a' : v >= 0.5 ? '#b35c00' : '#1e7b34') : '#4a4a4a';
    case 'ParkingSpot':
      return v === 'free' ? '#1e7b34' : '#a4161a';
    case 'OffStreetParking':
      return typeof v === 'number' && v < 10 ? '#a4161a' : '#1e7b34';
    case 'AirQualityObserved':
      return typeof v === 'number' ? (v > 50 ? '#a4161a' : v > 20 ? '#b35c00' : '#1e7b34') : '#4a4a4a';
    case 'Streetlight':
      return v === 'on' ? '#8a6d00' : '#4a4a4a';
    case 'Vehicle':
      return '#0b4f8a';
    default:
      return '#5b2a86';
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const el = document.getElementById('citydata-map');
if (el) void start(el);

async function start(el: HTMLElement): Promise<void> {
  el.hidden = false;
  const map = L.map(el, { attributionControl: !!el.dataset.tiles }).setView([Number(el.dataset.centerLat ?? 46.7712), Number(el.dataset.centerLng ?? 23.6236)], el.dataset.entity ? 16 : 13);
  if (el.dataset.tiles) L.tileLayer(el.dataset.tiles, { maxZoom: 19 }).addTo(map);
  if (el.dataset.entity) return showEntity(map, el.dataset.entity, el.dataset.track === '1');
  const type = el.dataset.type ?? '';
  const markers = new Map<string, L.CircleMarker>();
  const place = (urn: string, t: string, name: string, text: string, lng: number | null, lat: number | null, raw: unknown) => {
    if (lng === null || lat === null) return;
    const popup = `<a href="/citydata/entities/${encodeURIComponent(urn)}">${escapeHtml(name)}</a><br>${escapeHtml(text)}`;
    const m = markers.get(urn);
    if (m) {
      m.setLatLng([lat, lng]).setStyle({ color: colour(t, raw), fillColor: colour(t, raw) }).setPopupContent(popup);
    } else {
      markers.set(urn, L.circleMarker([lat, lng], { radius: 7, weight: 2, color: colour(t, raw), fillColor: colour(t, raw), fillOpacity: 0.7 }).bindPopup(popup).addTo(map));
    }
  };
  const data = (await (await fetch(`/citydata/latest.geojson${type ? `?type=${encodeURIComponent(type)}` : ''}`)).json()) as {
    features: { id: string; geometry: { type: string; coordinates: [number, number] } | null; properties: Record<string, unknown> & { type: string } }[];
  };
  for (const f of data.features) {
    if (f.geometry?.type !== 'Point') continue;
    const t = f.properties.type;
    const raw = f.properties[PRIMARY[t] ?? ''];
    place(f.id, t, String(f.properties.name ?? f.id), raw === undefined ? '' : String(raw), f.geometry.coordinates[0], f.geometry.coordinates[1], raw);
  }
  if (markers.size) map.fitBounds(L.featureGroup([...markers.values()]).getBounds(), { maxZoom: 15 });
  if (!('EventSource' in window)) return;
  const source = new EventSource(`/citydata/stream${type ? `?type=${encodeURIComponent(type)}` : ''}`);
  source.addEventListener('state', (e) => {
    for (const [urn, t, name, text, lng, lat, raw, at] of JSON.parse((e as MessageEvent<string>).data) as Compact[]) {
      place(urn, t, name, text, lng, lat, raw);
      const row = document.querySelector(`tr[data-urn="${CSS.escape(urn)}"]`);
      const cell = row?.querySelector('[data-cell="value"]');
      if (cell) cell.textContent = text;
      const time = row?.querySelector('[data-cell="updated"] time');
      if (time) {
        time.setAttribute('datetime', at);
        time.textContent = new Date(at).toLocaleString(document.documentElement.lang || 'ro');
      }
    }
  });
}

async function showEntity(map: L.Map, urn: string, track: boolean): Promise<void> {
  const res = await fetch(`/ngsi-ld/v1/entities/${encodeURIComponent(urn)}?options=keyValues`);
  if (!res.ok) return;
  const e = (await res.json()) as { location?: { type: string; coordinates: [number, number] } };
  if (e.location?.type === 'Point') L.circleMarker([e.location.coordinates[1], e.location.coordinates[0]], { radius: 9, color: '#0b4f8a', weight: 3 }).addTo(map);
  if (!track) return;
  const since = new Date(Date.now() - 3 * 3_600_000).toISOString();
  const t = await fetch(`/ngsi-ld/v1/temporal/entities/${encodeURIComponent(urn)}?attrs=location&timerel=after&timeAt=${since}&options=temporalValues`);
  if (!t.ok) return;
  const body = (await t.json()) as { location?: { values: [{ type: string; coordinates: [number, number] }, string][] } };
  const points = (body.location?.values ?? []).filter(([g]) => g.type === 'Point').map(([g]) => L.latLng(g.coordinates[1], g.coordinates[0]));
  if (points.length > 1) {
    const line = L.polyline(points, { color: '#0b4f8a', weight: 4 }).addTo(map);
    map.fitBounds(line.getBounds(), { maxZoom: 16 });
  }
}
