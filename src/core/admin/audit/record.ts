// Every admin change writes one audit row through the change's own transaction, so the log can
// never claim a change that was rolled back nor miss one that was committed.
import type { TxQuery } from '../../db/database.ts';

export interface AuditEntry {
  actorId: string;
  /** What happened, e.g. `department.create`. */
  action: string;
  subjectType: string;
  subjectId: string | number;
  details?: Record<string, unknown>;
}

export async function recordAudit(tx: TxQuery, e: AuditEntry): Promise<void> {
  await tx.query('insert into audit_log (actor_id, action, subject_type, subject_id, details) values ($1, $2, $3, $4, $5)', [
    e.actorId,
    e.action,
    e.subjectType,
    String(e.subjectId),
    JSON.stringify(e.details ?? {}),
  ]);
}
