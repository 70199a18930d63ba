// A server-drawn line chart of hourly averages (SVG, no script), with its figures also in a table
// next to it for screen readers and for copying.
import type { HourlyPoint } from '../queries.ts';

export function HourlyChart(props: { points: HourlyPoint[]; label: string }) {
  const w = 600;
  const h = 160;
  const pad = 24;
  const values = props.points.flatMap((p) => [p.min, p.max]);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const t0 = Date.parse(props.points[0]!.bucket);
  const t1 = Date.parse(props.points.at(-1)!.bucket);
  const x = (iso: string) => pad + ((Date.parse(iso) - t0) / (t1 - t0 || 1)) * (w - 2 * pad);
  const y = (v: number) => h - pad - ((v - lo) / span) * (h - 2 * pad);
  const line = props.points.map((p, i) => `${i ? 'L' : 'M'}${x(p.bucket).toFixed(1)},${y(p.avg).toFixed(1)}`).join(' ');
  const band = [...props.points.map((p) => `${x(p.bucket).toFixed(1)},${y(p.max).toFixed(1)}`), ...[...props.points].reverse().map((p) => `${x(p.bucket).toFixed(1)},${y(p.min).toFixed(1)}`)].join(' ');
  return (
    <svg class="chart" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={props.label}>
      <polygon points={band} class="chart-band" />
      <path d={line} class="chart-line" />
      {props.points.map((p) => (
        <circle cx={x(p.bucket).toFixed(1)} cy={y(p.avg).toFixed(1)} r="3" class="chart-dot" />
      ))}
    </svg>
  );
}
