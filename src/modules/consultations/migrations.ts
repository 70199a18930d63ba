import type { Migration } from '../../core/db/migrate.ts';

// A stakeholder consultation on a strategy: ambitions → objectives → projects. People express
// interest in a project's working group, on their own behalf or for an organization they belong
// to (whose helix type comes from the core organizations table); only those who consented may be
// contacted, so consent is stored with its time. Open actions are proposals for new projects; an
// admin promotes one into a project under an objective of its ambition.
export const consultationsMigrations: Migration[] = [
  {
    name: '001_consultations',
    sql: `
      create table consultations (
        id serial primary key,
        space_id int references spaces(id) on delete set null,
        title text not null check (length(title) between 1 and 300),
        purpose text not null default '' check (length(purpose) <= 5000),
        starts_on date,
        ends_on date,
        status text not null default 'open' check (status in ('draft','open','closed')),
        created_at timestamptz not null default now(),
        check (ends_on is null or starts_on is null or ends_on >= starts_on)
      );
      create table consultation_ambitions (
        id serial primary key,
        consultation_id int not null references consultations(id) on delete cascade,
        position int not null,
        code text not null check (length(code) between 1 and 10),
        title text not null check (length(title) between 1 and 300),
        unique (consultation_id, position)
      );
      create table consultation_objectives (
        id serial primary key,
        ambition_id int not null references consultation_ambitions(id) on delete cascade,
        position int not null,
        code text not null check (length(code) between 1 and 12),
        title text not null check (length(title) between 1 and 1000),
        unique (ambition_id, position)
      );
      create table consultation_projects (
        id serial primary key,
        objective_id int not null references consultation_objectives(id) on delete cascade,
        position int not null,
        title text not null check (length(title) between 1 and 500),
        description text not null default '' check (length(description) <= 10000),
        origin text not null default 'strategy' check (origin in ('strategy','open_action')),
        created_at timestamptz not null default now()
      );
      create index consultation_projects_objective_idx on consultation_projects(objective_id, position);
      create table consultation_interests (
        id bigserial primary key,
        project_id int not null references consultation_projects(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        organization_id int references organizations(id) on delete set null,
        expertise text not null check (length(expertise) between 1 and 2000),
        consent_contact boolean not null default false,
        consented_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (project_id, user_id),
        check (consent_contact = (consented_at is not null))
      );
      create index consultation_interests_user_idx on consultation_interests(user_id);
      create table consultation_actions (
        id serial primary key,
        consultation_id int not null references consultations(id) on delete cascade,
        ambition_id int not null references consultation_ambitions(id) on delete cascade,
        title text not null check (length(title) between 1 and 500),
        description text not null default '' check (length(description) <= 5000),
        author_id uuid references users(id) on delete set null,
        organization_id int references organizations(id) on delete set null,
        status text not null default 'proposed' check (status in ('proposed','promoted','declined')),
        project_id int unique references consultation_projects(id) on delete set null,
        decided_by uuid references users(id) on delete set null,
        decided_at timestamptz,
        created_at timestamptz not null default now()
      );
      create index consultation_actions_consultation_idx on consultation_actions(consultation_id, status);`,
  },
];
