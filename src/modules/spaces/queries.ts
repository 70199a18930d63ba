// Reading spaces and what they hold. Rows are mapped to plain view objects here; pages and the API
// never see database rows.
import type { Database, TxQuery } from '../../core/db/database.ts';
import { phaseSettings, type Component, type MemberRole, type Phase, type SpaceKind, type SpaceRef } from './model.ts';

type Q = Pick<Database, 'query'> | TxQuery;

export interface Space extends SpaceRef {
  subtitle: string;
  description: string;
  areaId: number | null;
  district: string | null;
  createdAt: string;
}

export interface SpaceSummary extends SpaceRef {
  subtitle: string;
  district: string | null;
  phase: string | null;
  followers: number;
}

const SPACE_COLUMNS = `s.id, s.kind, s.slug, s.title, s.subtitle, s.description, s.area_id, a.name as district, s.published, s.created_at`;

interface SpaceRow {
  id: number;
  kind: SpaceKind;
  slug: string;
  title: string;
  subtitle: string;
  description: string;
  area_id: number | null;
  district: string | null;
  published: boolean;
  created_at: Date | string;
}

function toSpace(r: SpaceRow): Space {
  return {
    id: r.id,
    kind: r.kind,
    slug: r.slug,
    title: r.title,
    subtitle: r.subtitle,
    description: r.description,
    areaId: r.area_id,
    district: r.district,
    published: r.published,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function findSpaceBySlug(db: Q, slug: string): Promise<Space | null> {
  const [r] = await db.query<SpaceRow>(`select ${SPACE_COLUMNS} from spaces s left join areas a on a.id = s.area_id where s.slug = $1`, [slug]);
  return r ? toSpace(r) : null;
}

export async function findSpace(db: Q, id: number): Promise<Space | null> {
  const [r] = await db.query<SpaceRow>(`select ${SPACE_COLUMNS} from spaces s left join areas a on a.id = s.area_id where s.id = $1`, [id]);
  return r ? toSpace(r) : null;
}

export async function listSpaces(db: Q, opts: { kind?: SpaceKind | undefined; includeUnpublished?: boolean }): Promise<SpaceSummary[]> {
  const rows = await db.query<{ id: number; kind: SpaceKind; slug: string; title: string; subtitle: string; district: string | null; published: boolean; phase: string | null; followers: number }>(
    `select s.id, s.kind, s.slug, s.title, s.subtitle, a.name as district, s.published,
            (select p.title from space_phases p where p.space_id = s.id and p.active) as phase,
            (select count(*)::int from space_followers f where f.space_id = s.id) as followers
     from spaces s left join areas a on a.id = s.area_id
     where ($1::text is null or s.kind = $1) and ($2 or s.published)
     order by s.kind, s.published desc, s.created_at desc`,
    [opts.kind ?? null, opts.includeUnpublished ?? false],
  );
  return rows;
}

interface PhaseRow {
  id: number;
  position: number;
  title: string;
  description: string;
  starts_on: string | null;
  ends_on: string | null;
  active: boolean;
  settings: unknown;
}

function toPhase(r: PhaseRow): Phase {
  return { id: r.id, position: r.position, title: r.title, description: r.description, startsOn: r.starts_on, endsOn: r.ends_on, active: r.active, settings: phaseSettings(r.settings) };
}

const PHASE_COLUMNS = `id, position, title, description, starts_on::text as starts_on, ends_on::text as ends_on, active, settings`;

export async function spacePhases(db: Q, spaceId: number): Promise<Phase[]> {
  return (await db.query<PhaseRow>(`select ${PHASE_COLUMNS} from space_phases where space_id = $1 order by position, id`, [spaceId])).map(toPhase);
}

export async function findPhase(db: Q, spaceId: number, phaseId: number): Promise<Phase | null> {
  const [r] = await db.query<PhaseRow>(`select ${PHASE_COLUMNS} from space_phases where space_id = $1 and id = $2`, [spaceId, phaseId]);
  return r ? toPhase(r) : null;
}

interface ComponentRow {
  id: number;
  module: string;
  title: string;
  position: number;
  published: boolean;
  settings: Record<string, unknown> | null;
}

const toComponent = (r: ComponentRow): Component => ({ id: r.id, module: r.module, title: r.title, position: r.position, published: r.published, settings: r.settings ?? {} });

export async function spaceComponents(db: Q, spaceId: number, opts: { publishedOnly?: boolean } = {}): Promise<Component[]> {
  const rows = await db.query<ComponentRow>(
    `select id, module, title, position, published, settings from space_components
     where space_id = $1 and ($2 = false or published) order by position, id`,
    [spaceId, opts.publishedOnly ?? false],
  );
  return rows.map(toComponent);
}

export async function findComponent(db: Q, spaceId: number, componentId: number): Promise<Component | null> {
  const [r] = await db.query<ComponentRow>(`select id, module, title, position, published, settings from space_components where space_id = $1 and id = $2`, [spaceId, componentId]);
  return r ? toComponent(r) : null;
}

export interface Member {
  userId: string;
  name: string;
  role: MemberRole;
  positionTitle: string;
}

export async function spaceMembers(db: Q, spaceId: number): Promise<Member[]> {
  return db.query<Member>(
    `select m.user_id as "userId", u.display_name as name, m.role, m.position_title as "positionTitle"
     from space_members m join users u on u.id = m.user_id
     where m.space_id = $1 and u.erased_at is null
     order by array_position(array['coordinator','secretary','expert','member'], m.role), u.display_name`,
    [spaceId],
  );
}

export async function memberRole(db: Q, spaceId: number, userId: string | undefined): Promise<MemberRole | null> {
  if (!userId) return null;
  const [r] = await db.query<{ role: MemberRole }>('select role from space_members where space_id = $1 and user_id = $2', [spaceId, userId]);
  return r?.role ?? null;
}

export interface NewsItem {
  id: number;
  title: string;
  body: string;
  author: string | null;
  publishedAt: string;
}

export async function spaceNews(db: Q, spaceId: number, limit: number, offset = 0): Promise<NewsItem[]> {
  const rows = await db.query<{ id: number; title: string; body: string; author: string | null; published_at: Date | string }>(
    `select n.id, n.title, n.body, u.display_name as author, n.published_at
     from space_news n left join users u on u.id = n.author_id
     where n.space_id = $1 order by n.published_at desc, n.id desc limit $2 offset $3`,
    [spaceId, limit, offset],
  );
  return rows.map((r) => ({ id: r.id, title: r.title, body: r.body, author: r.author, publishedAt: new Date(r.published_at).toISOString() }));
}

export async function newsCount(db: Q, spaceId: number): Promise<number> {
  const [r] = await db.query<{ n: number }>('select count(*)::int as n from space_news where space_id = $1', [spaceId]);
  return r?.n ?? 0;
}

export async function followerCount(db: Q, spaceId: number): Promise<number> {
  const [r] = await db.query<{ n: number }>('select count(*)::int as n from space_followers where space_id = $1', [spaceId]);
  return r?.n ?? 0;
}

export async function isFollower(db: Q, spaceId: number, userId: string | undefined): Promise<boolean> {
  if (!userId) return false;
  return (await db.query('select 1 from space_followers where space_id = $1 and user_id = $2', [spaceId, userId])).length > 0;
}

export async function districtOptions(db: Q): Promise<{ id: number; name: string }[]> {
  return db.query(`select id, name from areas where kind = 'district' order by name`);
}
