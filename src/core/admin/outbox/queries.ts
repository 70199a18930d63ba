// The mail outbox as the admin reads it: every message the platform wrote, newest first.
import type { Database } from '../../db/database.ts';
import { isoSql } from '../components.tsx';

export const OUTBOX_PAGE_SIZE = 50;

export interface OutboxRow {
  id: number;
  to: string;
  subject: string;
  status: 'pending' | 'sent' | 'held' | 'failed';
  createdAt: string;
}

export interface OutboxMessage extends OutboxRow {
  body: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

const COLUMNS = `id::int as id, to_address as "to", subject, status, ${isoSql('created_at')} as "createdAt"`;

export async function listOutbox(db: Database, page: number): Promise<{ rows: OutboxRow[]; total: number }> {
  const [{ total }] = (await db.query<{ total: number }>('select count(*)::int as total from mail_outbox')) as [{ total: number }];
  const rows = await db.query<OutboxRow>(`select ${COLUMNS} from mail_outbox order by created_at desc, id desc limit $1 offset $2`, [
    OUTBOX_PAGE_SIZE,
    (page - 1) * OUTBOX_PAGE_SIZE,
  ]);
  return { rows, total };
}

export async function findOutboxMessage(db: Database, id: number): Promise<OutboxMessage | null> {
  const [m] = await db.query<OutboxMessage>(
    `select ${COLUMNS}, body_text as body, attempts, last_error as "lastError", ${isoSql('sent_at')} as "sentAt" from mail_outbox where id = $1`,
    [id],
  );
  return m ?? null;
}
