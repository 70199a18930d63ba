// Bulk seeding for the reports benchmark: N reports over the demo city in a handful of
// INSERT ... SELECT statements per chunk (generate_series, never one command per report), shaped
// like a city's three years of reports: denser in the centre, every demo category with its own
// hand-written Romanian texts, statuses that follow the report's age, a public history per report,
// followers, some photos, Open311 details and a few area alerts. Runs after the demo seed.
import sharp from 'sharp';
import type { Database } from '../src/core/db/database.ts';
import { hashPassword } from '../src/core/auth/password.ts';
import { randomToken } from '../src/core/auth/tokens.ts';
import { TERMS_VERSION } from '../src/core/privacy/consent-versions.ts';
import { maskPersonalData } from '../src/core/text/mask-personal-data.ts';
import { REPORTS_RO } from '../src/modules/reports/classifier/fixtures/reports-ro.ts';

/** Share of reports per category (sums to 1): potholes, rubbish and parking lead, as on every city's platform. */
const CATEGORY_WEIGHTS: Record<string, number> = {
  'roads.pothole': 0.16,
  'roads.sidewalk': 0.08,
  'roads.signage': 0.05,
  'waste.uncollected': 0.14,
  'waste.illegal_dumping': 0.08,
  'lighting.streetlight': 0.12,
  'green.trees': 0.07,
  'green.playground': 0.04,
  'transit.stop': 0.05,
  'police.illegal_parking': 0.13,
  'police.abandoned_vehicle': 0.04,
  'police.noise': 0.04,
};

/** Share of the district-spread reports per district, roughly by population. */
const DISTRICT_WEIGHTS: Record<string, number> = { centru: 0.15, manastur: 0.2, marasti: 0.2, gheorgheni: 0.18, zorilor: 0.15, grigorescu: 0.12 };

/** Piața Unirii: the hot spot of the centre. */
export const CENTRE: [number, number] = [23.5896, 46.7694];

export const BENCH_USERS = 5000;
const CHUNK = 50_000;

const STREETS = [
  'Str. Memorandumului', 'Calea Dorobanților', 'Str. Horea', 'Calea Florești', 'Str. Observatorului', 'Bd. 21 Decembrie 1989',
  'Str. Moților', 'Calea Mănăștur', 'Str. Bucegi', 'Str. Primăverii', 'Bd. Eroilor', 'Str. Republicii', 'Calea Turzii',
  'Str. Fabricii', 'Str. Aurel Vlaicu', 'Str. Teodor Mihali', 'Str. Alexandru Vaida Voevod', 'Bd. Nicolae Titulescu',
  'Str. Avram Iancu', 'Str. Iuliu Maniu', 'Str. Napoca', 'Str. Brâncuși', 'Str. Donath', 'Str. Paris', 'Str. Dunării',
  'Str. Mehedinți', 'Str. Frunzișului', 'Str. Constanța', 'Bd. Muncii', 'Str. Fântânele',
];
const FIRST = ['Andrei', 'Maria', 'Ioana', 'Mihai', 'Elena', 'Alexandru', 'Ana', 'Radu', 'Cristina', 'Bogdan', 'Gabriela', 'Vlad', 'Zsófia', 'István', 'Réka', 'Attila', 'Diana', 'Sorin', 'Raluca', 'Călin'];
const LAST = ['Pop', 'Moldovan', 'Rus', 'Pop-Mureșan', 'Sabău', 'Man', 'Câmpean', 'Mureșan', 'Crișan', 'Nagy', 'Kovács', 'Szabó', 'Oltean', 'Bogdan', 'Pușcaș', 'Cârcu', 'Todea', 'Dragoș'];
const ACK_NOTES = [
  'Am preluat sesizarea și am transmis-o echipei din teren.',
  'Sesizarea a fost înregistrată; revenim după verificarea la fața locului.',
  'Mulțumim! Un coleg va verifica situația în zilele următoare.',
  'Sesizarea a fost repartizată operatorului de serviciu.',
];
const RESOLVED_NOTES = [
  'Lucrarea a fost executată. Vă mulțumim pentru sesizare.',
  'Echipa a intervenit și problema a fost remediată.',
  'Am înlocuit echipamentul defect.',
  'Zona a fost curățată, iar operatorul a fost sancționat contractual.',
  'Intervenția a fost inclusă în programul de reparații și finalizată.',
];
const REJECT_NOTES = [
  'Terenul nu aparține domeniului public al municipiului; am transmis sesizarea proprietarului.',
  'Există deja o sesizare pentru aceeași problemă; o urmărim pe aceea.',
  'La verificarea din teren nu am constatat problema semnalată.',
];
const PROGRESS_NOTES = ['Lucrarea este programată săptămâna viitoare.', 'Echipa lucrează în zonă.', 'Am comandat piesele necesare.'];

export interface SeedStats {
  reports: number;
  report_updates: number;
  report_followers: number;
  report_photos: number;
  seconds: number;
  steps: Record<string, number>;
}

const sqlArray = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;

async function tinyJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 140, g: 120, b: 90 } } }).jpeg({ quality: 70 }).toBuffer();
}

export async function seedBenchReports(db: Database, n: number, log: (line: string) => void): Promise<SeedStats> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    steps[name] = Math.round((performance.now() - t0) / 100) / 10;
    log(`  seed: ${name} ${steps[name]} s`);
  };
  const now = new Date().toISOString();
  const [{ max: demoMax } = { max: 0 }] = await db.query<{ max: number }>('select coalesce(max(id), 0)::int as max from reports');

  await step('helper tables', async () => {
    await db.exec(`
      drop table if exists bench_seed_categories, bench_seed_texts, bench_seed_districts, bench_seed_users, bench_seed_staff;
      create table bench_seed_categories (category_id int primary key, department_id int, lo float8 not null, hi float8 not null, n_texts int not null);
      create table bench_seed_texts (category_id int not null, k int not null, description text not null, description_public text not null, primary key (category_id, k));
      create table bench_seed_districts (area_id int primary key, lo float8, hi float8, x0 float8, x1 float8, y0 float8, y1 float8);
      create table bench_seed_users (k int primary key, id uuid not null);
      create table bench_seed_staff (department_id int primary key, user_id uuid);`);
    const cats = await db.query<{ id: number; code: string; department_id: number | null }>('select id, code, department_id from categories order by id');
    let lo = 0;
    for (const c of cats) {
      const w = CATEGORY_WEIGHTS[c.code];
      const texts = REPORTS_RO.filter((r) => r.code === c.code).map((r) => r.text);
      if (w === undefined || texts.length === 0) continue;
      await db.query('insert into bench_seed_categories values ($1, $2, $3, $4, $5)', [c.id, c.department_id, lo, lo + w, texts.length]);
      lo += w;
      await db.query(
        `insert into bench_seed_texts select $1, k - 1, d, p from unnest($2::text[], $3::text[]) with ordinality as t(d, p, k)`,
        [c.id, texts, texts.map((t) => maskPersonalData(t).text)],
      );
    }
    if (Math.abs(lo - 1) > 1e-9) throw new Error(`the demo categories do not match the benchmark's category weights (sum ${lo})`);
    await db.query('update bench_seed_categories set hi = 1.0000001 where hi = (select max(hi) from bench_seed_categories)');
    const districts = await db.query<{ id: number; slug: string }>(`select id, slug from areas where kind = 'district' order by id`);
    let dlo = 0;
    for (const d of districts) {
      const w = DISTRICT_WEIGHTS[d.slug] ?? 0;
      await db.query(
        `insert into bench_seed_districts select id, $2, $3, ST_XMin(geom), ST_XMax(geom), ST_YMin(geom), ST_YMax(geom) from areas where id = $1`,
        [d.id, dlo, dlo + w],
      );
      dlo += w;
    }
    await db.query('update bench_seed_districts set hi = 1.0000001 where hi = (select max(hi) from bench_seed_districts)');
    await db.query(
      `insert into bench_seed_staff
       select d.id, coalesce((select m.user_id from department_members m where m.department_id = d.id order by m.user_id limit 1),
                             (select user_id from user_roles where role = 'admin' order by user_id limit 1))
       from departments d`,
    );
  });

  await step(`${BENCH_USERS} citizens`, async () => {
    // One real hash shared by every bench citizen: nobody signs in with it, sessions are made directly.
    const hash = await hashPassword(`bench-${randomToken(12)}`);
    await db.query(
      `insert into users (email, password_hash, display_name, locale, email_verified_at, created_at)
       select 'cetatean' || g || '@bench.dezvolt.test', $1,
              (${sqlArray(FIRST)})[1 + g % ${FIRST.length}] || ' ' || (${sqlArray(LAST)})[1 + (g / ${FIRST.length}) % ${LAST.length}],
              case when g % 20 = 0 then 'en' when g % 10 = 1 then 'hu' else 'ro' end,
              $2::timestamptz - make_interval(days => 1100 - g % 1100), $2::timestamptz - make_interval(days => 1100 - g % 1100)
       from generate_series(1, $3::int) g`,
      [hash, now, BENCH_USERS],
    );
    await db.query(
      `insert into bench_seed_users select row_number() over (order by email) - 1, id from users where email like '%@bench.dezvolt.test'`,
    );
    await db.query(
      `insert into consents (user_id, kind, version, granted, at) select id, 'terms', $1, true, created_at from users where email like '%@bench.dezvolt.test'`,
      [TERMS_VERSION],
    );
  });

  for (let from = 1; from <= n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK - 1);
    await step(`reports ${from}–${to}`, () => insertReports(db, from, to, n, now));
  }
  const [{ max: lastId } = { max: 0 }] = await db.query<{ max: number }>('select max(id)::int as max from reports');
  const photo = { image: await tinyJpeg(160, 120), thumb: await tinyJpeg(80, 60) };
  for (let from = demoMax + 1; from <= lastId; from += CHUNK) {
    const to = Math.min(lastId, from + CHUNK - 1);
    await step(`history, followers, photos of ${from}–${to}`, () => insertDependents(db, from, to, now, photo));
  }

  await step('area alerts', () =>
    db.query(
      `insert into report_area_alerts (user_id, center, radius_m, area_id, created_at)
       select u.id,
              case when u.k % 5 <> 0 then ST_SetSRID(ST_MakePoint($1 + (random() - 0.5) * 0.12, $2 + (random() - 0.5) * 0.05), 4326) end,
              case when u.k % 5 <> 0 then (array[150, 300, 500, 1000])[1 + u.k % 4] end,
              case when u.k % 5 = 0 then (select area_id from bench_seed_districts order by area_id offset u.k % 6 limit 1) end,
              $3::timestamptz - interval '400 days'
       from bench_seed_users u where u.k % 17 = 0`,
      [CENTRE[0], CENTRE[1], now],
    ),
  );
  await step('drop helper tables', () => db.exec('drop table bench_seed_categories, bench_seed_texts, bench_seed_districts, bench_seed_users, bench_seed_staff'));
  // A steady-state database: statistics for the planner, visibility map set, nothing left for
  // autovacuum to do in the middle of a measurement.
  await step('fold summary deltas', () => db.query('select report_summaries_fold()'));
  await step('vacuum analyze', () => db.exec('vacuum analyze'));

  const count = async (table: string) => (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
  return {
    reports: await count('reports'),
    report_updates: await count('report_updates'),
    report_followers: await count('report_followers'),
    report_photos: await count('report_photos'),
    seconds: Math.round((performance.now() - started) / 100) / 10,
    steps,
  };
}

async function insertReports(db: Database, from: number, to: number, n: number, now: string): Promise<void> {
  // JIT would spend seconds compiling this one-off statement on PostgreSQL.
  await db.transaction(async (tx) => {
    await tx.exec('set local jit = off');
    await tx.query(
      `insert into reports (category_id, department_id, district_id, location, address, description, description_public,
         reporter_id, contact_name, contact_email, show_name, status, outcome, reject_reason, source, device_id,
         created_at, updated_at, acknowledged_at, resolved_at, closed_at, feedback_requested_at, fixed, rating, feedback_at, hidden_at, hidden_reason)
       with g as materialized (
         select i, random() as u_place, random() as u_a, random() as u_b, random() as u_d, random() as u_cat, random() as u_text,
                -- ids follow time, as in a real table: report i of n is as old as quantile 1 − i/n of the ages
                1 - (i - random()) / $4::float8 as u_age, random() as u_status, random() as u_who, random() as u_user, random() as u_t1, random() as u_t2, random() as u_out
         from generate_series($1::int, $2::int) i
       ),
       candidates as materialized (
         select g.*,
           -- district-spread point: uniform inside a district chosen by population weight
           ST_SetSRID(ST_MakePoint(d.x0 + g.u_a * (d.x1 - d.x0), d.y0 + g.u_b * (d.y1 - d.y0)), 4326) as p_district,
           case
             -- 22 %: around Piața Unirii (Box–Muller, σ ≈ 760 m east–west, 780 m north–south)
             when g.u_place < 0.22 then ST_SetSRID(ST_MakePoint(
               ${CENTRE[0]} + 0.010 * sqrt(-2 * ln(greatest(g.u_a, 1e-12))) * cos(2 * pi() * g.u_b),
               ${CENTRE[1]} + 0.007 * sqrt(-2 * ln(greatest(g.u_a, 1e-12))) * sin(2 * pi() * g.u_b)), 4326)
             -- 15 %: anywhere inside the city boundary, districts or not
             when g.u_place >= 0.85 then ST_SetSRID(ST_MakePoint(ST_XMin(city.geom) + g.u_a * (ST_XMax(city.geom) - ST_XMin(city.geom)),
                                                                ST_YMin(city.geom) + g.u_b * (ST_YMax(city.geom) - ST_YMin(city.geom))), 4326)
           end as p_free,
           city.geom as city_geom
         from g
         join bench_seed_districts d on g.u_d >= d.lo and g.u_d < d.hi
         cross join (select geom from areas where kind = 'city' limit 1) city
       ),
       placed as materialized (
         select c.*, case when c.p_free is not null and ST_Covers(c.city_geom, c.p_free) then c.p_free else c.p_district end as p,
                1095 * power(c.u_age, 1.4) as age_days
         from candidates c
       ),
       categorised as materialized (
         select p.*, c.category_id, c.department_id as category_department, floor(p.u_text * c.n_texts)::int as text_k,
                case when p.u_who < 0.65 then floor(${BENCH_USERS} * power(p.u_user, 2))::int end as user_k,
                (select a.id from areas a where a.kind = 'district' and ST_Covers(a.geom, p.p) order by ST_Area(a.geom) limit 1) as district_id
         from placed p
         join bench_seed_categories c on p.u_cat >= c.lo and p.u_cat < c.hi
       ),
       located as materialized (
         select p.*, $3::timestamptz - make_interval(secs => p.age_days * 86400) as created_at, u.id as reporter_id, t.description, t.description_public
         from categorised p
         join bench_seed_texts t on t.category_id = p.category_id and t.k = p.text_k
         left join bench_seed_users u on u.k = p.user_k
       ),
       staged as (
         select l.*,
           case
             when l.reporter_id is null and l.age_days < 3 and l.u_out < 0.25 then 'unconfirmed'
             when l.age_days < 2 then case when l.u_status < 0.7 then 'new' when l.u_status < 0.9 then 'acknowledged' else 'in_progress' end
             when l.age_days < 30 then case when l.u_status < 0.15 then 'new' when l.u_status < 0.40 then 'acknowledged' when l.u_status < 0.65 then 'in_progress'
                                            when l.u_status < 0.75 then 'planned' when l.u_status < 0.93 then 'resolved' else 'rejected' end
             when l.age_days < 180 then case when l.u_status < 0.03 then 'new' when l.u_status < 0.10 then 'acknowledged' when l.u_status < 0.22 then 'in_progress'
                                             when l.u_status < 0.32 then 'planned' when l.u_status < 0.72 then 'resolved' when l.u_status < 0.80 then 'rejected' else 'closed' end
             else case when l.u_status < 0.02 then 'in_progress' when l.u_status < 0.05 then 'planned' when l.u_status < 0.20 then 'resolved'
                       when l.u_status < 0.30 then 'rejected' else 'closed' end
           end as status
         from located l
       ),
       timed as (
         select s.*,
           case when s.status not in ('unconfirmed', 'new') then least($3::timestamptz, s.created_at + make_interval(secs => 3600 * (1 + 70 * s.u_t1))) end as ack_at,
           -- closed reports were resolved or rejected first; 15 % of them were rejections
           (s.status = 'rejected' or (s.status = 'closed' and s.u_out < 0.15)) as was_rejected
         from staged s
       ),
       resolved as (
         select t.*,
           case when t.status in ('resolved', 'rejected', 'closed')
                then t.ack_at + least($3::timestamptz - t.ack_at, interval '60 days') * (0.1 + 0.85 * t.u_t2) end as res_at
         from timed t
       ),
       finished as (
         select r.*,
           case when r.status = 'closed' then r.res_at + least($3::timestamptz - r.res_at, interval '14 days') * 0.9 end as closed_at,
           case when r.status in ('resolved', 'closed') and not r.was_rejected and r.reporter_id is not null and r.res_at < $3::timestamptz - interval '3 days'
                then r.res_at + interval '3 days' end as asked_at
         from resolved r
       )
       select f.category_id,
              coalesce((select rr.department_id from report_routing rr where rr.category_id = f.category_id and rr.area_id = f.district_id),
                       (select rr.department_id from report_routing rr where rr.category_id = f.category_id and rr.area_id is null),
                       f.category_department),
              f.district_id, f.p,
              case when f.i % 5 <> 0 then (${sqlArray(STREETS)})[1 + f.i % ${STREETS.length}] || ' ' || (1 + f.i % 120) end,
              f.description, f.description_public, f.reporter_id,
              case when f.reporter_id is null then (${sqlArray(FIRST)})[1 + f.i % ${FIRST.length}] || ' ' || (${sqlArray(LAST)})[1 + f.i % ${LAST.length}] end,
              case when f.reporter_id is null then 'sesizare' || f.i || '@example.ro' end,
              f.reporter_id is not null and f.u_who < 0.2,
              f.status,
              case when f.was_rejected then 'respinsa'
                   when f.status in ('resolved', 'closed') then case when f.u_out < 0.65 then 'favorabil' when f.u_out < 0.80 then 'partial'
                                                                     when f.u_out < 0.90 then 'transferata_operatorului' else 'nefavorabil' end end,
              case when f.was_rejected then (array['not_responsible', 'duplicate', 'not_actionable'])[1 + floor(f.u_t1 * 3)::int] end,
              case when f.i % 100 < 8 then 'open311' when f.i % 100 < 10 then 'import' else 'web' end,
              case when f.i % 100 < 8 then 'device-' || (f.i % 700) end,
              f.created_at,
              greatest(f.created_at, f.ack_at, f.res_at, f.closed_at),
              f.ack_at, f.res_at, f.closed_at, f.asked_at,
              case when f.asked_at is not null and f.u_t1 < 0.4 then f.u_t2 < 0.8 end,
              case when f.asked_at is not null and f.u_t1 < 0.4 then case when f.u_t2 < 0.8 then 3 + floor(f.u_out * 3)::int else 1 + floor(f.u_out * 2)::int end end,
              case when f.asked_at is not null and f.u_t1 < 0.4 then f.asked_at + interval '1 day' end,
              case when f.i % 331 = 0 then f.created_at + interval '6 hours' end,
              case when f.i % 331 = 0 then 'Conținut ofensator' end
       from finished f`,
      [from, to, now, n],
    );
  });
}

async function insertDependents(db: Database, from: number, to: number, now: string, photo: { image: Buffer; thumb: Buffer }): Promise<void> {
  const note = (notes: string[], salt: number) => `(${sqlArray(notes)})[1 + (r.id * ${salt}) % ${notes.length}]`;
  await db.query(
    `insert into report_updates (report_id, author_id, kind, status_from, status_to, body, body_public, public, details, created_at)
     select r.id, r.reporter_id, 'created', null, case when r.status = 'unconfirmed' then 'unconfirmed' else 'new' end, null, null, true, '{}'::jsonb, r.created_at
       from reports r where r.id between $1 and $2
     union all
     select r.id, st.user_id, 'status', 'new', 'acknowledged', ${note(ACK_NOTES, 7)}, ${note(ACK_NOTES, 7)}, true, '{}'::jsonb, r.acknowledged_at
       from reports r left join bench_seed_staff st on st.department_id = r.department_id
       where r.id between $1 and $2 and r.acknowledged_at is not null
     union all
     select r.id, st.user_id, 'status', 'acknowledged', case when r.status = 'planned' then 'planned' else 'in_progress' end,
            ${note(PROGRESS_NOTES, 11)}, ${note(PROGRESS_NOTES, 11)}, true, '{}'::jsonb,
            r.acknowledged_at + (coalesce(r.resolved_at, $3::timestamptz) - r.acknowledged_at) / 3
       from reports r left join bench_seed_staff st on st.department_id = r.department_id
       where r.id between $1 and $2 and (r.status in ('in_progress', 'planned') or (r.status in ('resolved', 'closed') and r.outcome <> 'respinsa' and r.id % 2 = 0))
     union all
     select r.id, st.user_id, 'status', 'acknowledged', case when r.outcome = 'respinsa' then 'rejected' else 'resolved' end,
            case when r.outcome = 'respinsa' then ${note(REJECT_NOTES, 13)} else ${note(RESOLVED_NOTES, 13)} end,
            case when r.outcome = 'respinsa' then ${note(REJECT_NOTES, 13)} else ${note(RESOLVED_NOTES, 13)} end, true, '{}'::jsonb, r.resolved_at
       from reports r left join bench_seed_staff st on st.department_id = r.department_id
       where r.id between $1 and $2 and r.resolved_at is not null
     union all
     select r.id, st.user_id, 'status', case when r.outcome = 'respinsa' then 'rejected' else 'resolved' end, 'closed', null, null, true, '{}'::jsonb, r.closed_at
       from reports r left join bench_seed_staff st on st.department_id = r.department_id
       where r.id between $1 and $2 and r.closed_at is not null
     union all
     select r.id, st.user_id, 'internal_note', null, null, 'Verificat în teren, necesită echipă cu utilaj.', null, false, '{}'::jsonb, r.acknowledged_at + interval '1 hour'
       from reports r left join bench_seed_staff st on st.department_id = r.department_id
       where r.id between $1 and $2 and r.acknowledged_at is not null and r.id % 10 = 3
     union all
     select r.id, r.reporter_id, 'feedback', null, null, null, null, true, jsonb_build_object('fixed', r.fixed, 'rating', r.rating), r.feedback_at
       from reports r where r.id between $1 and $2 and r.fixed is not null
     union all
     select r.id, null, 'hidden', null, null, r.hidden_reason, null, false, '{}'::jsonb, r.hidden_at
       from reports r where r.id between $1 and $2 and r.hidden_at is not null`,
    [from, to, now],
  );
  await db.query(
    `insert into report_followers (report_id, user_id, created_at)
     select r.id, r.reporter_id, r.created_at from reports r where r.id between $1 and $2 and r.reporter_id is not null
     union
     select r.id, u.id, r.created_at + interval '1 day' from reports r join bench_seed_users u on u.k = (r.id * 7919) % ${BENCH_USERS}
       where r.id between $1 and $2 and r.id % 10 = 0 and r.status <> 'unconfirmed' and r.reporter_id is distinct from u.id
     on conflict do nothing`,
    [from, to],
  );
  await db.query(
    `insert into report_photos (report_id, ordinal, content_type, width, height, image, thumb, created_at)
     select r.id, o, 'image/jpeg', 160, 120, $3, $4, r.created_at
     from reports r cross join generate_series(0, 1) o
     where r.id between $1 and $2 and r.id % 20 = 0 and (o = 0 or r.id % 60 = 0)`,
    [from, to, photo.image, photo.thumb],
  );
  await db.query(
    `insert into open311_request_details (report_id, device_id, attributes, created_at)
     select r.id, r.device_id, '{}'::jsonb, r.created_at from reports r where r.id between $1 and $2 and r.source = 'open311'`,
    [from, to],
  );
}
