import type { Migration } from '../../core/db/migrate.ts';
import { openDataVersionMigration } from './migrations-open-data-version.ts';
import { notifyChangesSql } from '../../core/cache/reference-cache.ts';

// Proposals live in a space's "proposals" component. Supports are one per person (primary key) and,
// per component, at most the configured number per person: proposal_support_quotas holds each
// person's count and its ceiling, and its check constraint refuses to go past it, so neither
// concurrent requests nor a bug in a command can exceed the limit. supports_count is kept in the
// same transaction as the support row, under the proposal's row lock, so it is always exact.
export const proposalsMigrations: Migration[] = [
  {
    name: '001_proposals',
    sql: `
      create table proposal_categories (
        id serial primary key,
        code text not null unique check (code ~ '^[a-z_]+$'),
        name_ro text not null,
        name_en text not null,
        name_hu text not null,
        position int not null default 0
      );
      insert into proposal_categories (code, name_ro, name_en, name_hu, position) values
        ('mobility', 'Mobilitate și transport', 'Mobility and transport', 'Közlekedés', 1),
        ('green', 'Spații verzi și mediu', 'Green spaces and environment', 'Zöldterületek és környezet', 2),
        ('public_space', 'Spațiu public și urbanism', 'Public space and urban planning', 'Közterek és városrendezés', 3),
        ('education', 'Educație', 'Education', 'Oktatás', 4),
        ('culture', 'Cultură și patrimoniu', 'Culture and heritage', 'Kultúra és örökség', 5),
        ('social', 'Social și sănătate', 'Social care and health', 'Szociális ügyek és egészség', 6),
        ('sport', 'Sport și agrement', 'Sport and leisure', 'Sport és szabadidő', 7),
        ('digital', 'Oraș digital', 'Digital city', 'Digitális város', 8),
        ('other', 'Altele', 'Other', 'Egyéb', 9);
      create table proposals (
        id bigserial primary key,
        component_id int not null references space_components(id) on delete cascade,
        space_id int not null references spaces(id) on delete cascade,
        author_id uuid references users(id) on delete set null,
        title text not null check (length(title) between 10 and 150),
        body text not null check (length(body) between 15 and 5000),
        body_public text not null,
        category_id int references proposal_categories(id) on delete set null,
        district_id int references areas(id) on delete set null,
        location geometry(Point,4326),
        address text check (length(address) <= 200),
        state text not null default 'open'
          check (state in ('open','under_review','evaluating','accepted','rejected','withdrawn')),
        answer_text text check (length(answer_text) <= 5000),
        answered_at timestamptz,
        answered_by uuid references users(id) on delete set null,
        supports_count int not null default 0 check (supports_count >= 0),
        comments_count int not null default 0 check (comments_count >= 0),
        hidden_at timestamptz,
        hidden_reason text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        search tsvector
      );
      create index proposals_component_recent_idx on proposals(component_id, created_at desc, id desc) where hidden_at is null;
      create index proposals_component_supports_idx on proposals(component_id, supports_count desc, id desc) where hidden_at is null;
      create index proposals_component_comments_idx on proposals(component_id, comments_count desc, id desc) where hidden_at is null;
      create index proposals_author_idx on proposals(author_id);
      create index proposals_search_idx on proposals using gin(search);
      create index proposals_title_trgm_idx on proposals using gin(dz_unaccent(title) gin_trgm_ops);
      create function proposals_search_refresh() returns trigger language plpgsql as $f$
        begin
          new.search := setweight(dz_fts(new.title), 'A') || setweight(dz_fts(new.body_public), 'B');
          return new;
        end $f$;
      create trigger proposals_search_trg before insert or update of title, body_public on proposals
        for each row execute function proposals_search_refresh();
      create table proposal_supports (
        proposal_id bigint not null references proposals(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        component_id int not null references space_components(id) on delete cascade,
        created_at timestamptz not null default now(),
        primary key (proposal_id, user_id)
      );
      create index proposal_supports_user_idx on proposal_supports(user_id, component_id);
      create table proposal_support_quotas (
        component_id int not null references space_components(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        used int not null check (used >= 0),
        allowed int not null check (allowed > 0),
        check (used <= allowed),
        primary key (component_id, user_id)
      );`,
  },
  {
    // Counting a large component's proposals on every list page read the whole table; these counters
    // are kept by a trigger, so the unfiltered totals (per state) cost one index lookup. Supports
    // leave them alone: only a change of state, visibility or component touches them.
    name: '002_proposal_counts',
    sql: `
      create table proposal_counts (
        component_id int not null references space_components(id) on delete cascade,
        state text not null,
        n int not null default 0 check (n >= 0),
        primary key (component_id, state)
      );
      create function proposal_counts_apply() returns trigger language plpgsql as $f$
        begin
          if tg_op = 'UPDATE' then
            -- Both counters are locked in the order of their names, so two transitions never deadlock.
            perform 1 from proposal_counts where (component_id, state) in ((old.component_id, old.state), (new.component_id, new.state))
              order by component_id, state for update;
          end if;
          if tg_op in ('UPDATE', 'DELETE') and old.hidden_at is null then
            update proposal_counts set n = n - 1 where component_id = old.component_id and state = old.state;
          end if;
          if tg_op in ('UPDATE', 'INSERT') and new.hidden_at is null then
            insert into proposal_counts as c (component_id, state, n) values (new.component_id, new.state, 1)
              on conflict (component_id, state) do update set n = c.n + 1;
          end if;
          return null;
        end $f$;
      create trigger proposal_counts_ins_del after insert or delete on proposals
        for each row execute function proposal_counts_apply();
      create trigger proposal_counts_upd after update on proposals
        for each row when (old.state is distinct from new.state or (old.hidden_at is null) <> (new.hidden_at is null) or old.component_id <> new.component_id)
        execute function proposal_counts_apply();
      insert into proposal_counts (component_id, state, n)
        select component_id, state, count(*)::int from proposals where hidden_at is null group by component_id, state;
      -- Search lists matching proposals most supported first; with this index a common word stops
      -- after the first page of matches instead of ranking all of them.
      create index proposals_supports_idx on proposals(supports_count desc, id desc) where hidden_at is null;`,
  },
  {
    // Editing after submission (until the first support) keeps every text that was public: version 1
    // is the text as submitted, then one row per edit. Attachments are stored like report photos:
    // re-encoded images (no metadata) or sniffed PDFs, at most three per proposal.
    name: '003_proposal_edits_attachments',
    sql: `
      alter table proposals add column edited_at timestamptz;
      create table proposal_versions (
        proposal_id bigint not null references proposals(id) on delete cascade,
        version int not null check (version >= 1),
        title text not null,
        body text not null,
        body_public text not null,
        edited_at timestamptz not null default now(),
        editor_id uuid references users(id) on delete set null,
        primary key (proposal_id, version)
      );
      create table proposal_attachments (
        id bigserial primary key,
        proposal_id bigint not null references proposals(id) on delete cascade,
        file_name text not null check (length(file_name) between 1 and 120),
        content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
        size int not null check (size > 0 and size <= 10485760),
        data bytea not null,
        created_at timestamptz not null default now()
      );
      create index proposal_attachments_proposal_idx on proposal_attachments(proposal_id, id);`,
  },
  {
    // The list pages walk these to the page asked for, then read only that page's rows (listProposals):
    // with the filter columns in the index the walk is index-only, so page 50 of 100,000 proposals
    // costs 0.4 ms instead of 6 ms (bench/proposals.bench.ts on PostgreSQL).
    name: '004_proposals_list_covering_idx',
    sql: `
      drop index proposals_component_recent_idx;
      drop index proposals_component_supports_idx;
      drop index proposals_component_comments_idx;
      create index proposals_component_recent_idx on proposals(component_id, created_at desc, id desc)
        include (state, category_id, district_id) where hidden_at is null;
      create index proposals_component_supports_idx on proposals(component_id, supports_count desc, id desc)
        include (state, category_id, district_id) where hidden_at is null;
      create index proposals_component_comments_idx on proposals(component_id, comments_count desc, id desc)
        include (state, category_id, district_id) where hidden_at is null;`,
  },
  openDataVersionMigration,
  {
    // The list's category filter, read by every list page from memory (cachedFilterOptions).
    name: '006_categories_notify_changes',
    sql: notifyChangesSql(['proposal_categories']),
  },
  {
    // Search ranks proposals by supports: a common word's first 101 matches (its top hits and its
    // "100+" count) are found in this index alone, a few thousand entries, instead of reading every
    // matching row (search/sources.ts `walk`). Same key and predicate as the index it replaces.
    name: '007_proposals_search_walk_idx',
    sql: `
      drop index if exists proposals_supports_idx;
      create index proposals_search_walk_idx on proposals(supports_count desc, id desc)
        include (component_id, space_id, state, search) where hidden_at is null;`,
  },
];
