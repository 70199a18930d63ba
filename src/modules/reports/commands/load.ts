import type { Database, TxQuery } from '../../../core/db/database.ts';
import type { ReportSubject } from '../policy.ts';
import type { Status } from '../workflow.ts';

export interface ReportCore extends ReportSubject {
  id: number;
  status: Status;
  categoryId: number;
  descriptionPublic: string;
  contactEmail: string | null;
  contactName: string | null;
}

export async function loadReportCore(q: Pick<Database | TxQuery, 'query'>, id: number, lock = false): Promise<ReportCore | undefined> {
  const [r] = await q.query<{
    id: number;
    department_id: number | null;
    reporter_id: string | null;
    status: Status;
    hidden: boolean;
    category_id: number;
    description_public: string;
    contact_email: string | null;
    contact_name: string | null;
  }>(
    `select id::int as id, department_id, reporter_id, status, hidden_at is not null as hidden, category_id, description_public, contact_email, contact_name
     from reports where id = $1 ${lock ? 'for update' : ''}`,
    [id],
  );
  if (!r) return undefined;
  return {
    id: r.id,
    departmentId: r.department_id,
    reporterId: r.reporter_id,
    status: r.status,
    hidden: r.hidden,
    categoryId: r.category_id,
    descriptionPublic: r.description_public,
    contactEmail: r.contact_email,
    contactName: r.contact_name,
  };
}
