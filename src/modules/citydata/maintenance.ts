// Periodic upkeep, as a self-rebooking job (the queue has no cron): retention, hourly and daily aggregates of the recent hours, stale-device alerts and any work
// order a crash left unfiled. Every step is idempotent, so two app processes may both run it.
import type { AppContext } from '../../core/context.ts';
import { fileWorkOrders } from './rules/work-orders.ts';

export const MAINTENANCE_EVERY_MS = 5 * 60_000;
export const DEFAULT_RETENTION_DAYS = 400;

/** Empties the yearly partitions wholly older than the retention and deletes the older rows of the
 *  rest; partitions are truncated, never dropped, so every installation keeps the same tables. */
export async function applyRetention(ctx: AppContext, days: number, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const parts = await ctx.database.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
     where p.relname = 'citydata_readings' and c.relname ~ '^citydata_readings_[0-9]{4}$'`,
  );
  for (const { name } of parts) {
    const end = new Date(Date.UTC(Number(name.slice(-4)) + 1, 0, 1));
    if (end <= cutoff) await ctx.database.exec(`truncate ${name}`);
  }
  await ctx.database.query('delete from citydata_readings where observed_at < $1', [cutoff.toISOString()]);
  await ctx.database.query('delete from citydata_hourly where bucket < $1', [cutoff.toISOString()]);
  await ctx.database.query('delete from citydata_daily where bucket < $1', [cutoff.toISOString()]);
  await ctx.database.query(`delete from citydata_mqtt_seen where at < now() - interval '1 day'`);
}

/** Recomputes the hourly and daily aggregates of numeric readings since `since`. */
export async function rollUp(ctx: AppContext, since: Date): Promise<void> {
  const from = new Date(Math.floor(since.getTime() / 3_600_000) * 3_600_000).toISOString();
  await ctx.database.query(
    `insert into citydata_hourly (entity_id, attr, bucket, n, avg, min, max)
     select entity_id, attr, date_trunc('hour', observed_at), count(*), avg(num), min(num), max(num)
     from citydata_readings where observed_at >= $1 and num is not null group by 1, 2, 3
     on conflict (entity_id, attr, bucket) do update set n = excluded.n, avg = excluded.avg, min = excluded.min, max = excluded.max`,
    [from],
  );
  const dayFrom = `${from.slice(0, 10)}T00:00:00Z`;
  await ctx.database.query(
    `insert into citydata_daily (entity_id, attr, bucket, n, avg, min, max)
     select entity_id, attr, date_trunc('day', bucket, 'UTC'), sum(n), sum(avg * n) / sum(n), min(min), max(max)
     from citydata_hourly where bucket >= $1 group by 1, 2, 3
     on conflict (entity_id, attr, bucket) do update set n = excluded.n, avg = excluded.avg, min = excluded.min, max = excluded.max`,
    [dayFrom],
  );
}

/** Devices silent for longer than their group allows get one open stale alert; a reading clears it. */
export async function checkStale(ctx: AppContext): Promise<void> {
  await ctx.database.query(
    `insert into citydata_alerts (kind, entity_id, public)
     select 'stale', e.id, false from citydata_entities e join citydata_groups g on g.id = e.group_id
     where g.revoked_at is null and coalesce(e.last_seen_at, e.created_at) < now() - make_interval(mins => g.stale_after_minutes)
     on conflict do nothing`,
  );
  await ctx.database.query(
    `update citydata_alerts a set cleared_at = now() from citydata_entities e join citydata_groups g on g.id = e.group_id
     where a.kind = 'stale' and a.cleared_at is null and a.entity_id = e.id
       and e.last_seen_at >= now() - make_interval(mins => g.stale_after_minutes)`,
  );
}

export async function runMaintenance(ctx: AppContext): Promise<void> {
  const settings = await ctx.settings.get<{ retentionDays?: number }>('citydata', {});
  await applyRetention(ctx, settings.retentionDays ?? DEFAULT_RETENTION_DAYS);
  await rollUp(ctx, new Date(Date.now() - 2 * 3_600_000));
  await checkStale(ctx);
  await fileWorkOrders(ctx);
}

/** Books the next run; the dedupe key makes several processes agree on one job per slot. */
export async function bookMaintenance(ctx: AppContext, delayMs = MAINTENANCE_EVERY_MS): Promise<void> {
  const at = new Date(Math.ceil((Date.now() + delayMs) / MAINTENANCE_EVERY_MS) * MAINTENANCE_EVERY_MS);
  await ctx.jobs.enqueue('citydata.maintenance', {}, { runAt: at, dedupeKey: `citydata.maintenance:${at.toISOString()}` });
}
