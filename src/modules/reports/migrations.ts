import type { Migration } from '../../core/db/migrate.ts';

export const reportsMigrations: Migration[] = [
  {
    name: '001_reports',
    sql: `
      create table report_category_settings (
        category_id int primary key references categories(id) on delete cascade,
        group_code text not null default 'other',
        icon text not null default 'pin',
        help_ro text not null default '',
        help_en text not null default '',
        help_hu text not null default '',
        sla_ack_days int not null default 2 check (sla_ack_days > 0),
        sla_resolve_days int not null default 30 check (sla_resolve_days > 0),
        attributes jsonb not null default '[]'
      );
      -- (category, district) → department; a row with area_id null is the city-wide default.
      create table report_routing (
        id serial primary key,
        category_id int not null references categories(id) on delete cascade,
        area_id int references areas(id) on delete cascade,
        department_id int not null references departments(id) on delete cascade
      );
      create unique index report_routing_uq on report_routing(category_id, coalesce(area_id, 0));
      create table reports (
        id bigserial primary key,
        category_id int not null references categories(id),
        department_id int references departments(id) on delete set null,
        district_id int references areas(id) on delete set null,
        location geometry(Point,4326) not null,
        address text,
        description text not null check (length(description) between 1 and 4000),
        description_public text not null,
        reporter_id uuid references users(id) on delete set null,
        contact_name text,
        contact_email text,
        show_name boolean not null default false,
        status text not null default 'new'
          check (status in ('unconfirmed','new','acknowledged','in_progress','planned','resolved','rejected','closed')),
        outcome text check (outcome in ('favorabil','partial','transferata_operatorului','nefavorabil','respinsa')),
        reject_reason text check (reject_reason in ('not_responsible','duplicate','not_actionable')),
        assigned_to uuid references users(id) on delete set null,
        duplicate_of bigint references reports(id),
        hidden_at timestamptz,
        hidden_reason text,
        source text not null default 'web' check (source in ('web','open311','import')),
        api_key_id int,
        device_id text,
        idempotency_key text unique,
        confirm_token_hash text unique,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        acknowledged_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        feedback_requested_at timestamptz,
        fixed boolean,
        rating int check (rating between 1 and 5),
        feedback_at timestamptz
      );
      create index reports_location_idx on reports using gist(location);
      create index reports_status_idx on reports(status, category_id);
      create index reports_created_idx on reports(created_at desc);
      create index reports_department_idx on reports(department_id, status);
      create index reports_reporter_idx on reports(reporter_id);
      create table report_photos (
        id bigserial primary key,
        report_id bigint not null references reports(id) on delete cascade,
        ordinal int not null,
        content_type text not null,
        width int not null,
        height int not null,
        image bytea not null,
        thumb bytea not null,
        hidden boolean not null default false,
        created_at timestamptz not null default now()
      );
      create index report_photos_report_idx on report_photos(report_id);
      create table report_updates (
        id bigserial primary key,
        report_id bigint not null references reports(id) on delete cascade,
        author_id uuid references users(id) on delete set null,
        kind text not null check (kind in ('created','status','public_note','internal_note','reassign','assign','merge','feedback','hidden','restored')),
        status_from text,
        status_to text,
        body text,
        body_public text,
        public boolean not null,
        details jsonb not null default '{}',
        created_at timestamptz not null default now()
      );
      create index report_updates_report_idx on report_updates(report_id, created_at);
      create table report_followers (
        report_id bigint not null references reports(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        created_at timestamptz not null default now(),
        primary key (report_id, user_id)
      );
      create table report_flags (
        id bigserial primary key,
        report_id bigint not null references reports(id) on delete cascade,
        user_id uuid references users(id) on delete set null,
        reason text not null,
        created_at timestamptz not null default now(),
        resolved_at timestamptz
      );
      create table report_dispatches (
        id bigserial primary key,
        report_id bigint not null references reports(id) on delete cascade,
        sender text not null,
        status text not null default 'pending' check (status in ('pending','sent','failed')),
        external_id text,
        attempts int not null default 0,
        last_error text,
        sent_at timestamptz,
        unique (report_id, sender)
      );
      create table report_area_alerts (
        id bigserial primary key,
        user_id uuid not null references users(id) on delete cascade,
        center geometry(Point,4326),
        radius_m int check (radius_m between 50 and 5000),
        area_id int references areas(id) on delete cascade,
        created_at timestamptz not null default now(),
        check ((center is not null and radius_m is not null) or area_id is not null)
      );
      create table open311_api_keys (
        id serial primary key,
        key_hash text not null unique,
        label text not null,
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      );
      create table classifier_models (
        id int primary key default 1 check (id = 1),
        model jsonb not null,
        updated_at timestamptz not null default now()
      );`,
  },
  {
    // One row per (report, person) mailed by an area alert, so a retried alert job never mails twice.
    name: '002_area_alert_deliveries',
    sql: `
      create index report_area_alerts_user_idx on report_area_alerts(user_id);
      create table report_area_alert_deliveries (
        report_id bigint not null references reports(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        sent_at timestamptz not null default now(),
        primary key (report_id, user_id)
      );`,
  },
  {
    // Public reports newest first, with what the map and the list filter on: the list page, Open311
    // GET requests and the zoomed-in map API walk this in order and never sort, and the map reads
    // it without touching the table (index-only). bench/reports.bench.ts, 1,000,000 reports on
    // PostgreSQL: the zoom-17 map query went from ~200–400 ms to ~65–100 ms.
    name: '003_reports_public_recent_idx',
    sql: `
      create index reports_public_recent_idx on reports (created_at desc, id desc)
        include (location, category_id, status, district_id)
        where status <> 'unconfirmed' and hidden_at is null;`,
  },
];
