import type { Migration } from '../../core/db/migrate.ts';
import { notifyChangesSql } from '../../core/cache/reference-cache.ts';

// A space is where participation happens: a participatory process (with phases), an assembly or
// working group (with members and roles) or a neighbourhood group (tied to one district).
// Components (proposals, surveys, meetings, …) attach to a space by module name; other modules
// reference spaces(id) from their own tables.
export const spacesMigrations: Migration[] = [
  {
    name: '001_spaces',
    sql: `
      -- Romanian-aware, accent-insensitive text search: text is unaccented ("ș" → "s") then stemmed
      -- with the Romanian snowball stemmer, so documents and queries typed with or without diacritics
      -- meet. unaccent is only stable, so these immutable wrappers let indexes and triggers use it.
      -- Proposals, comments and search reuse them.
      create or replace function dz_unaccent(t text) returns text language sql immutable parallel safe as
        $f$ select public.unaccent('public.unaccent'::regdictionary, lower(coalesce(t, ''))) $f$;
      create or replace function dz_fts(t text) returns tsvector language sql immutable parallel safe as
        $f$ select to_tsvector('pg_catalog.romanian'::regconfig, dz_unaccent(t)) $f$;
      -- The stemmer is uneven across inflections (propunere → propun, propuneri → propuner), so each
      -- query stem matches as a prefix: all words (search) or any word (similar proposals).
      create or replace function dz_fts_query(q text) returns tsquery language sql immutable parallel safe as
        $f$ select coalesce(to_tsquery('simple', string_agg(quote_literal(lexeme) || ':*', ' & ')), ''::tsquery)
            from unnest(to_tsvector('pg_catalog.romanian'::regconfig, dz_unaccent(q))) $f$;
      create or replace function dz_fts_any(q text) returns tsquery language sql immutable parallel safe as
        $f$ select coalesce(to_tsquery('simple', string_agg(quote_literal(lexeme) || ':*', ' | ')), ''::tsquery)
            from unnest(to_tsvector('pg_catalog.romanian'::regconfig, dz_unaccent(q))) $f$;
      create table spaces (
        id serial primary key,
        kind text not null check (kind in ('process','assembly','neighbourhood')),
        slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
        title text not null check (length(title) between 1 and 200),
        subtitle text not null default '' check (length(subtitle) <= 300),
        description text not null default '' check (length(description) <= 20000),
        area_id int references areas(id),
        published boolean not null default false,
        published_at timestamptz,
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        search tsvector,
        -- A neighbourhood group belongs to one district.
        check (kind <> 'neighbourhood' or area_id is not null)
      );
      create index spaces_kind_idx on spaces(kind, published);
      create index spaces_area_idx on spaces(area_id);
      create index spaces_search_idx on spaces using gin(search);
      -- Phases of a process, in order; at most one is active. settings holds the per-phase switches
      -- (proposals_open, supports_open, comments_open, results_published).
      create table space_phases (
        id serial primary key,
        space_id int not null references spaces(id) on delete cascade,
        position int not null,
        title text not null check (length(title) between 1 and 200),
        description text not null default '' check (length(description) <= 10000),
        starts_on date,
        ends_on date,
        active boolean not null default false,
        settings jsonb not null default '{}',
        check (ends_on is null or starts_on is null or ends_on >= starts_on)
      );
      create index space_phases_space_idx on space_phases(space_id, position);
      create unique index space_phases_one_active on space_phases(space_id) where active;
      -- module = a manifest name (proposals, surveys, meetings, consultations, …).
      create table space_components (
        id serial primary key,
        space_id int not null references spaces(id) on delete cascade,
        module text not null check (module ~ '^[a-z][a-z0-9_]*$'),
        title text not null default '' check (length(title) <= 200),
        position int not null default 0,
        published boolean not null default true,
        settings jsonb not null default '{}',
        created_at timestamptz not null default now()
      );
      create index space_components_space_idx on space_components(space_id, position);
      create table space_members (
        space_id int not null references spaces(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        role text not null default 'member' check (role in ('coordinator','secretary','expert','member')),
        position_title text not null default '' check (length(position_title) <= 120),
        joined_at timestamptz not null default now(),
        primary key (space_id, user_id)
      );
      create index space_members_user_idx on space_members(user_id);
      create table space_followers (
        space_id int not null references spaces(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        created_at timestamptz not null default now(),
        primary key (space_id, user_id)
      );
      create index space_followers_user_idx on space_followers(user_id);
      create table space_news (
        id serial primary key,
        space_id int not null references spaces(id) on delete cascade,
        title text not null check (length(title) between 1 and 200),
        body text not null check (length(body) between 1 and 20000),
        author_id uuid references users(id) on delete set null,
        published_at timestamptz not null default now()
      );
      create index space_news_space_idx on space_news(space_id, published_at desc);
      create function spaces_search_refresh() returns trigger language plpgsql as $f$
        begin
          new.search := setweight(dz_fts(new.title), 'A') || setweight(dz_fts(new.subtitle), 'B') || setweight(dz_fts(new.description), 'C');
          return new;
        end $f$;
      create trigger spaces_search_trg before insert or update of title, subtitle, description on spaces
        for each row execute function spaces_search_refresh();`,
  },
  {
    // PGlite's Romanian configuration has no stop-word list, so "de", "pe", "și" would match almost
    // every text. Queries drop common Romanian words before stemming; stems of three letters or more
    // match as prefixes.
    name: '002_search_stopwords',
    sql: `
      create or replace function dz_fts_terms(q text) returns setof text language sql immutable parallel safe as $f$
        select distinct s.lexeme
        from unnest(to_tsvector('simple', dz_unaccent(q))) w,
             lateral unnest(to_tsvector('pg_catalog.romanian'::regconfig, w.lexeme)) s
        where length(w.lexeme) > 1 and not (w.lexeme = any (array[
          'ai','al','ale','am','ar','au','ca','care','ce','cea','cei','cel','cele','cu','da','dar','de','deci','din','dintre',
          'este','fi','fie','fost','iar','in','intr','intre','la','le','li','lor','lui','mai','ne','nu','or','ori','pe',
          'pentru','prin','sa','sau','se','si','spre','sub','sunt','te','un','una','unei','unor','unui','va','vor',
          'acest','aceasta','acesta','acea','acel','cum','cand','unde','daca','fara','pana','dupa','catre','langa',
          'the','and','of','to','for','az','egy','es','a','o','e'
        ]))
      $f$;
      create or replace function dz_fts_query(q text) returns tsquery language sql immutable parallel safe as $f$
        select coalesce(to_tsquery('simple', string_agg(quote_literal(t) || case when length(t) >= 3 then ':*' else '' end, ' & ')), ''::tsquery)
        from dz_fts_terms(q) t
      $f$;
      create or replace function dz_fts_any(q text) returns tsquery language sql immutable parallel safe as $f$
        select coalesce(to_tsquery('simple', string_agg(quote_literal(t) || case when length(t) >= 3 then ':*' else '' end, ' | ')), ''::tsquery)
        from dz_fts_terms(q) t
      $f$;`,
  },
  {
    // Every page and API call of a hosted component reads these; processes keep them in memory
    // (cachedHostedComponent) and drop them when a change is announced.
    name: '003_notify_changes',
    sql: notifyChangesSql(['spaces', 'space_phases', 'space_components']),
  },
];
