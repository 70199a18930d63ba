import type { Migration } from '../../core/db/migrate.ts';

// Comments attach to anything by (subject_type, subject_id): proposals, debates, and any module
// that registers a commentable. Threads go three levels deep (depth 0–2). Vote counters are kept in
// the vote's transaction; body_hash (normalised text) lets duplicate detection use an index.
// Debates are a component of spaces: a question with a comment thread.
export const commentsMigrations: Migration[] = [
  {
    name: '001_comments',
    sql: `
      create table comments (
        id bigserial primary key,
        subject_type text not null check (subject_type ~ '^[a-z_]+$'),
        subject_id bigint not null,
        parent_id bigint references comments(id) on delete cascade,
        depth int not null default 0 check (depth between 0 and 2),
        author_id uuid references users(id) on delete set null,
        body text not null check (length(body) between 1 and 3000),
        body_public text not null,
        body_hash text not null,
        stance text check (stance in ('for','against','neutral')),
        agree_count int not null default 0 check (agree_count >= 0),
        disagree_count int not null default 0 check (disagree_count >= 0),
        flags_count int not null default 0 check (flags_count >= 0),
        created_at timestamptz not null default now(),
        edited_at timestamptz,
        hidden_at timestamptz,
        hidden_reason text,
        hidden_by uuid references users(id) on delete set null,
        search tsvector
      );
      create index comments_subject_idx on comments(subject_type, subject_id, created_at, id);
      create index comments_author_idx on comments(author_id, created_at desc);
      create index comments_author_hash_idx on comments(author_id, body_hash);
      create index comments_flagged_idx on comments(flags_count desc) where flags_count > 0 and hidden_at is null;
      create index comments_search_idx on comments using gin(search);
      create function comments_search_refresh() returns trigger language plpgsql as $f$
        begin
          new.search := dz_fts(new.body_public);
          return new;
        end $f$;
      create trigger comments_search_trg before insert or update of body_public on comments
        for each row execute function comments_search_refresh();
      create table comment_votes (
        comment_id bigint not null references comments(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        value smallint not null check (value in (-1, 1)),
        primary key (comment_id, user_id)
      );
      create table comment_flags (
        comment_id bigint not null references comments(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        reason text not null check (reason in ('spam','offensive','personal_data','off_topic','other')),
        created_at timestamptz not null default now(),
        primary key (comment_id, user_id)
      );
      create table debates (
        id bigserial primary key,
        component_id int not null references space_components(id) on delete cascade,
        space_id int not null references spaces(id) on delete cascade,
        title text not null check (length(title) between 5 and 200),
        description text not null check (length(description) between 1 and 10000),
        author_id uuid references users(id) on delete set null,
        comments_count int not null default 0 check (comments_count >= 0),
        closed_at timestamptz,
        created_at timestamptz not null default now(),
        search tsvector
      );
      create index debates_component_idx on debates(component_id, created_at desc);
      create index debates_search_idx on debates using gin(search);
      create function debates_search_refresh() returns trigger language plpgsql as $f$
        begin
          new.search := setweight(dz_fts(new.title), 'A') || setweight(dz_fts(new.description), 'B');
          return new;
        end $f$;
      create trigger debates_search_trg before insert or update of title, description on debates
        for each row execute function debates_search_refresh();`,
  },
];
