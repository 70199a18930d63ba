import type { Migration } from '../../core/db/migrate.ts';

export const citydataMigrations: Migration[] = [
  {
    name: '001_citydata',
    sql: `
      -- A device group shares one API key (stored hashed) and the defaults of its devices.
      create table citydata_groups (
        id serial primary key,
        name text not null check (length(name) between 1 and 120),
        entity_type text not null,
        api_key_hash text not null unique,
        key_hint text not null,
        department_id int references departments(id) on delete set null,
        public boolean not null default true,
        stale_after_minutes int not null default 120 check (stale_after_minutes > 0),
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      );
      -- Latest state of every entity, in NGSI-LD normalized form (attrs holds every attribute but id and type).
      create table citydata_entities (
        id serial primary key,
        urn text not null unique,
        type text not null,
        device_id text,
        group_id int references citydata_groups(id) on delete set null,
        department_id int references departments(id) on delete set null,
        public boolean not null default true,
        attrs jsonb not null default '{}',
        context jsonb,
        location geometry(Geometry, 4326),
        created_at timestamptz not null default now(),
        modified_at timestamptz not null default now(),
        last_seen_at timestamptz,
        unique (group_id, device_id)
      ) with (fillfactor = 70);
      -- No index on modified_at: every reading updates the row, and leaving the indexed columns
      -- alone (with room on the page) keeps those updates HOT, which halves the cost of ingestion.
      create index citydata_entities_type_idx on citydata_entities(type, id);
      create index citydata_entities_location_idx on citydata_entities using gist(location);
      -- One row per attribute value: a reading. Partitioned by year, the partitions all created here
      -- (2025–2035) so every installation has the same tables (backups restore anywhere, no DDL at run
      -- time); rows outside that range land in the default partition.
      create table citydata_readings (
        entity_id int not null,
        attr text not null,
        observed_at timestamptz not null,
        num double precision,
        val jsonb,
        primary key (entity_id, attr, observed_at)
      ) partition by range (observed_at);
      create table citydata_readings_default partition of citydata_readings default;
      do $$
      begin
        for y in 2025..2035 loop
          execute format('create table %I partition of citydata_readings for values from (%L) to (%L)',
                         'citydata_readings_' || y, make_date(y, 1, 1), make_date(y + 1, 1, 1));
        end loop;
      end $$;
      -- QoS 1 messages without their own timestamp, remembered so a redelivery after a crash
      -- (committed, but the PUBACK never left) is not stored twice.
      create table citydata_mqtt_seen (
        client_id text not null,
        message_id int not null,
        digest text not null,
        at timestamptz not null default now(),
        primary key (client_id, message_id)
      );
      create table citydata_hourly (
        entity_id int not null,
        attr text not null,
        bucket timestamptz not null,
        n int not null,
        avg double precision not null,
        min double precision not null,
        max double precision not null,
        primary key (entity_id, attr, bucket)
      );
      create table citydata_daily (like citydata_hourly including all);
      create table citydata_rules (
        id serial primary key,
        name text not null check (length(name) between 1 and 120),
        entity_type text not null,
        attr text not null,
        direction text not null check (direction in ('above', 'below')),
        threshold double precision not null,
        -- Hysteresis: once triggered, the rule only re-arms after the value passes back over reset.
        reset double precision not null,
        action text not null check (action in ('work_order', 'public_alert', 'alert')),
        category_code text,
        active boolean not null default true,
        created_at timestamptz not null default now(),
        check ((direction = 'above' and reset < threshold) or (direction = 'below' and reset > threshold)),
        check (action <> 'work_order' or category_code is not null)
      );
      create table citydata_rule_states (
        rule_id int not null references citydata_rules(id) on delete cascade,
        entity_id int not null references citydata_entities(id) on delete cascade,
        triggered boolean not null,
        since timestamptz not null,
        value double precision,
        report_id bigint,
        work_order_error text,
        primary key (rule_id, entity_id)
      );
      create table citydata_alerts (
        id bigserial primary key,
        kind text not null check (kind in ('rule', 'stale')),
        rule_id int references citydata_rules(id) on delete cascade,
        entity_id int not null references citydata_entities(id) on delete cascade,
        public boolean not null,
        value double precision,
        raised_at timestamptz not null default now(),
        cleared_at timestamptz
      );
      create index citydata_alerts_open_idx on citydata_alerts(raised_at desc) where cleared_at is null;
      create unique index citydata_alerts_stale_uq on citydata_alerts(entity_id) where kind = 'stale' and cleared_at is null;
      create table citydata_counters (
        name text primary key,
        n bigint not null default 0
      );`,
  },
  {
    // Which connection recorded a message id, and whether it came flagged as a re-send: an id used
    // again on the same connection without the DUP flag is a new message (MQTT lets a client reuse
    // an id once it has its PUBACK), so a gateway that sends the same reading twice with a recycled
    // id is no longer taken for a redelivery. Only a message on another connection (after a
    // reconnect, which is when clients re-send) or flagged DUP is checked against the digest.
    name: '002_citydata_mqtt_seen_connection',
    sql: `
      alter table citydata_mqtt_seen add column connection text not null default '';
      alter table citydata_mqtt_seen add column dup boolean not null default true;`,
  },
];
