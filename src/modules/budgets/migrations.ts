import type { Migration } from '../../core/db/migrate.ts';

// Participatory budgeting. Money is `numeric` without a scale so imported Pabulib amounts keep
// every decimal; queries read it as float8 (exact for any real budget).
export const budgetsMigrations: Migration[] = [
  {
    name: '001_editions',
    sql: `
      create table pb_editions (
        id serial primary key,
        title text not null check (length(title) between 1 and 200),
        description text not null default '',
        phase text not null default 'draft'
          check (phase in ('draft','submission','review','voting','results','implementation')),
        -- Minimum age in the calendar year of the vote (from demographics.birth_year); null = none.
        min_age int check (min_age between 0 and 120),
        census_required boolean not null default false,
        source text not null default 'local' check (source in ('local','pabulib')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create table pb_edition_phases (
        edition_id int not null references pb_editions(id) on delete cascade,
        phase text not null check (phase in ('submission','review','voting','results','implementation')),
        starts_on date,
        ends_on date,
        primary key (edition_id, phase),
        check (starts_on is null or ends_on is null or ends_on >= starts_on)
      );
      create table pb_budgets (
        id serial primary key,
        edition_id int not null references pb_editions(id) on delete cascade,
        name text not null check (length(name) between 1 and 200),
        -- null = city-wide; otherwise the district this budget belongs to.
        area_id int references areas(id) on delete restrict,
        amount numeric not null check (amount > 0),
        currency text not null default 'RON' check (currency ~ '^[A-Z]{3}$'),
        min_project_cost numeric check (min_project_cost >= 0),
        max_project_cost numeric check (max_project_cost > 0),
        vote_type text not null default 'approval'
          check (vote_type in ('approval','knapsack','cumulative','ordinal','choose-1')),
        approval_min int not null default 1 check (approval_min >= 1),
        approval_max int check (approval_max >= 1),
        points_per_project int check (points_per_project >= 1),
        points_total int check (points_total >= 1),
        ordinal_max int check (ordinal_max >= 1),
        rule text not null default 'greedy'
          check (rule in ('greedy','greedy-no-skip','greedy-threshold','equalshares','equalshares/add1')),
        score_threshold numeric check (score_threshold >= 0),
        allow_ballot_change boolean not null default false,
        voting_closed_at timestamptz,
        -- Kept from an imported Pabulib file so an export writes it back unchanged.
        pb_meta jsonb,
        pb_project_columns text[],
        pb_vote_columns text[],
        created_at timestamptz not null default now(),
        check (min_project_cost is null or max_project_cost is null or min_project_cost <= max_project_cost),
        check (approval_max is null or approval_max >= approval_min),
        check (rule not like 'equalshares%' or vote_type in ('approval','knapsack','choose-1')),
        check (rule <> 'greedy-threshold' or score_threshold is not null),
        check (vote_type <> 'cumulative' or (points_per_project is not null and points_total is not null)),
        check (vote_type <> 'ordinal' or ordinal_max is not null)
      );
      -- One city-wide budget and one per district in an edition of our own; an imported edition
      -- may hold several files (e.g. one per district) without districts of ours.
      create unique index pb_budgets_area_uq on pb_budgets(edition_id, coalesce(area_id, 0)) where pb_meta is null;
      create table pb_categories (
        id serial primary key,
        edition_id int not null references pb_editions(id) on delete cascade,
        name text not null check (length(name) between 1 and 100),
        unique (edition_id, name)
      );
      create table pb_projects (
        id serial primary key,
        budget_id int not null references pb_budgets(id) on delete cascade,
        -- Pabulib project_id of an imported project; its file order is position.
        external_id text,
        position int,
        title text not null check (length(title) between 1 and 300),
        description text not null default '',
        cost numeric not null check (cost >= 0),
        adjusted_cost numeric check (adjusted_cost >= 0),
        location geometry(Point,4326),
        area_id int references areas(id) on delete set null,
        category_id int references pb_categories(id) on delete set null,
        author_id uuid references users(id) on delete set null,
        status text not null default 'submitted'
          check (status in ('submitted','accepted','rejected','selected','implemented')),
        status_reason text,
        reviewed_by uuid references users(id) on delete set null,
        reviewed_at timestamptz,
        progress int not null default 0 check (progress between 0 and 100),
        spent numeric check (spent >= 0),
        implementation_note text,
        official_votes numeric,
        official_score numeric,
        official_selected int,
        pb_fields jsonb,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (budget_id, external_id)
      );
      create index pb_projects_budget_idx on pb_projects(budget_id, status);
      create index pb_projects_location_idx on pb_projects using gist(location);
      create index pb_projects_author_idx on pb_projects(author_id);
      create table pb_comments (
        id bigserial primary key,
        project_id int not null references pb_projects(id) on delete cascade,
        author_id uuid references users(id) on delete set null,
        body text not null check (length(body) between 1 and 2000),
        created_at timestamptz not null default now(),
        hidden_at timestamptz
      );
      create index pb_comments_project_idx on pb_comments(project_id, created_at);
      create index pb_comments_author_idx on pb_comments(author_id);`,
  },
  {
    name: '002_ballots',
    sql: `
      -- Residents' list of an edition: only a keyed hash of each identifier is stored. An account
      -- claims one identifier once; the identifier then travels with each of its ballots.
      create table pb_census (
        edition_id int not null references pb_editions(id) on delete cascade,
        identifier_hash text not null,
        claimed_by uuid references users(id) on delete set null,
        claimed_at timestamptz,
        primary key (edition_id, identifier_hash)
      );
      create unique index pb_census_claim_uq on pb_census(edition_id, claimed_by) where claimed_by is not null;
      create table pb_ballots (
        id bigserial primary key,
        budget_id int not null references pb_budgets(id) on delete cascade,
        voter_id uuid references users(id) on delete set null,
        -- Paper ballot number ('paper:<n>') or Pabulib voter_id of an imported ballot.
        external_voter text,
        census_hash text,
        source text not null default 'online' check (source in ('online','paper','import')),
        entered_by uuid references users(id) on delete set null,
        submission_key text,
        pb_fields jsonb,
        cast_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        -- One ballot per person per budget, whatever the code above does.
        constraint pb_ballots_one_per_voter unique (budget_id, voter_id),
        constraint pb_ballots_one_per_external unique (budget_id, external_voter),
        constraint pb_ballots_one_per_resident unique (budget_id, census_hash),
        check (source = 'online' or external_voter is not null)
      );
      create index pb_ballots_voter_idx on pb_ballots(voter_id);
      create table pb_ballot_items (
        ballot_id bigint not null references pb_ballots(id) on delete cascade,
        project_id int not null references pb_projects(id) on delete cascade,
        position int not null check (position >= 0),
        points numeric,
        primary key (ballot_id, project_id),
        unique (ballot_id, position)
      );
      create index pb_ballot_items_project_idx on pb_ballot_items(project_id);
      create table pb_receipts (
        code_hash text primary key,
        ballot_id bigint not null references pb_ballots(id) on delete cascade,
        issued_at timestamptz not null default now(),
        superseded_at timestamptz
      );
      create index pb_receipts_ballot_idx on pb_receipts(ballot_id);
      create table pb_results (
        budget_id int primary key references pb_budgets(id) on delete cascade,
        rule text not null,
        voters int not null,
        budget numeric not null,
        spent numeric not null,
        -- [{projectId, score, cost, selected, order}] in ballot order.
        projects jsonb not null,
        tie_broken boolean not null default false,
        details jsonb not null default '{}',
        computed_at timestamptz not null default now(),
        computed_by uuid references users(id) on delete set null
      );`,
  },
  {
    name: '003_project_photos',
    sql: `
      create table pb_project_photos (
        id bigserial primary key,
        project_id int not null references pb_projects(id) on delete cascade,
        -- Pictures of the idea, or of the works once the project won.
        stage text not null default 'proposal' check (stage in ('proposal','implementation')),
        uploaded_by uuid references users(id) on delete set null,
        width int not null,
        height int not null,
        image bytea not null,
        thumb bytea not null,
        created_at timestamptz not null default now()
      );
      create index pb_project_photos_project_idx on pb_project_photos(project_id, id);`,
  },
];
