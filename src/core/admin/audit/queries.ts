// The audit log as the admin reads it, newest first, with the actor's display name.
import type { Database } from '../../db/database.ts';
import { isoSql, PAGE_SIZE } from '../components.tsx';

export interface AuditRow {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details: Record<string, unknown>;
}

export async function listAudit(db: Database, page: number): Promise<{ rows: AuditRow[]; total: number }> {
  const [{ total }] = (await db.query<{ total: number }>('select count(*)::int as total from audit_log')) as [{ total: number }];
  const rows = await db.query<AuditRow>(
    `select a.id::int as id, ${isoSql('a.at')} as at, u.display_name as "actorName", a.action, a.subject_type as "subjectType",
            a.subject_id as "subjectId", a.details
     from audit_log a left join users u on u.id = a.actor_id
     order by a.at desc, a.id desc limit $1 offset $2`,
    [PAGE_SIZE, (page - 1) * PAGE_SIZE],
  );
  return { rows, total };
}
