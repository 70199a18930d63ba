import type { Migration } from '../../core/db/migrate.ts';
import { slottedVersionSql } from '../../core/open-data/data-version.ts';

/**
 * The reports open-data file's version (read by open-data.ts, see core/open-data/data-version.ts):
 * 16 counter slots bumped by statement-level triggers whenever a statement changes what the file
 * shows. Why slots and not one row, a sequence or max(updated_at):
 * - one row: every writer would hold its lock until commit, so writers queue behind each other (the
 *   trap migration 007 took the summaries out of);
 * - a sequence: nextval is visible before the writer commits, so a download in between would label
 *   the old rows with the new version and keep answering 304 after the commit;
 * - max(updated_at): moderation, merges and privacy erasure must all remember to set it, a deleted
 *   report or a renamed category or district moves no timestamp, and a long transaction can commit
 *   an older timestamp after a reader saw a newer one.
 * A statement takes its backend's slot (found by key, so one transaction keeps reusing it) or else
 * the first one nobody holds, skipping locked ones, so writers never wait unless all 16 are held at
 * once; the sum of the slots is transactional and grows with every committed change, which makes it
 * an exact tag. pgbench, 16 clients each updating one random report's status (200,000 reports):
 * 1,489–2,027 tps against 1,675–2,109 without the trigger (load 8–10 on 2 shared cores, noisy);
 * such writes are staff actions, far rarer than that.
 * Only public reports (confirmed, not hidden, before or after the change) and only the columns the
 * file shows count: a new comment (comments_count), an assignment or an unconfirmed report does not
 * make every client download a million rows again.
 */
export const openDataVersionMigration: Migration = {
  name: '009_reports_open_data_version',
  sql: `
    ${slottedVersionSql('reports')}
    create function reports_open_data_inserted() returns trigger language plpgsql as $fn$
    begin
      if exists (select 1 from new_rows where status <> 'unconfirmed' and hidden_at is null) then perform reports_open_data_bump(); end if;
      return null;
    end $fn$;
    create function reports_open_data_deleted() returns trigger language plpgsql as $fn$
    begin
      if exists (select 1 from old_rows where status <> 'unconfirmed' and hidden_at is null) then perform reports_open_data_bump(); end if;
      return null;
    end $fn$;
    -- The public rows as the file shows them, before and after: any difference either way counts.
    -- A set difference rather than a join on id, which the planner may run as a nested loop over
    -- two transition tables it has no statistics for (minutes for a 50,000-row update).
    create function reports_open_data_updated() returns trigger language plpgsql as $fn$
    begin
      if exists (
        select id, status, category_id, district_id, created_at, updated_at, description_public, ST_X(location), ST_Y(location)
        from new_rows where status <> 'unconfirmed' and hidden_at is null
        except all
        select id, status, category_id, district_id, created_at, updated_at, description_public, ST_X(location), ST_Y(location)
        from old_rows where status <> 'unconfirmed' and hidden_at is null
      ) or exists (
        select id, status, category_id, district_id, created_at, updated_at, description_public, ST_X(location), ST_Y(location)
        from old_rows where status <> 'unconfirmed' and hidden_at is null
        except all
        select id, status, category_id, district_id, created_at, updated_at, description_public, ST_X(location), ST_Y(location)
        from new_rows where status <> 'unconfirmed' and hidden_at is null
      ) then perform reports_open_data_bump(); end if;
      return null;
    end $fn$;
    create trigger reports_open_data_ins after insert on reports referencing new table as new_rows
      for each statement execute function reports_open_data_inserted();
    create trigger reports_open_data_upd after update on reports referencing old table as old_rows new table as new_rows
      for each statement execute function reports_open_data_updated();
    create trigger reports_open_data_del after delete on reports referencing old table as old_rows
      for each statement execute function reports_open_data_deleted();
    create trigger reports_open_data_trunc after truncate on reports
      for each statement execute function reports_open_data_touched();
    -- The file shows category codes and names and district names. A category in use cannot be
    -- deleted, and deleting a district updates its reports (on delete set null), which counts above.
    create trigger reports_open_data_categories after update of code, name_ro, name_en, name_hu on categories
      for each statement execute function reports_open_data_touched();
    create trigger reports_open_data_areas after update of name on areas
      for each statement execute function reports_open_data_touched();`,
};
