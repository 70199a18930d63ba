// The request mixes of the reports benchmark. Each list holds many different requests (bounding
// boxes panned around, pages, ids, filters, bodies); the load generator draws from it at random.
import sharp from 'sharp';
import type { CannonRequest } from './reports-cannon.ts';
import { multipart, type Part } from '../src/modules/reports/testing/fixtures.ts';
import { REPORTS_RO } from '../src/modules/reports/classifier/fixtures/reports-ro.ts';
import { CENTRE } from './reports-seed.ts';

/** The middle of the demo city's boundary. */
const CITY_MIDDLE: [number, number] = [23.611, 46.77];
const VIEWPORT_PX: [number, number] = [800, 600];

const r6 = (x: number) => x.toFixed(6);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

/** What a 800 × 600 px Leaflet map shows at `zoom` around a centre, as the map island asks for it. */
export function viewBox(centre: [number, number], zoom: number): [number, number, number, number] {
  const degPerPx = 360 / (256 * 2 ** zoom);
  const halfLng = (VIEWPORT_PX[0] / 2) * degPerPx;
  const halfLat = (VIEWPORT_PX[1] / 2) * degPerPx * Math.cos((centre[1] * Math.PI) / 180);
  return [centre[0] - halfLng, centre[1] - halfLat, centre[0] + halfLng, centre[1] + halfLat];
}

/** Ground size of a view in metres (east–west × north–south). */
export function viewMetres(b: [number, number, number, number]): [number, number] {
  const lat = ((b[1] + b[3]) / 2) * (Math.PI / 180);
  return [Math.round((b[2] - b[0]) * 111_320 * Math.cos(lat)), Math.round((b[3] - b[1]) * 110_574)];
}

function mapRequests(zoom: number, centre: [number, number], jitter: [number, number], count: number): CannonRequest[] {
  return Array.from({ length: count }, () => {
    const c: [number, number] = [centre[0] + (Math.random() * 2 - 1) * jitter[0], centre[1] + (Math.random() * 2 - 1) * jitter[1]];
    return { method: 'GET' as const, path: `/api/v1/reports/map?bbox=${viewBox(c, zoom).map(r6).join(',')}&zoom=${zoom}` };
  });
}

/** Zoomed in on the centre: a phone-sized view at zoom 17, panned up to ~460 m around Piața Unirii. */
export const zoomedInRequests = (count = 3000) => mapRequests(17, CENTRE, [0.006, 0.004], count);
/** The whole city at zoom 12 (the view holds all of it), panned by up to ~1.5 km. */
export const wholeCityRequests = (count = 3000) => mapRequests(12, CITY_MIDDLE, [0.02, 0.01], count);
export const WHOLE_CITY_CENTRE = CITY_MIDDLE;

/** The list, mostly its first pages, as people browse it. */
export function listRequests(count = 500): CannonRequest[] {
  return Array.from({ length: count }, () => ({ method: 'GET' as const, path: `/reports?page=${1 + Math.floor(10 * Math.random() ** 2)}` }));
}

/** The list filtered the way its form allows: a status, a category, a district, or several of them. */
export function filteredListRequests(categories: string[], districts: number[], count = 1000): CannonRequest[] {
  const statuses = ['open', 'new', 'in_progress', 'resolved', 'closed'];
  return Array.from({ length: count }, () => {
    const p = new URLSearchParams();
    const which = Math.floor(Math.random() * 7) + 1; // a non-empty subset of {status, category, district}
    if (which & 1) p.set('status', pick(statuses));
    if (which & 2) p.set('category', pick(categories));
    if (which & 4) p.set('district', String(pick(districts)));
    if (Math.random() < 0.3) p.set('page', String(2 + Math.floor(Math.random() * 3)));
    return { method: 'GET' as const, path: `/reports?${p.toString()}` };
  });
}

export function reportPageRequests(ids: number[]): CannonRequest[] {
  return ids.map((id) => ({ method: 'GET' as const, path: `/reports/${id}` }));
}

/** GeoReport v2 clients: the default window (last 90 days, 1000 a page) paged through, or one service. */
export function open311Requests(categories: string[], count = 500): CannonRequest[] {
  return Array.from({ length: count }, () =>
    Math.random() < 0.5
      ? { method: 'GET' as const, path: `/open311/v2/requests.json?page=${1 + Math.floor(Math.random() * 5)}` }
      : { method: 'GET' as const, path: `/open311/v2/requests.json?service_code=${encodeURIComponent(pick(categories))}&page=${1 + Math.floor(Math.random() * 2)}` },
  );
}

export interface SignedIn {
  cookie: string;
  csrf: string;
}

/** A phone photo: 4032 × 3024 with some texture, so the JPEG is as heavy to decode as a real one. */
export async function phonePhoto(): Promise<Buffer> {
  const w = 4032;
  const h = 3024;
  const noise = await sharp({ create: { width: w / 8, height: h / 8, channels: 3, background: '#777', noise: { type: 'gaussian', mean: 120, sigma: 50 } } }).png().toBuffer();
  return sharp(noise).resize(w, h, { kernel: 'cubic' }).jpeg({ quality: 88 }).toBuffer();
}

/**
 * The report form as a browser posts it (multipart, CSRF field first, the file input even when
 * empty), by one of the signed-in citizens, at a random place in the city. `tag` goes into the
 * description so the rows created by a run can be counted.
 */
export function postRequests(sessions: SignedIn[], categories: string[], tag: string, count: number, photo?: Buffer): CannonRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const who = sessions[i % sessions.length]!;
    const category = pick(categories);
    const texts = REPORTS_RO.filter((r) => r.code === category);
    const text = (texts.length ? pick(texts).text : 'Problemă semnalată de un cetățean.').slice(0, 3900);
    const lng = CITY_MIDDLE[0] + (Math.random() * 2 - 1) * 0.05;
    const lat = CITY_MIDDLE[1] + (Math.random() * 2 - 1) * 0.02;
    const parts: Part[] = [
      { name: '_csrf', value: who.csrf },
      { name: 'category', value: category },
      { name: 'lat', value: r6(lat) },
      { name: 'lng', value: r6(lng) },
      { name: 'address', value: `Str. Horea ${1 + (i % 90)}` },
      { name: 'district', value: '' },
      { name: 'description', value: `${text} [${tag}]` },
      photo ? { name: 'photos', value: photo, filename: 'IMG_2041.jpg', contentType: 'image/jpeg' } : { name: 'photos', value: Buffer.alloc(0), filename: '', contentType: 'application/octet-stream' },
    ];
    if (i % 3 === 0) parts.push({ name: 'showName', value: 'on' });
    const { body, contentType } = multipart(parts);
    return { method: 'POST' as const, path: '/reports', headers: { cookie: who.cookie, 'content-type': contentType }, body: body.toString('base64') };
  });
}
