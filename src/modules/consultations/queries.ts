// Reading a consultation: the strategy tree with interest counts, one project or objective with
// its place in the tree, open actions, and the person's own expressions of interest.
import type { AppContext } from '../../core/context.ts';
import type { TxQuery } from '../../core/db/database.ts';
import type { ConsultationSubject } from './policy.ts';

type Q = Pick<TxQuery, 'query'>;

export interface Consultation extends ConsultationSubject {
  id: number;
  spaceId: number | null;
  spaceSlug: string | null;
  spaceTitle: string | null;
  title: string;
  purpose: string;
  startsOn: string | null;
  endsOn: string | null;
}

export interface ProjectNode {
  id: number;
  title: string;
  description: string;
  origin: 'strategy' | 'open_action';
  interests: number;
}
export interface ObjectiveNode {
  id: number;
  code: string;
  title: string;
  projects: ProjectNode[];
}
export interface AmbitionNode {
  id: number;
  code: string;
  title: string;
  objectives: ObjectiveNode[];
}

const COLUMNS = `c.id, c.space_id as "spaceId", sp.published as "spacePublished", sp.slug as "spaceSlug", sp.title as "spaceTitle", c.title, c.purpose,
  c.starts_on::text as "startsOn", c.ends_on::text as "endsOn", c.status`;

export async function getConsultation(db: Q, id: number): Promise<Consultation | undefined> {
  const [c] = await db.query<Consultation>(`select ${COLUMNS} from consultations c left join spaces sp on sp.id = c.space_id where c.id = $1`, [id]);
  return c;
}

/** Consultations for a list; the admin list (`includeDrafts`) also keeps those of unpublished spaces. */
export async function listConsultations(ctx: AppContext, includeDrafts: boolean, spaceId?: number): Promise<(Consultation & { projects: number })[]> {
  return ctx.database.query(
    `select ${COLUMNS}, (select count(*)::int from consultation_projects p join consultation_objectives o on o.id = p.objective_id
        join consultation_ambitions a on a.id = o.ambition_id where a.consultation_id = c.id) as projects
     from consultations c left join spaces sp on sp.id = c.space_id
     where ($1 or (c.status <> 'draft' and (c.space_id is null or sp.published))) and ($2::int is null or c.space_id = $2) order by c.id desc`,
    [includeDrafts, spaceId ?? null],
  );
}

export async function strategyTree(db: Q, consultationId: number): Promise<AmbitionNode[]> {
  const rows = await db.query<{ aid: number; acode: string; atitle: string; oid: number | null; ocode: string | null; otitle: string | null; pid: number | null; ptitle: string | null; pdesc: string | null; origin: 'strategy' | 'open_action' | null; interests: number }>(
    `select a.id as aid, a.code as acode, a.title as atitle, o.id as oid, o.code as ocode, o.title as otitle,
            p.id as pid, p.title as ptitle, p.description as pdesc, p.origin,
            (select count(*)::int from consultation_interests i where i.project_id = p.id) as interests
     from consultation_ambitions a
     left join consultation_objectives o on o.ambition_id = a.id
     left join consultation_projects p on p.objective_id = o.id
     where a.consultation_id = $1 order by a.position, o.position, p.position, p.id`,
    [consultationId],
  );
  const ambitions: AmbitionNode[] = [];
  for (const r of rows) {
    let a = ambitions.find((x) => x.id === r.aid);
    if (!a) ambitions.push((a = { id: r.aid, code: r.acode, title: r.atitle, objectives: [] }));
    if (r.oid === null) continue;
    let o = a.objectives.find((x) => x.id === r.oid);
    if (!o) a.objectives.push((o = { id: r.oid, code: r.ocode!, title: r.otitle!, projects: [] }));
    if (r.pid !== null) o.projects.push({ id: r.pid, title: r.ptitle!, description: r.pdesc ?? '', origin: r.origin!, interests: r.interests });
  }
  return ambitions;
}

export interface ProjectView {
  id: number;
  title: string;
  description: string;
  origin: 'strategy' | 'open_action';
  objectiveId: number;
  objectiveCode: string;
  objectiveTitle: string;
  ambitionId: number;
  ambitionCode: string;
  ambitionTitle: string;
  consultationId: number;
}

export async function getProject(db: Q, id: number): Promise<ProjectView | undefined> {
  const [p] = await db.query<ProjectView>(
    `select p.id, p.title, p.description, p.origin, o.id as "objectiveId", o.code as "objectiveCode", o.title as "objectiveTitle",
            a.id as "ambitionId", a.code as "ambitionCode", a.title as "ambitionTitle", a.consultation_id as "consultationId"
     from consultation_projects p join consultation_objectives o on o.id = p.objective_id join consultation_ambitions a on a.id = o.ambition_id
     where p.id = $1`,
    [id],
  );
  return p;
}

export interface ObjectiveView {
  id: number;
  code: string;
  title: string;
  ambitionId: number;
  ambitionCode: string;
  ambitionTitle: string;
  consultationId: number;
}

export async function getObjective(db: Q, id: number): Promise<ObjectiveView | undefined> {
  const [o] = await db.query<ObjectiveView>(
    `select o.id, o.code, o.title, a.id as "ambitionId", a.code as "ambitionCode", a.title as "ambitionTitle", a.consultation_id as "consultationId"
     from consultation_objectives o join consultation_ambitions a on a.id = o.ambition_id where o.id = $1`,
    [id],
  );
  return o;
}

/** How many expressions of interest a project has, by helix type ('individual' for people on their own behalf). */
export async function interestsByHelix(db: Q, projectId: number): Promise<{ helix: string; n: number }[]> {
  return db.query(
    `select coalesce(o.helix_type, 'individual') as helix, count(*)::int as n
     from consultation_interests i left join organizations o on o.id = i.organization_id where i.project_id = $1 group by 1 order by 1`,
    [projectId],
  );
}

export interface MyInterest {
  organizationId: number | null;
  expertise: string;
  consent: boolean;
}

export async function myInterest(db: Q, projectId: number, userId: string): Promise<MyInterest | null> {
  const [i] = await db.query<MyInterest>('select organization_id as "organizationId", expertise, consent_contact as consent from consultation_interests where project_id = $1 and user_id = $2', [projectId, userId]);
  return i ?? null;
}

/** The organizations a person may speak for. */
export async function myOrganizations(db: Q, userId: string): Promise<{ id: number; name: string; helixType: string }[]> {
  return db.query('select o.id, o.name, o.helix_type as "helixType" from organization_members m join organizations o on o.id = m.organization_id where m.user_id = $1 order by o.name', [userId]);
}

export interface OpenAction {
  id: number;
  ambitionId: number;
  ambitionCode: string;
  ambitionTitle: string;
  title: string;
  description: string;
  status: 'proposed' | 'promoted' | 'declined';
  projectId: number | null;
  author: string | null;
}

export async function openActions(db: Q, consultationId: number): Promise<OpenAction[]> {
  return db.query<OpenAction>(
    `select x.id, a.id as "ambitionId", a.code as "ambitionCode", a.title as "ambitionTitle", x.title, x.description, x.status, x.project_id as "projectId",
            coalesce(org.name, u.display_name) as author
     from consultation_actions x join consultation_ambitions a on a.id = x.ambition_id
     left join organizations org on org.id = x.organization_id left join users u on u.id = x.author_id
     where x.consultation_id = $1 order by a.position, x.id`,
    [consultationId],
  );
}

// The public never sees a draft, nor a consultation of a space that is not published.
const PUBLIC_WHERE = `c.status <> 'draft' and (c.space_id is null or sp.published)`;
const PROJECT_COUNT = `(select count(*)::int from consultation_projects p join consultation_objectives o on o.id = p.objective_id
  join consultation_ambitions a on a.id = o.ambition_id where a.consultation_id = c.id) as projects`;

export async function listPublicConsultations(
  db: Q,
  f: { spaceId?: number | undefined; status?: 'open' | 'closed' | undefined },
  page: number,
  pageSize: number,
): Promise<{ items: (Consultation & { projects: number })[]; total: number }> {
  const where = `${PUBLIC_WHERE} and ($1::int is null or c.space_id = $1) and ($2::text is null or c.status = $2)`;
  const params = [f.spaceId ?? null, f.status ?? null];
  const [items, [count]] = await Promise.all([
    db.query<Consultation & { projects: number }>(
      `select ${COLUMNS}, ${PROJECT_COUNT} from consultations c left join spaces sp on sp.id = c.space_id where ${where}
       order by case c.status when 'open' then 0 else 1 end, c.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
      params,
    ),
    db.query<{ n: number }>(`select count(*)::int as n from consultations c left join spaces sp on sp.id = c.space_id where ${where}`, params),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function getPublicConsultation(db: Q, id: number): Promise<(Consultation & { projects: number }) | undefined> {
  const [c] = await db.query<Consultation & { projects: number }>(`select ${COLUMNS}, ${PROJECT_COUNT} from consultations c left join spaces sp on sp.id = c.space_id where c.id = $1 and ${PUBLIC_WHERE}`, [id]);
  return c;
}

export interface PublicAction {
  id: number;
  ambitionCode: string;
  title: string;
  description: string;
  status: 'proposed' | 'promoted' | 'declined';
  projectId: number | null;
  /** The organization that proposed it; a person proposing on their own behalf stays unnamed. */
  organization: string | null;
}

export async function publicActions(db: Q, consultationId: number): Promise<PublicAction[]> {
  return db.query<PublicAction>(
    `select x.id, a.code as "ambitionCode", x.title, x.description, x.status, x.project_id as "projectId", org.name as organization
     from consultation_actions x join consultation_ambitions a on a.id = x.ambition_id left join organizations org on org.id = x.organization_id
     where x.consultation_id = $1 order by a.position, x.id`,
    [consultationId],
  );
}

/** A published space, for the `space` filter of the public API. */
export async function publishedSpace(db: Q, id: number): Promise<{ id: number } | undefined> {
  const [s] = await db.query<{ id: number }>('select id from spaces where id = $1 and published', [id]);
  return s;
}
