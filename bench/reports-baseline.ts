// The floor for the reports benchmark: a bare node:http server running, for each read endpoint,
// the same SQL statements Dezvolt runs (copied from src/modules/reports/map-query.ts, queries.ts
// and open311/service-requests.ts, Romanian locale, anonymous visitor) on the same database, and
// answering JSON, or HTML built with template strings inside the same page shell Dezvolt sends.
// No framework, no request context, no components: what is left of Dezvolt's time above this is
// what routing, validation, sessions, i18n and rendering cost. reports-engine.ts checks that both
// servers return the same reports before measuring, so a query changed on one side cannot go unnoticed.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';

export type RawQuery = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/** Everything of a Dezvolt page around its <main> content: head, header, navigation, footer. */
export interface PageShell {
  head: string;
  tail: string;
}

const ISO = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const PUBLIC = `r.status <> 'unconfirmed' and r.hidden_at is null`;
const CLUSTER_BELOW_ZOOM = 16;
const STATUS_RO: Record<string, string> = {
  new: 'Nouă', acknowledged: 'Preluată', in_progress: 'În lucru', planned: 'Planificată', resolved: 'Rezolvată', rejected: 'Respinsă', closed: 'Închisă', unconfirmed: 'Neconfirmată',
};
const dateFormat = new Intl.DateTimeFormat('ro-RO', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Bucharest' });
const fmt = (iso: string) => dateFormat.format(new Date(iso));

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

const LEVELS = [10, 12, 14, 16];
const POINTS_MAX = 1000;
const cellOf = (deg: number, level: number) => Math.floor((deg * 2 ** level) / 90);
const columns = (x0: number, x1: number) => (x1 - x0 > 512 ? `m.cx between ${x0} and ${x1}` : `m.cx = any('{${Array.from({ length: x1 - x0 + 1 }, (_, i) => x0 + i).join(',')}}'::int[])`);
const cellWhere = (b: number[], level: number) =>
  `m.level = ${level} and ${columns(cellOf(b[0]!, level), cellOf(b[2]!, level))} and m.cy between ${cellOf(b[1]!, level)} and ${cellOf(b[3]!, level)} and m.n <> 0 and m.category_id = 0`;

async function mapApi(q: RawQuery, u: URL, res: ServerResponse): Promise<void> {
  const b = (u.searchParams.get('bbox') ?? '').split(',').map(Number);
  const zoom = Number(u.searchParams.get('zoom') ?? 13);
  if (b.length !== 4 || b.some((x) => !Number.isFinite(x))) return send(res, 400, 'application/json', '{"title":"bbox"}');
  type Feature = { type: 'Feature'; geometry: { type: 'Point'; coordinates: [number, number] }; properties: Record<string, unknown> };
  let features: Feature[];
  let level = LEVELS.find((l) => l >= zoom) ?? 16;
  let shift = level - zoom;
  let clustered = true;
  if (zoom >= CLUSTER_BELOW_ZOOM) {
    [level, shift] = [16, 0];
    const [inView] = await q<{ n: number }>(`select coalesce(sum(m.n), 0)::int as n from report_map_cells_live m where ${cellWhere(b, 16)}`);
    clustered = inView!.n > POINTS_MAX;
  }
  if (!clustered) {
    const rows = await q<{ id: number; status: string; category: string; lng: number; lat: number }>(
      `select r.id::int as id, r.status, c.name_ro as category, ST_X(r.location) as lng, ST_Y(r.location) as lat
       from reports r join categories c on c.id = r.category_id where ${PUBLIC} and r.location && ST_MakeEnvelope($1, $2, $3, $4, 4326)
       order by r.created_at desc limit ${POINTS_MAX}`,
      b,
    );
    features = rows.map((r) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [r.lng, r.lat] }, properties: { cluster: false, id: r.id, status: r.status, category: r.category } }));
  } else {
    const rows = await q<{ n: number; lng: number; lat: number }>(
      `select sum(m.n)::int as n, sum(m.sum_lng) / sum(m.n) as lng, sum(m.sum_lat) / sum(m.n) as lat
       from report_map_cells_live m where ${cellWhere(b, level)}
       group by m.cx >> ${shift}, m.cy >> ${shift} having sum(m.n) > 0 limit 5000`,
    );
    features = rows.map((r) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [r.lng, r.lat] }, properties: { cluster: true, count: r.n } }));
    const singles = features.filter((f) => f.properties['count'] === 1).slice(0, 500);
    if (singles.length) {
      const found = await q<{ k: number; id: number; status: string; category: string; lng: number; lat: number }>(
        `select v.k::int as k, x.id::int as id, x.status, x.category, x.lng, x.lat
         from unnest($1::float8[], $2::float8[]) with ordinality as v(x, y, k)
         cross join lateral (
           select r.id, r.status, c.name_ro as category, ST_X(r.location) as lng, ST_Y(r.location) as lat
           from reports r join categories c on c.id = r.category_id
           where ${PUBLIC} and r.location && ST_MakeEnvelope(v.x - 1e-7, v.y - 1e-7, v.x + 1e-7, v.y + 1e-7, 4326)
           limit 1
         ) x`,
        [singles.map((s) => s.geometry.coordinates[0]), singles.map((s) => s.geometry.coordinates[1])],
      );
      for (const r of found) {
        const s = singles[r.k - 1]!;
        s.geometry = { type: 'Point', coordinates: [r.lng, r.lat] };
        s.properties = { cluster: false, id: r.id, status: r.status, category: r.category };
      }
    }
  }
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ type: 'FeatureCollection', features }), { 'cache-control': 'public, max-age=15' });
}

async function listPage(q: RawQuery, shell: PageShell, u: URL, res: ServerResponse): Promise<void> {
  const status = u.searchParams.get('status') || undefined;
  const category = u.searchParams.get('category') || undefined;
  const district = Number(u.searchParams.get('district')) || undefined;
  const page = Math.max(1, Number(u.searchParams.get('page')) || 1);
  const params: unknown[] = [];
  const w = [PUBLIC];
  if (status === 'open') w.push(`r.status in ('new','acknowledged','in_progress','planned')`);
  else if (status) w.push(`r.status = $${params.push(status)}`);
  if (category) w.push(`r.category_id = (select id from categories where code = $${params.push(category)})`);
  if (district) w.push(`r.district_id = $${params.push(district)}`);
  const where = w.join(' and ');
  const tp: unknown[] = [];
  const tw = ['t.n <> 0'];
  if (status === 'open') tw.push(`t.status in ('new','acknowledged','in_progress','planned')`);
  else if (status) tw.push(`t.status = $${tp.push(status)}`);
  if (category) tw.push(`t.category_id = (select id from categories where code = $${tp.push(category)})`);
  if (district) tw.push(`t.district_id = $${tp.push(district)}`);
  const [count] = await q<{ n: number }>(`select coalesce(sum(t.n), 0)::int as n from report_tallies_live t where ${tw.join(' and ')}`, tp);
  const items = await q<{ id: number; status: string; category: string; district: string | null; title: string; createdAt: string }>(
    `select r.id::int as id, r.status, c.name_ro as category, c.code as "categoryCode", a.name as district,
            left(r.description_public, 120) as title, ${ISO('r.created_at')} as "createdAt",
            ST_Y(r.location) as lat, ST_X(r.location) as lng, r.address
     from (select r.id from reports r where ${where} order by ${category ? 'r.category_id, ' : district ? 'r.district_id, ' : ''}${status && status !== 'open' ? 'r.status, ' : ''}r.created_at desc, r.id desc limit 20 offset ${(page - 1) * 20}) k
     join reports r on r.id = k.id join categories c on c.id = r.category_id left join areas a on a.id = r.district_id
     order by r.created_at desc, r.id desc`,
    params,
  );
  const categories = await q<{ code: string; name: string }>(
    `select c.id, c.code, c.name_ro as name, coalesce(d.name, '') as group, coalesce(s.help_ro, '') as help
     from categories c left join departments d on d.id = c.department_id left join report_category_settings s on s.category_id = c.id
     where c.active order by d.name nulls last, c.name_ro`,
  );
  const districts = await q<{ id: number; name: string }>(`select id, name from areas where kind = 'district' order by name`);
  const total = count?.n ?? 0;
  const option = (value: string, label: string, selected: boolean) => `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;
  const query = new URLSearchParams([...(status ? [['status', status]] : []), ...(category ? [['category', category]] : []), ...(district ? [['district', String(district)]] : [])]);
  const pageLink = (n: number) => {
    const p = new URLSearchParams(query);
    p.set('page', String(n));
    return `/reports?${esc(p.toString())}`;
  };
  const body =
    `<section aria-labelledby="reports-heading"><h1 id="reports-heading">Sesizări</h1><p><a class="button" href="/reports/new">Trimite o sesizare</a></p>` +
    `<form method="get" action="/reports" class="filters" aria-label="Filtrează"><div class="field"><label for="flt-status">Stare</label><select id="flt-status" name="status"><option value="">Toate stările</option>` +
    Object.entries(STATUS_RO).filter(([s]) => s !== 'unconfirmed').map(([s, label]) => option(s, label, status === s)).join('') +
    `</select></div><div class="field"><label for="flt-category">Categorie</label><select id="flt-category" name="category"><option value="">Toate categoriile</option>` +
    categories.map((c) => option(c.code, c.name, category === c.code)).join('') +
    `</select></div><div class="field"><label for="flt-district">Cartier</label><select id="flt-district" name="district"><option value="">Toate cartierele</option>` +
    districts.map((d) => option(String(d.id), d.name, district === d.id)).join('') +
    `</select></div><button type="submit">Filtrează</button></form>` +
    `<div id="report-map" class="map" role="region" aria-label="Hartă" data-mode="browse" data-query="${esc(query.toString())}" hidden></div>` +
    `<p role="status">${total} sesizări</p><ol class="report-list">` +
    items
      .map(
        (r) =>
          `<li><a href="/reports/${r.id}">#${r.id} · ${esc(r.category)}</a> <span class="status status-${r.status}">${STATUS_RO[r.status]}</span><p>${esc(r.title)}</p>` +
          `<p class="muted"><time datetime="${r.createdAt}">${fmt(r.createdAt)}</time>${r.district ? ` · ${esc(r.district)}` : ''}</p></li>`,
      )
      .join('') +
    `</ol><nav aria-label="Sesizări" class="pager">${page > 1 ? `<a href="${pageLink(page - 1)}">Înapoi</a>` : ''}${page < Math.ceil(total / 20) ? `<a href="${pageLink(page + 1)}">Înainte</a>` : ''}</nav></section>`;
  send(res, 200, 'text/html; charset=utf-8', shell.head + body + shell.tail, { 'cache-control': 'no-store' });
}

async function reportPage(q: RawQuery, shell: PageShell, id: number, res: ServerResponse): Promise<void> {
  const [r] = await q<{
    id: number; status: string; outcome: string | null; category: string; department: string | null; district: string | null; lat: number; lng: number;
    address: string | null; descriptionPublic: string; reporterName: string | null; hidden: boolean; createdAt: string; photo_ids: number[] | null; followers: number;
  }>(
    `select r.id::int as id, r.status, r.outcome, r.reject_reason as "rejectReason", r.category_id as "categoryId",
            c.name_ro as category, c.code as "categoryCode", r.department_id as "departmentId", d.name as department,
            r.district_id as "districtId", a.name as district, ST_Y(r.location) as lat, ST_X(r.location) as lng, r.address,
            r.description_public as "descriptionPublic", r.description, r.reporter_id as "reporterId",
            case when r.show_name then coalesce(u.display_name, r.contact_name) end as "reporterName",
            r.hidden_at is not null as hidden, ${ISO('r.created_at')} as "createdAt",
            (select array_agg(p.id::int order by p.ordinal) from report_photos p where p.report_id = r.id and not p.hidden) as photo_ids,
            (select count(*)::int from report_followers f where f.report_id = r.id) as followers, r.fixed, r.rating
     from reports r join categories c on c.id = r.category_id left join departments d on d.id = r.department_id
       left join areas a on a.id = r.district_id left join users u on u.id = r.reporter_id and u.erased_at is null
     where r.id = $1`,
    [id],
  );
  if (!r || r.hidden || r.status === 'unconfirmed') return send(res, 404, 'text/html; charset=utf-8', shell.head + '<h1>Pagina nu există</h1>' + shell.tail);
  const updates = await q<{ kind: string; statusTo: string | null; body: string | null; public: boolean; at: string }>(
    `select ru.id::int as id, ru.kind, ru.status_to as "statusTo", coalesce(ru.body_public, ru.body) as body, ru.public, ru.details,
            u.display_name as author, ${ISO('ru.created_at')} as at
     from report_updates ru left join users u on u.id = ru.author_id
     where ru.report_id = $1 order by ru.created_at, ru.id`,
    [id],
  );
  const photos = r.photo_ids ?? [];
  const body =
    `<article aria-labelledby="report-heading" class="report"><h1 id="report-heading">Sesizarea #${r.id}: ${esc(r.category)}</h1>` +
    `<p><span class="status status-${r.status}">${STATUS_RO[r.status]}</span>${r.outcome ? ` Rezultat: ${esc(r.outcome)}` : ''}</p>` +
    `<p class="muted">Trimisă pe ${fmt(r.createdAt)}, ${esc(r.district ?? 'fără cartier')} de ${esc(r.reporterName ?? 'un cetățean')}${r.department ? ` · Departament: ${esc(r.department)}` : ''}</p>` +
    (r.address ? `<p>${esc(r.address)}</p>` : '') +
    `<p class="description">${esc(r.descriptionPublic)}</p>` +
    (photos.length
      ? `<section aria-labelledby="photos-heading"><h2 id="photos-heading">Fotografii</h2><ul class="photos">` +
        photos.map((pid, i) => `<li><a href="/reports/photos/${pid}.jpg"><img src="/reports/photos/${pid}/thumb.jpg" width="320" height="240" alt="Fotografia ${i + 1} a sesizării #${r.id}" loading="lazy"></a></li>`).join('') +
        `</ul></section>`
      : '') +
    `<section aria-labelledby="map-heading"><h2 id="map-heading">Hartă</h2><div id="report-map" class="map" role="region" aria-label="Hartă" data-mode="show" data-lat="${r.lat}" data-lng="${r.lng}" hidden></div>` +
    `<p class="muted">${r.lat.toFixed(5)}, ${r.lng.toFixed(5)}</p></section>` +
    `<details class="flag"><summary>Semnalează conținut nepotrivit</summary><form method="post" action="/reports/${r.id}/flag"><label for="flag-reason">Motiv</label><textarea id="flag-reason" name="reason" rows="3" maxlength="1000" required></textarea><button type="submit" class="secondary">Trimite semnalarea</button></form></details>` +
    `<section aria-labelledby="history-heading"><h2 id="history-heading">Istoric</h2><ol class="history">` +
    updates
      .filter((u) => u.public)
      .map(
        (u) =>
          `<li><p><time datetime="${u.at}">${fmt(u.at)}</time> — <strong>${u.kind === 'status' ? `Stare nouă: ${STATUS_RO[u.statusTo ?? ''] ?? ''}` : esc(u.kind)}</strong></p>` +
          (u.body ? `<p class="note">${esc(u.body)}</p>` : '') +
          `</li>`,
      )
      .join('') +
    `</ol></section></article>`;
  send(res, 200, 'text/html; charset=utf-8', shell.head + body + shell.tail, { 'cache-control': 'no-store' });
}

async function open311Requests(q: RawQuery, baseUrl: string, u: URL, res: ServerResponse): Promise<void> {
  const pageSize = Math.min(1000, Math.max(1, Number(u.searchParams.get('page_size')) || 1000));
  const page = Math.max(1, Number(u.searchParams.get('page')) || 1);
  const codes = (u.searchParams.get('service_code') ?? '').split(',').filter(Boolean);
  if (codes.length) {
    const known = await q<{ code: string }>('select code from categories where code = any($1::text[])', [codes]);
    if (known.length !== codes.length) return send(res, 400, 'application/json', '[{"code":400,"description":"service_code"}]');
  }
  const params: unknown[] = [];
  const where = [PUBLIC];
  if (codes.length) where.push(`c.code = any($${params.push(codes)}::text[])`);
  const end = new Date();
  const start = new Date(end.getTime() - 90 * 86400_000);
  where.push(`r.created_at >= $${params.push(start.toISOString())}::timestamptz`);
  where.push(`r.created_at <= $${params.push(end.toISOString())}::timestamptz`);
  const rows = await q<{
    id: number; status: string; statusNotes: string | null; serviceName: string; serviceCode: string; description: string; agency: string | null; sla: number | null;
    requested: string; updated: string; expected: string | null; address: string | null; lat: number; lng: number; photoId: number | null; mediaUrl: string | null; addressOnly: boolean;
  }>(
    `select r.id::int as id, r.status,
            (select ru.body_public from report_updates ru
              where ru.report_id = r.id and ru.kind = 'status' and ru.public order by ru.created_at desc, ru.id desc limit 1) as "statusNotes",
            c.name_ro as "serviceName", c.code as "serviceCode", r.description_public as description, d.name as agency,
            s.sla_resolve_days as sla, ${ISO('r.created_at')} as requested, ${ISO('r.updated_at')} as updated,
            case when s.sla_resolve_days is not null then ${ISO('(r.created_at + make_interval(days => s.sla_resolve_days))')} end as expected,
            r.address, ST_Y(r.location) as lat, ST_X(r.location) as lng,
            (select p.id::int from report_photos p where p.report_id = r.id and not p.hidden order by p.ordinal, p.id limit 1) as "photoId",
            od.media_url as "mediaUrl", coalesce(od.address_only, false) as "addressOnly"
     from reports r join categories c on c.id = r.category_id left join departments d on d.id = r.department_id
       left join report_category_settings s on s.category_id = r.category_id left join open311_request_details od on od.report_id = r.id
     where ${where.join(' and ')}
     order by r.created_at desc, r.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
    params,
  );
  const out = rows.map((r) => ({
    service_request_id: String(r.id),
    status: r.status === 'resolved' || r.status === 'rejected' || r.status === 'closed' ? 'closed' : 'open',
    status_notes: r.statusNotes,
    service_name: r.serviceName,
    service_code: r.serviceCode,
    description: r.description,
    agency_responsible: r.agency,
    service_notice: r.sla ? `Termenul de rezolvare pentru această categorie (în zile): ${r.sla}.` : null,
    requested_datetime: r.requested,
    updated_datetime: r.updated,
    expected_datetime: r.expected,
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: r.addressOnly ? null : r.lat,
    long: r.addressOnly ? null : r.lng,
    media_url: r.photoId ? `${baseUrl}/reports/photos/${r.photoId}.jpg` : r.mediaUrl,
  }));
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(out), { 'cache-control': 'no-store' });
}

export async function startBaseline(q: RawQuery, shell: PageShell, baseUrl: string): Promise<Server> {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://baseline');
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET only');
    if (u.pathname === '/api/v1/reports/map') return mapApi(q, u, res);
    if (u.pathname === '/reports') return listPage(q, shell, u, res);
    const m = /^\/reports\/(\d+)$/.exec(u.pathname);
    if (m) return reportPage(q, shell, Number(m[1]), res);
    if (u.pathname === '/open311/v2/requests.json') return open311Requests(q, baseUrl, u, res);
    send(res, 404, 'text/plain', 'not found');
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[baseline]', err);
      if (!res.headersSent) send(res, 500, 'text/plain', 'error');
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}
