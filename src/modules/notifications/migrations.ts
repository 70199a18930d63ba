import type { Migration } from '../../core/db/migrate.ts';

// Following anything (a proposal, a debate, …) by (subject_type, subject_id); in-app notifications
// (kind + parameters, rendered in the reader's language when shown); and each person's e-mail digest
// choice. Spaces keep their own followers in space_followers.
export const notificationsMigrations: Migration[] = [
  {
    name: '001_notifications',
    sql: `
      create table follows (
        user_id uuid not null references users(id) on delete cascade,
        subject_type text not null check (subject_type ~ '^[a-z_]+$'),
        subject_id bigint not null,
        created_at timestamptz not null default now(),
        primary key (user_id, subject_type, subject_id)
      );
      create index follows_subject_idx on follows(subject_type, subject_id);
      create table notifications (
        id bigserial primary key,
        user_id uuid not null references users(id) on delete cascade,
        kind text not null check (kind ~ '^[a-z_.]+$'),
        subject_type text not null,
        subject_id bigint not null,
        url text not null,
        params jsonb not null default '{}',
        created_at timestamptz not null default now(),
        read_at timestamptz,
        emailed_at timestamptz
      );
      create index notifications_user_idx on notifications(user_id, created_at desc);
      create index notifications_unsent_idx on notifications(user_id) where emailed_at is null;
      create table notification_prefs (
        user_id uuid primary key references users(id) on delete cascade,
        digest text not null default 'daily' check (digest in ('immediate','daily','weekly','off')),
        last_digest_at timestamptz,
        updated_at timestamptz not null default now()
      );`,
  },
];
