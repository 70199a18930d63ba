import type { Migration } from '../../core/db/migrate.ts';
import { summaryDeltasMigration } from './migrations-summary-deltas.ts';
import { openDataVersionMigration } from './migrations-open-data-version.ts';

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
  {
    // Summaries kept by statement-level triggers, so that counts and map clusters over a million
    // reports read a few hundred rows instead of the whole table (bench/reports.bench.ts: the list
    // page counted every public report and the whole-city map grouped them all, 4–10 s p95).
    // Only public reports (confirmed, not hidden) are counted. report_map_cells holds grid cells of
    // 90/2^level degrees (the map's ~64 px clusters at zoom = level) at levels 10, 12, 14, 16, per
    // status and district, once for every category (category_id 0) and once per category.
    // Deltas are grouped and applied in key order, so concurrent writers lock rows in one order.
    name: '004_report_summaries',
    sql: `
      create table report_tallies (
        status text not null, category_id int not null, district_id int not null, department_id int not null,
        n int not null,
        primary key (status, category_id, district_id, department_id)
      );
      create table report_map_cells (
        level smallint not null, category_id int not null, cx int not null, cy int not null,
        status text not null, district_id int not null,
        n int not null, sum_lng float8 not null, sum_lat float8 not null,
        primary key (level, category_id, cx, cy, status, district_id)
      );
      create function report_summaries_apply(st text[], cat int[], dist int[], dep int[], xs float8[], ys float8[], sg int[])
      returns void language sql as $fn$
        insert into report_tallies as t (status, category_id, district_id, department_id, n)
        select u.s, u.c, u.d, u.p, sum(u.g) from unnest(st, cat, dist, dep, sg) as u(s, c, d, p, g)
        group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (status, category_id, district_id, department_id) do update set n = t.n + excluded.n;
        insert into report_map_cells as m (level, category_id, cx, cy, status, district_id, n, sum_lng, sum_lat)
        select l.level, k.c, floor(u.x * power(2, l.level) / 90)::int, floor(u.y * power(2, l.level) / 90)::int, u.s, u.d,
               sum(u.g), sum(u.g * u.x), sum(u.g * u.y)
        from unnest(st, cat, dist, xs, ys, sg) as u(s, c0, d, x, y, g)
        cross join (values (10), (12), (14), (16)) as l(level)
        cross join lateral (values (0), (u.c0)) as k(c)
        group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
        on conflict (level, category_id, cx, cy, status, district_id)
        do update set n = m.n + excluded.n, sum_lng = m.sum_lng + excluded.sum_lng, sum_lat = m.sum_lat + excluded.sum_lat;
      $fn$;
      create function reports_summaries_inserted() returns trigger language plpgsql as $fn$
      begin
        perform report_summaries_apply(array_agg(status), array_agg(category_id), array_agg(coalesce(district_id, 0)),
          array_agg(coalesce(department_id, 0)), array_agg(ST_X(location)), array_agg(ST_Y(location)), array_agg(1))
        from new_rows where status <> 'unconfirmed' and hidden_at is null;
        return null;
      end $fn$;
      create function reports_summaries_deleted() returns trigger language plpgsql as $fn$
      begin
        perform report_summaries_apply(array_agg(status), array_agg(category_id), array_agg(coalesce(district_id, 0)),
          array_agg(coalesce(department_id, 0)), array_agg(ST_X(location)), array_agg(ST_Y(location)), array_agg(-1))
        from old_rows where status <> 'unconfirmed' and hidden_at is null;
        return null;
      end $fn$;
      create function reports_summaries_updated() returns trigger language plpgsql as $fn$
      begin
        perform report_summaries_apply(array_agg(d.status), array_agg(d.category_id), array_agg(d.district_id),
          array_agg(d.department_id), array_agg(d.x), array_agg(d.y), array_agg(d.sign))
        from (
          select r.status, r.category_id, coalesce(r.district_id, 0) as district_id, coalesce(r.department_id, 0) as department_id,
                 ST_X(r.location) as x, ST_Y(r.location) as y, r.sign
          from (
            select o.*, -1 as sign from old_rows o join new_rows n on n.id = o.id
            where (o.status, o.category_id, o.district_id, o.department_id, o.hidden_at is null, ST_X(o.location), ST_Y(o.location))
                  is distinct from (n.status, n.category_id, n.district_id, n.department_id, n.hidden_at is null, ST_X(n.location), ST_Y(n.location))
            union all
            select n.*, 1 as sign from old_rows o join new_rows n on n.id = o.id
            where (o.status, o.category_id, o.district_id, o.department_id, o.hidden_at is null, ST_X(o.location), ST_Y(o.location))
                  is distinct from (n.status, n.category_id, n.district_id, n.department_id, n.hidden_at is null, ST_X(n.location), ST_Y(n.location))
          ) r
          where r.status <> 'unconfirmed' and r.hidden_at is null
        ) d;
        return null;
      end $fn$;
      create function reports_summaries_truncated() returns trigger language plpgsql as $fn$
      begin
        truncate report_tallies, report_map_cells;
        return null;
      end $fn$;
      create trigger reports_summaries_ins after insert on reports referencing new table as new_rows
        for each statement execute function reports_summaries_inserted();
      create trigger reports_summaries_upd after update on reports referencing old table as old_rows new table as new_rows
        for each statement execute function reports_summaries_updated();
      create trigger reports_summaries_del after delete on reports referencing old table as old_rows
        for each statement execute function reports_summaries_deleted();
      create trigger reports_summaries_trunc after truncate on reports
        for each statement execute function reports_summaries_truncated();
      select report_summaries_apply(array_agg(status), array_agg(category_id), array_agg(coalesce(district_id, 0)),
        array_agg(coalesce(department_id, 0)), array_agg(ST_X(location)), array_agg(ST_Y(location)), array_agg(1))
      from reports where status <> 'unconfirmed' and hidden_at is null;`,
  },
  {
    // The filtered list pages and feeds walk one of these in order (see newestFirst in queries.ts).
    // bench/reports.bench.ts, 1,000,000 reports: "closed" in one district and category went from
    // 120 ms (newest-first index, half the table read) to a few ms.
    name: '005_reports_public_filter_idx',
    sql: `
      create index reports_public_category_idx on reports (category_id, created_at desc, id desc) include (status, district_id)
        where status <> 'unconfirmed' and hidden_at is null;
      create index reports_public_district_idx on reports (district_id, created_at desc, id desc) include (status, category_id)
        where status <> 'unconfirmed' and hidden_at is null;
      create index reports_public_status_idx on reports (status, created_at desc, id desc) include (category_id, district_id)
        where status <> 'unconfirmed' and hidden_at is null;`,
  },
  {
    // Kept by the comments module (countChanged in subjects-registration.ts) inside each comment's
    // transaction, so lists can show how much a report is discussed without counting comments.
    name: '006_report_comments_count',
    sql: `alter table reports add column comments_count int not null default 0;`,
  },
  summaryDeltasMigration,
  {
    // A status with a category or a district: "closed" reports are old, so walking the category's
    // newest-first index to find them read tens of thousands of entries (17–20 ms at 1,000,000).
    name: '008_reports_public_status_filter_idx',
    sql: `
      create index reports_public_category_status_idx on reports (category_id, status, created_at desc, id desc) include (district_id)
        where status <> 'unconfirmed' and hidden_at is null;
      create index reports_public_district_status_idx on reports (district_id, status, created_at desc, id desc) include (category_id)
        where status <> 'unconfirmed' and hidden_at is null;`,
  },
  openDataVersionMigration,
];
