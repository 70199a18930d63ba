import type { Migration } from './migrate.ts';
import { NOTIFY_FUNCTION_SQL, notifyChangesSql } from '../cache/reference-cache.ts';

// Core tables every module relies on: people, roles, departments and areas, privacy records,
// mail outbox, durable jobs, domain events and the admin audit log.
export const coreMigrations: Migration[] = [
  {
    name: '001_extensions',
    sql: `
      create extension if not exists postgis;
      create extension if not exists unaccent;
      create extension if not exists pg_trgm;`,
  },
  {
    name: '002_people',
    sql: `
      create table settings (
        key text primary key,
        value jsonb not null,
        updated_at timestamptz not null default now()
      );
      create table users (
        id uuid primary key default gen_random_uuid(),
        email text unique,
        password_hash text,
        display_name text not null,
        locale text not null default 'ro' check (locale in ('ro','en','hu')),
        email_verified_at timestamptz,
        created_at timestamptz not null default now(),
        disabled_at timestamptz,
        erased_at timestamptz,
        check (email is null or email = lower(email))
      );
      create table user_roles (
        user_id uuid not null references users(id) on delete cascade,
        role text not null check (role in ('moderator','admin')),
        granted_at timestamptz not null default now(),
        primary key (user_id, role)
      );
      create table sessions (
        id text primary key,
        user_id uuid not null references users(id) on delete cascade,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        last_seen_at timestamptz not null default now()
      );
      create index sessions_user_idx on sessions(user_id);
      create table user_tokens (
        token_hash text primary key,
        user_id uuid not null references users(id) on delete cascade,
        purpose text not null check (purpose in ('verify_email','reset_password')),
        expires_at timestamptz not null,
        used_at timestamptz
      );
      create table login_attempts (
        id bigserial primary key,
        email text not null,
        ok boolean not null,
        at timestamptz not null default now()
      );
      create index login_attempts_email_at on login_attempts(email, at);
      create table consents (
        id bigserial primary key,
        user_id uuid not null references users(id) on delete cascade,
        kind text not null check (kind in ('terms','demographics','notifications')),
        version text not null,
        granted boolean not null,
        at timestamptz not null default now()
      );
      create index consents_user_idx on consents(user_id, kind, at desc);
      create table demographics (
        user_id uuid primary key references users(id) on delete cascade,
        birth_year int check (birth_year between 1900 and 2100),
        gender text check (gender in ('female','male','other','undisclosed')),
        district_id int,
        updated_at timestamptz not null default now()
      );
      create table organizations (
        id serial primary key,
        name text not null unique,
        helix_type text not null check (helix_type in ('public_institution','private_company','academia','civil_society')),
        verified_at timestamptz,
        created_at timestamptz not null default now()
      );
      create table organization_members (
        organization_id int not null references organizations(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        primary key (organization_id, user_id)
      );`,
  },
  {
    name: '003_city',
    sql: `
      create table areas (
        id serial primary key,
        kind text not null check (kind in ('city','district')),
        slug text not null unique,
        name text not null,
        is_demo boolean not null default false,
        geom geometry(MultiPolygon,4326) not null
      );
      create index areas_geom_idx on areas using gist(geom);
      create table departments (
        id serial primary key,
        slug text not null unique,
        name text not null,
        email text,
        created_at timestamptz not null default now()
      );
      create table department_districts (
        department_id int not null references departments(id) on delete cascade,
        area_id int not null references areas(id) on delete cascade,
        primary key (department_id, area_id)
      );
      create table department_members (
        department_id int not null references departments(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        primary key (department_id, user_id)
      );
      create index department_members_user_idx on department_members(user_id);
      create table categories (
        id serial primary key,
        code text not null unique check (code ~ '^[a-z0-9_]+(\\.[a-z0-9_]+)*$'),
        name_ro text not null,
        name_en text not null,
        name_hu text not null,
        department_id int references departments(id) on delete set null,
        active boolean not null default true
      );
      alter table demographics add foreign key (district_id) references areas(id) on delete set null;`,
  },
  {
    name: '004_platform',
    sql: `
      create table mail_outbox (
        id bigserial primary key,
        to_address text not null,
        subject text not null,
        body_text text not null,
        status text not null default 'pending' check (status in ('pending','sent','held','failed')),
        attempts int not null default 0,
        last_error text,
        created_at timestamptz not null default now(),
        sent_at timestamptz
      );
      create table jobs (
        id bigserial primary key,
        name text not null,
        payload jsonb not null default '{}',
        status text not null default 'queued' check (status in ('queued','running','done','failed')),
        run_at timestamptz not null default now(),
        attempts int not null default 0,
        max_attempts int not null default 5,
        last_error text,
        locked_until timestamptz,
        dedupe_key text unique,
        created_at timestamptz not null default now(),
        finished_at timestamptz
      );
      create index jobs_due_idx on jobs(run_at) where status in ('queued','running');
      create table events (
        id bigserial primary key,
        type text not null,
        public boolean not null default false,
        payload jsonb not null default '{}',
        at timestamptz not null default now()
      );
      create index events_public_idx on events(at desc) where public;
      create table audit_log (
        id bigserial primary key,
        actor_id uuid references users(id) on delete set null,
        action text not null,
        subject_type text not null,
        subject_id text,
        details jsonb not null default '{}',
        at timestamptz not null default now()
      );`,
  },
  {
    // Processes keep settings and areas in memory (core/cache/reference-cache.ts) and drop them
    // when these announce a change.
    name: '005_table_change_notify',
    sql: NOTIFY_FUNCTION_SQL + notifyChangesSql(['settings', 'areas']),
  },
];
