import type { Migration } from '../../core/db/migrate.ts';

// Registrations keep their row when cancelled (unique per meeting and person) so a person who
// registers again joins the end of the queue: queued_at is their place in the waiting list.
// Linked proposals hold the proposal id without a foreign key, because the proposals module may be
// switched off or migrate after this one; links are checked when made.
export const meetingsMigrations: Migration[] = [
  {
    name: '001_meetings',
    sql: `
      create table meetings (
        id serial primary key,
        space_id int references spaces(id) on delete set null,
        uid uuid not null unique default gen_random_uuid(),
        title text not null check (length(title) between 1 and 200),
        description text not null default '' check (length(description) <= 20000),
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        format text not null check (format in ('in_person','online','hybrid')),
        address text not null default '' check (length(address) <= 300),
        location geometry(Point,4326),
        online_url text check (online_url is null or online_url ~ '^https?://'),
        capacity int check (capacity is null or capacity > 0),
        registration_open boolean not null default true,
        status text not null default 'scheduled' check (status in ('scheduled','cancelled')),
        sequence int not null default 0,
        attendance_count int check (attendance_count is null or attendance_count >= 0),
        minutes text check (minutes is null or length(minutes) <= 50000),
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (ends_at > starts_at),
        check (format = 'in_person' or online_url is not null),
        check (format = 'online' or address <> '')
      );
      create index meetings_starts_idx on meetings(starts_at);
      create index meetings_space_idx on meetings(space_id, starts_at);
      create table meeting_registrations (
        id bigserial primary key,
        meeting_id int not null references meetings(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        status text not null check (status in ('confirmed','waiting','cancelled')),
        queued_at timestamptz not null default clock_timestamp(),
        confirmed_at timestamptz,
        cancelled_at timestamptz,
        reminded_at timestamptz,
        unique (meeting_id, user_id)
      );
      create index meeting_registrations_queue_idx on meeting_registrations(meeting_id, status, queued_at, id);
      create index meeting_registrations_user_idx on meeting_registrations(user_id);
      create table meeting_attachments (
        id serial primary key,
        meeting_id int not null references meetings(id) on delete cascade,
        filename text not null check (length(filename) between 1 and 200),
        content_type text not null,
        size int not null,
        data bytea not null,
        created_at timestamptz not null default now()
      );
      create index meeting_attachments_meeting_idx on meeting_attachments(meeting_id);
      create table meeting_proposals (
        meeting_id int not null references meetings(id) on delete cascade,
        proposal_id int not null check (proposal_id > 0),
        primary key (meeting_id, proposal_id)
      );`,
  },
];
