// Demo meetings: the three Cluj workshops of July 2023 from the project reports (dates, venue,
// themes, attendance and what was discussed), plus the announced closing conference, booked a
// fortnight after the demo is installed so registration can be tried. The reports give dates but
// not hours; 17:00–19:00 is the demo's assumption.
import type { AppContext } from '../../core/context.ts';
import { localToUtc } from './format.ts';
import { scheduleReminder } from './reminders.ts';

const VENUE = 'Centrul de Cultură Urbană – Turnul Croitorilor, Str. Baba Novac nr. 2, Cluj-Napoca';
const VENUE_POINT = { lat: 46.767, lng: 23.5867 };

export const CLUJ_WORKSHOPS = [
  {
    date: '2023-07-06',
    title: 'Workshop 1 // Cetățeanul Smart City',
    description:
      'Prezentarea proiectului și dezbaterea noțiunilor de responsabilitate civică și de cetățean civic digital: protecția mediului, responsabilitatea socială, egalitatea de șanse și nediscriminarea, motivele implicării civice.',
    attendance: 30,
    minutes:
      'Au participat 30 de persoane din instituții publice (Cluj-Napoca), ONG-uri, mediul academic, cetățeni din comunitatea locală, echipa de implementare și colaboratori.\n' +
      'Au fost prezentate și dezbătute noțiunile de Responsabilitate Civică și de cetățean civic digital, împreună cu dimensiunile esențiale ale manifestării acestora: protecția mediului, responsabilitatea socială, egalitatea de șanse și nediscriminarea de gen, rasă, origine etnică, religie, handicap, vârstă, orientare sexuală, precum și principalele motive pentru implicarea în acțiuni de responsabilitate civică.\n' +
      'Au fost discutate instrumentele necesare pentru implementarea soluțiilor rezultate din implicarea civică și componentele cetățeniei civice digitale. Sesiunea s-a încheiat cu prezentarea draftului de platformă; participanții au fost invitați să vină cu propuneri și sugestii.\n' +
      'S-a anunțat următorul eveniment: Workshop nr. 2 – Responsabilitatea civică în era digitală.',
  },
  {
    date: '2023-07-12',
    title: 'Workshop 2 // Responsabilitatea civică în era digitală',
    description: 'Modalitățile și mijloacele de manifestare a responsabilității civice în mediul online; digitalizarea administrației publice.',
    attendance: 36,
    minutes:
      'Au participat 36 de persoane din instituții publice (Cluj-Napoca), ONG-uri, mediul academic, cetățeni din comunitatea locală, echipa de implementare și colaboratori.\n' +
      'Tema principală: modalitățile și mijloacele de manifestare a Responsabilității Civice în mediul online. Au fost discutate protecția mediului și dezvoltarea durabilă, egalitatea de șanse pentru toți, fără discriminare.\n' +
      'Participanții au împărtășit platformele prin care este posibilă participarea la decizia locală (de exemplu bugetarea participativă a Clujului) și portalurile care facilitează relația cu instituțiile statului (ghiseul.ro, geoportal.ancpi.ro, aici.gov.ro), cu avantajele utilizării lor.\n' +
      'Sesiunea s-a încheiat cu prezentarea stadiului draftului de platformă. S-a anunțat Workshop nr. 3 – Efecte ale asumării sau lipsei de asumare a responsabilității civice.',
  },
  {
    date: '2023-07-20',
    title: 'Workshop 3 // Efecte ale asumării sau lipsei de asumare a responsabilității civice',
    description: 'Modalități de manifestare a responsabilității civice, beneficiile implicării și acțiunii civice și potențialul impact al lipsei de manifestare a responsabilității civice.',
    attendance: 27,
    minutes:
      'Au participat 27 de persoane din instituții publice (Cluj-Napoca), ONG-uri, mediul academic, cetățeni din comunitatea locală, echipa de implementare și colaboratori.\n' +
      'Au fost prezentate și dezbătute: modalitățile de manifestare ale responsabilității civice, beneficiile implicării și acțiunii civice și potențialul impact al lipsei de manifestare a responsabilității civice.\n' +
      'Participanții au completat un exercițiu de conștientizare a importanței implicării civice și de identificare a modalităților și domeniilor de implicare potrivite profilului fiecăruia (Fișa de exercițiu, disponibilă ca chestionar pe platformă).\n' +
      'S-a anunțat următorul eveniment: conferința de final de proiect.',
  },
];

/** The demo space of the July 2023 workshops (shared with the surveys seed, whichever runs first). */
const WORKSHOPS_SPACE = {
  slug: 'dialog-civic-cluj-2023',
  title: 'Dialog civic Cluj: atelierele din iulie 2023',
  subtitle: 'Cetățeanul smart city și responsabilitatea civică în era digitală',
  description:
    'Seria de workshop-uri a proiectului „Dezvoltarea instrumentelor de consolidare a dialogului social și civic” (cod 151456), la Centrul de Cultură Urbană – Turnul Croitorilor. Aici găsiți atelierele, minutele lor și fișa de exercițiu.',
};

async function demoSpace(ctx: AppContext, adminId: string | null): Promise<number> {
  const [s] = await ctx.database.query<{ id: number }>(
    `insert into spaces (kind, slug, title, subtitle, description, published, published_at, created_by) values ('process', $1, $2, $3, $4, true, now(), $5)
     on conflict (slug) do update set slug = excluded.slug returning id`,
    [WORKSHOPS_SPACE.slug, WORKSHOPS_SPACE.title, WORKSHOPS_SPACE.subtitle, WORKSHOPS_SPACE.description, adminId],
  );
  await ctx.database.query(
    `insert into space_components (space_id, module, title, position) select $1, 'meetings', 'Workshop-uri', coalesce(max(position), 0) + 1 from space_components where space_id = $1`,
    [s!.id],
  );
  return s!.id;
}

export async function seedMeetingsDemo(ctx: AppContext, now = new Date()): Promise<void> {
  const [admin] = await ctx.database.query<{ user_id: string }>(`select user_id from user_roles where role = 'admin' limit 1`);
  const spaceId = await demoSpace(ctx, admin?.user_id ?? null);
  const insert = `insert into meetings (title, description, space_id, starts_at, ends_at, format, address, location, capacity, registration_open, attendance_count, minutes, created_by)
    values ($1, $2, $3, $4, $5, 'in_person', $6, ST_SetSRID(ST_MakePoint($7, $8), 4326), $9, $10, $11, $12, $13) returning id`;
  await ctx.database.transaction(async (tx) => {
    for (const w of CLUJ_WORKSHOPS) {
      await tx.query(insert, [w.title, w.description, spaceId, localToUtc(w.date, '17:00')!.toISOString(), localToUtc(w.date, '19:00')!.toISOString(), VENUE, VENUE_POINT.lng, VENUE_POINT.lat, null, false, w.attendance, w.minutes, admin?.user_id ?? null]);
    }
    const day = new Date(now.getTime() + 14 * 24 * 3600_000).toISOString().slice(0, 10);
    const startsAt = localToUtc(day, '17:00')!;
    const [m] = await tx.query<{ id: number }>(insert, [
      'Conferința de final de proiect',
      'Conferința anunțată la Workshop 3: rezultatele proiectului „Dezvoltarea instrumentelor de consolidare a dialogului social și civic” și prezentarea platformei. În demo, data se stabilește la două săptămâni după instalare.',
      spaceId,
      startsAt.toISOString(),
      localToUtc(day, '19:00')!.toISOString(),
      VENUE,
      VENUE_POINT.lng,
      VENUE_POINT.lat,
      40,
      true,
      null,
      null,
      admin?.user_id ?? null,
    ]);
    await scheduleReminder(ctx, tx, m!.id, startsAt, now);
  });
}
