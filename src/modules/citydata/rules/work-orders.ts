// Work orders: a triggered work-order rule files a report in the reports module (routed like any
// report, e.g. waste.uncollected → Salubritate). It runs after the readings commit, since filing a
// report is its own transaction; the idempotency key makes a retry after a crash return the same report.
import type { AppContext } from '../../../core/context.ts';
import { ANONYMOUS } from '../../../core/auth/actor.ts';
import { submitReport } from '../../reports/commands/submit.ts';

interface Pending {
  rule_id: number;
  entity_id: number;
  since: string;
  value: number;
  category_code: string;
  rule_name: string;
  urn: string;
  name: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
}

let running: Promise<number> | undefined;

/** Files the reports of triggered work-order rules that have none yet. Returns how many were filed. */
export function fileWorkOrders(ctx: AppContext): Promise<number> {
  // One pass at a time per process: a second caller waits for the running pass and then looks again.
  const next = (running ?? Promise.resolve(0)).then(() => filePending(ctx));
  running = next.catch(() => 0);
  return next;
}

async function filePending(ctx: AppContext): Promise<number> {
  if (!ctx.modules.some((m) => m.name === 'reports')) return 0;
  const pending = await ctx.database.query<Pending>(
    `select s.rule_id, s.entity_id, s.since::text as since, s.value, r.category_code, r.name as rule_name, e.urn,
            coalesce(e.attrs->'name'->>'value', e.urn) as name, e.attrs->'address'->'value'->>'streetAddress' as address,
            ST_X(ST_PointOnSurface(e.location)) as lng, ST_Y(ST_PointOnSurface(e.location)) as lat
     from citydata_rule_states s join citydata_rules r on r.id = s.rule_id join citydata_entities e on e.id = s.entity_id
     where s.triggered and s.report_id is null and s.work_order_error is null and r.action = 'work_order'
     order by s.since limit 100`,
  );
  let filed = 0;
  const t = ctx.catalog.translator('ro');
  for (const p of pending) {
    const [category] = await ctx.database.query<{ id: number }>('select id from categories where code = $1 and active', [p.category_code]);
    const outcome =
      category && p.lng !== null && p.lat !== null
        ? await submitReport(ctx, ANONYMOUS, {
            categoryId: category.id,
            point: { lng: p.lng, lat: p.lat },
            address: p.address ?? undefined,
            description: t('citydata.workOrder.text', { name: p.name, rule: p.rule_name, value: formatValue(p.value) }),
            showName: false,
            photos: [],
            source: 'open311',
            deviceId: p.urn,
            idempotencyKey: `citydata:${p.rule_id}:${p.entity_id}:${p.since}`,
          })
        : ({ kind: 'invalid', errors: [{ field: 'category', reason: category ? 'no location' : `no active category ${p.category_code}` }] } as const);
    if (outcome.kind === 'invalid') {
      await ctx.database.query('update citydata_rule_states set work_order_error = $3 where rule_id = $1 and entity_id = $2', [
        p.rule_id,
        p.entity_id,
        outcome.errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
      ]);
      continue;
    }
    await ctx.database.query('update citydata_rule_states set report_id = $3 where rule_id = $1 and entity_id = $2 and triggered and since = $4::timestamptz', [
      p.rule_id,
      p.entity_id,
      outcome.id,
      p.since,
    ]);
    filed++;
  }
  return filed;
}

function formatValue(v: number): string {
  return v <= 1 && v >= 0 ? `${Math.round(v * 100)} %` : String(Math.round(v * 100) / 100);
}
