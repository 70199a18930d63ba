// Before anything is measured, Dezvolt and the baseline must return the same reports for the same
// requests; otherwise the ratio would compare different work. Returns a short description of what
// one answer holds, per endpoint, for the results table.
import type { CannonRequest } from './reports-cannon.ts';

const SAMPLES = 3;

async function get(origin: string, r: CannonRequest): Promise<{ status: number; body: string }> {
  const res = await fetch(origin + r.path, { headers: r.headers ?? {} });
  return { status: res.status, body: await res.text() };
}

const reportLinks = (html: string) => [...html.matchAll(/href="\/reports\/(\d+)"/g)].map((m) => Number(m[1]));
const notes = (html: string) => html.split('class="note"').length - 1;
const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length));

/** Throws on the first difference. */
export async function checkSameAnswers(dezvolt: string, baseline: string, mixes: CannonRequest[][]): Promise<string[]> {
  const details: string[] = [];
  for (const requests of mixes) {
    const sizes: number[] = [];
    let kind = '';
    for (const r of requests.slice(0, SAMPLES)) {
      const [d, b] = await Promise.all([get(dezvolt, r), get(baseline, r)]);
      const where = `${r.method} ${r.path}`;
      if (d.status !== 200 || b.status !== 200) throw new Error(`${where}: Dezvolt answered ${d.status}, the baseline ${b.status}`);
      if (r.path.startsWith('/api/v1/reports/map')) {
        // Cluster centres are averages; PostgreSQL's parallel aggregation may add in a different order,
        // so coordinates are compared to 1e-9 degrees (0.1 mm).
        const features = (body: string) =>
          (JSON.parse(body) as { features: unknown[] }).features.map((f) => JSON.stringify(f, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v))).sort();
        const [fd, fb] = [features(d.body), features(b.body)];
        if (fd.join('\n') !== fb.join('\n')) throw new Error(`${where}: Dezvolt and the baseline return different features (${fd.length} vs ${fb.length})`);
        const clusters = fd.filter((f) => f.includes('"cluster":true')).length;
        sizes.push(fd.length);
        kind = clusters ? 'features (clusters and single reports)' : 'reports';
      } else if (r.path.startsWith('/open311/')) {
        const ids = (body: string) => (JSON.parse(body) as { service_request_id: string }[]).map((x) => x.service_request_id).join(',');
        if (ids(d.body) !== ids(b.body)) throw new Error(`${where}: Dezvolt and the baseline return different service requests`);
        sizes.push(ids(d.body).split(',').length);
        kind = 'service requests';
      } else if (/^\/reports\/\d+$/.test(r.path)) {
        if (notes(d.body) !== notes(b.body)) throw new Error(`${where}: Dezvolt shows ${notes(d.body)} notes in the history, the baseline ${notes(b.body)}`);
        sizes.push(notes(d.body));
        kind = 'public notes in the history';
      } else {
        const [ld, lb] = [reportLinks(d.body), reportLinks(b.body)];
        if (ld.join(',') !== lb.join(',')) throw new Error(`${where}: Dezvolt lists reports ${ld.join(',')}, the baseline ${lb.join(',')}`);
        sizes.push(ld.length);
        kind = 'reports listed';
      }
    }
    details.push(`~${mean(sizes)} ${kind} per answer (same as the baseline)`);
  }
  return details;
}
