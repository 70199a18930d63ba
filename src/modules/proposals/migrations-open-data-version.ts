import type { Migration } from '../../core/db/migrate.ts';
import { slottedVersionSql } from '../../core/open-data/data-version.ts';

/**
 * The proposals open-data file's version (read by open-data.ts, see core/open-data/data-version.ts):
 * 16 counter slots bumped by statement-level triggers on every statement that names a column the
 * file shows or filters on. supports_count and comments_count change without updated_at (and
 * hiding does not set it either), so a timestamp cannot say when the file changed. Slots rather
 * than one row because every support would otherwise hold that row until its commit, and supports
 * of different proposals by different people, which today share no row, would queue behind each
 * other; rather than a sequence because nextval is visible before the writer commits, so a
 * download in between would label the old rows with the new version. A statement takes its
 * backend's slot (found by key) or else the first one nobody holds, skipping locked ones, so writers
 * never wait unless all 16 are held at once; the sum of the slots is transactional and grows with
 * every committed change, which makes it an exact tag. pgbench, 16 clients each running only
 * "update proposals set supports_count = supports_count + 1" on a random proposal of 100,000:
 * ~3,500–3,630 tps against ~3,960–4,430 without the trigger, and ~590 with a single counter row
 * (load 8–13 on 2 shared cores); a real support (HTTP, quota row, support row) costs far more. Inserting a space, component, category or district changes
 * nothing the file shows until a proposal uses it; deleting one cascades to proposals (delete, or
 * set null on category_id/district_id), which counts here.
 */
export const openDataVersionMigration: Migration = {
  name: '005_proposals_open_data_version',
  sql: `
    ${slottedVersionSql('proposals')}
    create trigger proposals_open_data_ins_del after insert or delete or truncate on proposals
      for each statement execute function proposals_open_data_touched();
    create trigger proposals_open_data_upd
      after update of component_id, title, state, supports_count, comments_count, category_id, district_id, hidden_at, created_at on proposals
      for each statement execute function proposals_open_data_touched();
    create trigger proposals_open_data_components after update of space_id, module, published on space_components
      for each statement execute function proposals_open_data_touched();
    create trigger proposals_open_data_spaces after update of title, published on spaces
      for each statement execute function proposals_open_data_touched();
    create trigger proposals_open_data_categories after update of name_ro, name_en, name_hu on proposal_categories
      for each statement execute function proposals_open_data_touched();
    create trigger proposals_open_data_areas after update of name on areas
      for each statement execute function proposals_open_data_touched();`,
};
