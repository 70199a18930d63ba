// Bulk seeding for the proposals benchmark: N proposals in one component of the demo process, about
// 10 supports per proposal (each from a distinct person, counters matching the rows) and about 5
// comments per proposal, in a few INSERT ... SELECT statements per chunk (generate_series), never one
// command per row. Texts are Romanian, built from word lists so full-text search has real words.
import type { Database } from '../src/core/db/database.ts';

export const BENCH_USERS = 5000;
const CHUNK = 25_000;

const SUBJECTS = ['Pistă de biciclete', 'Parc de buzunar', 'Loc de joacă', 'Trotuar nou', 'Iluminat public', 'Bănci și umbrare', 'Cișmea cu apă potabilă', 'Parcare pentru biciclete', 'Stație de autobuz acoperită', 'Grădină comunitară', 'Teren de sport', 'Treceri de pietoni sigure', 'Arbori pe stradă', 'Toaletă publică', 'Bibliotecă în cartier', 'Atelier pentru tineri', 'Piață volantă', 'Câine-parc', 'Fântână arteziană', 'Rampă pentru cărucioare'];
const PLACES = ['pe strada Observatorului', 'în Mănăștur', 'în Piața Unirii', 'lângă Sala Polivalentă', 'în Gheorgheni', 'pe Calea Florești', 'în Mărăști', 'pe malul Someșului', 'în Zorilor', 'lângă gară', 'în Grigorescu', 'în Parcul Central', 'lângă școala din cartier', 'pe Bulevardul Eroilor', 'în Bună Ziua'];
const REASONS = ['Copiii nu au unde să se joace în siguranță.', 'Vârstnicii așteaptă în soare fără nicio bancă.', 'Mașinile circulă cu viteză mare și pietonii sunt în pericol.', 'Zona este întunecată seara și oamenii evită să treacă pe acolo.', 'Bicicliștii merg printre mașini pe carosabil.', 'Vara nu există nicio sursă de apă pentru trecători.', 'Spațiul este abandonat și plin de gunoaie.', 'Locuitorii ar folosi zilnic un astfel de loc.'];
const COMMENTS = ['Susțin ideea, e foarte necesară.', 'Ar trebui gândită și pentru persoanele cu dizabilități.', 'Nu sunt de acord, bugetul ar trebui folosit altfel.', 'Locuiesc în zonă și confirm problema.', 'Poate ar fi mai bine pe strada vecină.', 'Cât ar costa? Ar fi bine să știm.', 'Foarte bună propunere, am semnat-o.'];

const arr = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;

export interface ProposalSeedStats {
  proposals: number;
  supports: number;
  comments: number;
  users: number;
  seconds: number;
}

export async function seedBenchProposals(db: Database, componentId: number, n: number, log: (l: string) => void): Promise<ProposalSeedStats> {
  const started = Date.now();
  const [space] = await db.query<{ space_id: number }>('select space_id from space_components where id = $1', [componentId]);
  await db.query(
    `insert into users (email, password_hash, display_name, email_verified_at)
     select 'bench' || g || '@bench-proposals.dezvolt.test', 'not-a-real-hash', 'Participant ' || g, now() from generate_series(1, $1) g
     on conflict (email) do nothing`,
    [BENCH_USERS],
  );
  const users = (await db.query<{ id: string }>(`select id from users where email like '%@bench-proposals.dezvolt.test' order by email`)).map((r) => r.id);
  const districts = (await db.query<{ id: number }>(`select id from areas where kind = 'district' order by id`)).map((r) => r.id);
  const categories = (await db.query<{ id: number }>('select id from proposal_categories order by id')).map((r) => r.id);
  const [{ first } = { first: 0 }] = await db.query<{ first: number }>(`select coalesce(max(id), 0)::int + 1 as first from proposals`);
  for (let lo = 0; lo < n; lo += CHUNK) {
    const hi = Math.min(n, lo + CHUNK);
    await db.query(
      `insert into proposals (component_id, space_id, author_id, title, body, body_public, category_id, district_id, state, created_at)
       select $1, $2, ($3::uuid[])[1 + (g % array_length($3::uuid[], 1))],
              s.subject || ' ' || s.place || ' (' || g || ')', s.body, s.body,
              ($4::int[])[1 + (g % array_length($4::int[], 1))], ($5::int[])[1 + (g % array_length($5::int[], 1))],
              case when g % 50 = 0 then 'accepted' when g % 37 = 0 then 'rejected' when g % 9 = 0 then 'under_review' else 'open' end,
              now() - make_interval(mins => g)
       from generate_series($6::int, $7::int - 1) g,
       lateral (select (${arr(SUBJECTS)})[1 + (g % ${SUBJECTS.length})] as subject,
                       (${arr(PLACES)})[1 + ((g / ${SUBJECTS.length}) % ${PLACES.length})] as place,
                       (${arr(REASONS)})[1 + (g % ${REASONS.length})] || ' ' || (${arr(REASONS)})[1 + ((g / 3) % ${REASONS.length})] as body) s`,
      [componentId, space!.space_id, users, categories, districts, lo, hi],
    );
    log(`  proposals ${hi.toLocaleString('en')} / ${n.toLocaleString('en')}`);
  }
  const [{ last } = { last: 0 }] = await db.query<{ last: number }>('select max(id)::int as last from proposals');
  // (id % 19) + 1 supports per proposal (10 on average), from distinct people: 97 is prime to the
  // number of people, so j ↦ (31·id + 97·j) mod U never repeats for j ≤ 19.
  for (let lo = first; lo <= last; lo += CHUNK) {
    const hi = Math.min(last, lo + CHUNK - 1);
    await db.query(
      `insert into proposal_supports (proposal_id, user_id, component_id)
       select p.id, ($1::uuid[])[1 + ((p.id * 31 + j * 97) % array_length($1::uuid[], 1))], $2
       from proposals p, generate_series(1, 19) j
       where p.component_id = $2 and p.id between $3 and $4 and j <= (p.id % 19) + 1`,
      [users, componentId, lo, hi],
    );
    await db.query(`update proposals set supports_count = (id % 19) + 1 where component_id = $1 and id between $2 and $3`, [componentId, lo, hi]);
    // About five top-level comments per proposal (0–10).
    await db.query(
      `insert into comments (subject_type, subject_id, author_id, body, body_public, body_hash, stance)
       select 'proposal', p.id, ($1::uuid[])[1 + ((p.id * 7 + j * 13) % array_length($1::uuid[], 1))], c.t, c.t, md5(p.id || ':' || j),
              (array['for','against','neutral'])[1 + ((p.id + j) % 3)]
       from proposals p, generate_series(1, 10) j,
       lateral (select (${arr(COMMENTS)})[1 + ((p.id + j) % ${COMMENTS.length})] as t) c
       where p.component_id = $2 and p.id between $3 and $4 and j <= (p.id * 7) % 11`,
      [users, componentId, lo, hi],
    );
    await db.query(
      `update proposals p set comments_count = c.n from (select subject_id, count(*)::int as n from comments where subject_type = 'proposal' and subject_id between $2 and $3 group by subject_id) c
       where p.id = c.subject_id and p.component_id = $1`,
      [componentId, lo, hi],
    );
    log(`  supports and comments up to proposal ${hi.toLocaleString('en')}`);
  }
  await db.query(
    `insert into proposal_support_quotas (component_id, user_id, used, allowed)
     select $1, user_id, count(*)::int, 2147483647 from proposal_supports where component_id = $1 group by user_id
     on conflict (component_id, user_id) do update set used = excluded.used`,
    [componentId],
  );
  // The counter updates above left dead row versions; a real database's autovacuum would have cleared them.
  await db.exec('vacuum analyze');
  const [stats] = await db.query<{ proposals: number; supports: number; comments: number }>(
    `select (select count(*)::int from proposals where component_id = $1) as proposals,
            (select count(*)::int from proposal_supports where component_id = $1) as supports,
            (select count(*)::int from comments c join proposals p on p.id = c.subject_id and c.subject_type = 'proposal' where p.component_id = $1) as comments`,
    [componentId],
  );
  return { ...stats!, users: users.length, seconds: Math.round((Date.now() - started) / 100) / 10 };
}
