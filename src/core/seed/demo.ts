// Seeds "Cluj-Napoca (demo)" on the first start of an empty database: boundary, districts,
// departments with their districts and categories, and one demo account per role. Passwords are
// random, printed once, and never stored in clear.
import type { AppContext } from '../context.ts';
import { hashPassword } from '../auth/password.ts';
import { randomToken } from '../auth/tokens.ts';
import { TERMS_VERSION } from '../privacy/consent-versions.ts';
import { CLUJ_BOUNDARY, CLUJ_DISTRICTS, multiPolygonGeoJson } from './cluj-geometry.ts';
import { DEFAULT_CITY } from '../settings/settings.ts';

export const DEMO_DEPARTMENTS: { slug: string; name: string; districts: string[] | 'all'; categories: [string, string, string, string][] }[] = [
  {
    slug: 'drumuri',
    name: 'Drumuri',
    districts: 'all',
    categories: [
      ['roads.pothole', 'Gropi în carosabil', 'Potholes', 'Kátyúk az úttesten'],
      ['roads.sidewalk', 'Trotuare deteriorate', 'Damaged sidewalks', 'Sérült járdák'],
      ['roads.signage', 'Indicatoare și marcaje', 'Signs and road markings', 'Táblák és útburkolati jelek'],
    ],
  },
  {
    slug: 'salubritate',
    name: 'Salubritate',
    districts: 'all',
    categories: [
      ['waste.uncollected', 'Gunoi neridicat', 'Uncollected waste', 'El nem szállított hulladék'],
      ['waste.illegal_dumping', 'Depozitare ilegală de deșeuri', 'Illegal dumping', 'Illegális hulladéklerakás'],
    ],
  },
  {
    slug: 'iluminat-public',
    name: 'Iluminat public',
    districts: 'all',
    categories: [['lighting.streetlight', 'Iluminat stradal defect', 'Broken street light', 'Hibás közvilágítás']],
  },
  {
    slug: 'spatii-verzi',
    name: 'Spații verzi',
    districts: ['centru', 'gheorgheni', 'marasti'],
    categories: [
      ['green.trees', 'Copaci și vegetație', 'Trees and vegetation', 'Fák és növényzet'],
      ['green.playground', 'Locuri de joacă', 'Playgrounds', 'Játszóterek'],
    ],
  },
  {
    slug: 'transport-public',
    name: 'Transport public',
    districts: 'all',
    categories: [['transit.stop', 'Stații de transport public', 'Public transport stops', 'Tömegközlekedési megállók']],
  },
  {
    slug: 'politia-locala',
    name: 'Poliția locală',
    districts: 'all',
    categories: [
      ['police.illegal_parking', 'Parcare neregulamentară', 'Illegal parking', 'Szabálytalan parkolás'],
      ['police.abandoned_vehicle', 'Vehicule abandonate', 'Abandoned vehicles', 'Elhagyott járművek'],
      ['police.noise', 'Zgomot și tulburarea liniștii', 'Noise and disturbance', 'Zaj és csendháborítás'],
    ],
  },
];

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
}

export async function isSeeded(ctx: AppContext): Promise<boolean> {
  return (await ctx.settings.get<string | null>('seeded', null)) !== null;
}

/** A city with no demo data: only the settings marker, so first start does not seed again. */
export async function seedEmpty(ctx: AppContext, cityName = DEFAULT_CITY.name): Promise<void> {
  await ctx.settings.set('city', { ...DEFAULT_CITY, name: cityName });
  await ctx.settings.set('demo', false);
  await ctx.settings.set('seeded', 'empty');
}

export async function seedDemo(ctx: AppContext): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  const makePassword = () => ctx.config.demoPassword ?? `demo-${randomToken(9)}`;
  await ctx.database.transaction(async (tx) => {
    await tx.query(`insert into areas (kind, slug, name, is_demo, geom) values ('city', 'cluj-napoca', 'Cluj-Napoca (demo)', true, ST_SetSRID(ST_GeomFromGeoJSON($1), 4326))`, [
      multiPolygonGeoJson(CLUJ_BOUNDARY),
    ]);
    for (const [slug, name, ring] of CLUJ_DISTRICTS) {
      await tx.query(`insert into areas (kind, slug, name, is_demo, geom) values ('district', $1, $2, true, ST_SetSRID(ST_GeomFromGeoJSON($3), 4326))`, [
        slug,
        name,
        multiPolygonGeoJson(ring),
      ]);
    }
    for (const d of DEMO_DEPARTMENTS) {
      const [dep] = await tx.query<{ id: number }>('insert into departments (slug, name, email) values ($1, $2, $3) returning id', [
        d.slug,
        d.name,
        `${d.slug}@demo.dezvolt.ro`,
      ]);
      await tx.query(
        `insert into department_districts (department_id, area_id)
         select $1, id from areas where kind = 'district' and ($2::text[] is null or slug = any($2::text[]))`,
        [dep!.id, d.districts === 'all' ? null : d.districts],
      );
      for (const [code, ro, en, hu] of d.categories) {
        await tx.query('insert into categories (code, name_ro, name_en, name_hu, department_id) values ($1, $2, $3, $4, $5)', [code, ro, en, hu, dep!.id]);
      }
    }
    const [org] = await tx.query<{ id: number }>(
      `insert into organizations (name, helix_type, verified_at) values ('Asociația Cartierul Verde (demo)', 'civil_society', now()) returning id`,
    );
    const people: { role: string; email: string; name: string; grant?: string; department?: string; org?: boolean }[] = [
      { role: 'admin', email: 'admin@demo.dezvolt.ro', name: 'Ana Admin', grant: 'admin' },
      { role: 'moderator', email: 'moderator@demo.dezvolt.ro', name: 'Mihai Moderator', grant: 'moderator' },
      { role: 'official (Drumuri)', email: 'drumuri@demo.dezvolt.ro', name: 'Ioana Drumuri', department: 'drumuri' },
      { role: 'official (Salubritate)', email: 'salubritate@demo.dezvolt.ro', name: 'Radu Salubritate', department: 'salubritate' },
      { role: 'organization representative', email: 'ong@demo.dezvolt.ro', name: 'Elena ONG', org: true },
      { role: 'citizen', email: 'cetatean@demo.dezvolt.ro', name: 'Andrei Cetățean' },
    ];
    for (const p of people) {
      const password = makePassword();
      const [u] = await tx.query<{ id: string }>(
        `insert into users (email, password_hash, display_name, email_verified_at) values ($1, $2, $3, now()) returning id`,
        [p.email, await hashPassword(password), p.name],
      );
      await tx.query(`insert into consents (user_id, kind, version, granted) values ($1, 'terms', $2, true)`, [u!.id, TERMS_VERSION]);
      if (p.grant) await tx.query('insert into user_roles (user_id, role) values ($1, $2)', [u!.id, p.grant]);
      if (p.department) {
        await tx.query('insert into department_members (department_id, user_id) select id, $2 from departments where slug = $1', [p.department, u!.id]);
      }
      if (p.org) await tx.query('insert into organization_members (organization_id, user_id) values ($1, $2)', [org!.id, u!.id]);
      accounts.push({ role: p.role, email: p.email, password });
    }
  });
  await ctx.settings.set('city', {
    ...DEFAULT_CITY,
    name: 'Cluj-Napoca (demo)',
    center: [46.7712, 23.6236],
    contactEmail: 'contact@demo.dezvolt.ro',
  });
  await ctx.settings.set('demo', true);
  for (const m of ctx.modules) await m.seeds?.demo?.(ctx);
  await ctx.settings.set('seeded', 'demo');
  return accounts;
}

export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const w = Math.max(...accounts.map((a) => a.role.length));
  return [
    'Demo accounts (shown only this once; passwords are not stored in clear):',
    ...accounts.map((a) => `  ${a.role.padEnd(w)}  ${a.email}  ${a.password}`),
  ].join('\n');
}
