// Read models for the organization pages.
import type { Database } from '../../db/database.ts';
import { isoSql } from '../components.tsx';
import type { MemberRow } from '../departments/queries.ts';
import type { HelixType } from './commands.ts';

export interface OrganizationRow {
  id: number;
  name: string;
  helixType: HelixType;
  verifiedAt: string | null;
  members: number;
}

const COLUMNS = `o.id, o.name, o.helix_type as "helixType", ${isoSql('o.verified_at')} as "verifiedAt",
  (select count(*)::int from organization_members m where m.organization_id = o.id) as members`;

export async function listOrganizations(db: Database): Promise<OrganizationRow[]> {
  return db.query<OrganizationRow>(`select ${COLUMNS} from organizations o order by o.name, o.id`);
}

export async function findOrganization(db: Database, id: number): Promise<OrganizationRow | null> {
  const [o] = await db.query<OrganizationRow>(`select ${COLUMNS} from organizations o where o.id = $1`, [id]);
  return o ?? null;
}

export async function organizationMembers(db: Database, organizationId: number): Promise<MemberRow[]> {
  return db.query<MemberRow>(
    `select u.id as "userId", u.display_name as "displayName", u.email
     from organization_members m join users u on u.id = m.user_id
     where m.organization_id = $1 order by u.display_name, u.id`,
    [organizationId],
  );
}
