import type { Migration } from '../../core/db/migrate.ts';

// Modes: signed_in — answers carry the person (one per person: unique (survey_id, user_id));
// anonymous_signed_in — sign-in required, answers carry nobody, and survey_participations records
// that the person answered; open — anyone, anonymous answers, one per account or per browser.
// Anonymous responses keep only the day they arrived, so their order cannot be matched to who took part.
export const surveysMigrations: Migration[] = [
  {
    name: '001_surveys',
    sql: `
      create table surveys (
        id serial primary key,
        space_id int references spaces(id) on delete set null,
        title text not null check (length(title) between 1 and 200),
        description text not null default '',
        status text not null default 'draft' check (status in ('draft','open','closed')),
        mode text not null default 'signed_in' check (mode in ('signed_in','anonymous_signed_in','open')),
        results_public boolean not null default false,
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null default now(),
        opened_at timestamptz,
        closed_at timestamptz
      );
      create index surveys_space_idx on surveys(space_id);
      create table survey_questions (
        id serial primary key,
        survey_id int not null references surveys(id) on delete cascade,
        page int not null default 1 check (page between 1 and 50),
        position int not null,
        kind text not null check (kind in ('short_text','long_text','single_choice','multiple_choice','scale',
          'matrix_single','matrix_multiple','ranking','number','date','map_point')),
        title text not null check (length(title) between 1 and 500),
        help text not null default '',
        required boolean not null default false,
        choices jsonb not null default '[]',
        rows jsonb not null default '[]',
        settings jsonb not null default '{}',
        condition jsonb
      );
      create index survey_questions_survey_idx on survey_questions(survey_id, page, position);
      create table survey_responses (
        id bigserial primary key,
        survey_id int not null references surveys(id) on delete cascade,
        user_id uuid references users(id) on delete set null,
        submitted_on date not null default current_date,
        submitted_at timestamptz,
        unique (survey_id, user_id)
      );
      create table survey_answers (
        response_id bigint not null references survey_responses(id) on delete cascade,
        question_id int not null references survey_questions(id) on delete cascade,
        value jsonb not null,
        primary key (response_id, question_id)
      );
      create index survey_answers_question_idx on survey_answers(question_id);
      create table survey_participations (
        survey_id int not null references surveys(id) on delete cascade,
        user_id uuid references users(id) on delete cascade,
        browser_hash text,
        check ((user_id is null) <> (browser_hash is null))
      );
      create unique index survey_participations_user_uq on survey_participations(survey_id, user_id) where user_id is not null;
      create unique index survey_participations_browser_uq on survey_participations(survey_id, browser_hash) where browser_hash is not null;`,
  },
];
