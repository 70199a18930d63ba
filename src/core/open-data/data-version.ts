// A dataset's version kept by its module as counter slots (table: slot, n, changed_at), bumped by
// statement-level triggers in the writers' own transactions (reports and proposals migrations say
// why slots). Reading it costs a scan of 16 rows whatever the size of the dataset.
import type { AppContext } from '../context.ts';
import type { OpenDataVersion } from '../modules/manifest.ts';

/**
 * The sum of the slots is the tag: it grows with every committed change and is never seen before
 * the change is, so the ETag is exact. The newest bump time only dates the file (Last-Modified, the
 * catalog); like any HTTP date it has whole seconds, so If-Modified-Since alone can miss a second
 * change within the same second, which is why If-None-Match decides when a client sends both.
 */
export async function slottedVersion(ctx: AppContext, table: string): Promise<OpenDataVersion | null> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  const [r] = await ctx.database.query<{ at: string | null; n: string | null }>(
    `select to_char(max(changed_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, sum(n)::text as n from ${table}`,
  );
  return r?.at ? { at: r.at, tag: `v${r.n}` } : null;
}

/**
 * The SQL a module's migration runs to keep such a version for `<dataset>`: the table
 * `<dataset>_open_data_version` (16 slots), `<dataset>_open_data_bump()` that a trigger function
 * calls, and `<dataset>_open_data_touched()`, a statement trigger that always bumps. A statement takes
 * its backend's slot (by key, so one transaction keeps reusing it) or else the first one nobody
 * holds, skipping locked ones; it waits only if all 16 are held at once.
 */
export function slottedVersionSql(dataset: string): string {
  if (!/^[a-z_]+$/.test(dataset)) throw new Error(`not a dataset name: ${dataset}`);
  const t = `${dataset}_open_data_version`;
  return `
    create table ${t} (
      slot smallint primary key,
      n bigint not null default 0,
      changed_at timestamptz not null default now()
    );
    insert into ${t} (slot) select generate_series(0, 15);
    create function ${dataset}_open_data_bump() returns void language plpgsql as $fn$
    begin
      update ${t} set n = n + 1, changed_at = clock_timestamp()
      where slot = (select slot from ${t} where slot = pg_backend_pid() % 16 for update skip locked);
      if not found then
        update ${t} set n = n + 1, changed_at = clock_timestamp()
        where slot = (select slot from ${t} order by slot limit 1 for update skip locked);
      end if;
      if not found then
        update ${t} set n = n + 1, changed_at = clock_timestamp() where slot = pg_backend_pid() % 16;
      end if;
    end $fn$;
    create function ${dataset}_open_data_touched() returns trigger language plpgsql as $fn$
    begin
      perform ${dataset}_open_data_bump();
      return null;
    end $fn$;`;
}
