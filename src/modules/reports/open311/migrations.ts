import type { Migration } from '../../../core/db/migrate.ts';

// What an Open311 client sends beyond the report itself. Kept beside reports, not in it, so the
// phone number (never public) and the client's own ids stay out of every public query of reports.
export const open311Migrations: Migration[] = [
  {
    name: '002_open311_details',
    sql: `
      create table open311_request_details (
        report_id bigint primary key references reports(id) on delete cascade,
        api_key_id int references open311_api_keys(id) on delete set null,
        device_id text,
        account_id text,
        name text,
        phone text,
        attributes jsonb not null default '{}',
        media_url text,
        -- true when the client gave only address_string: the point stored is the city centre,
        -- so the API answers lat/long null rather than a made-up place.
        address_only boolean not null default false,
        -- hash of api key + device + service + description, for the 10-minute retry window
        fingerprint text,
        created_at timestamptz not null default now()
      );
      create index open311_request_details_fingerprint_idx on open311_request_details(fingerprint, created_at);`,
  },
];
