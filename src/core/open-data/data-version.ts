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
