// The few numbers the admin dashboard shows.
import type { Database } from '../../db/database.ts';

export interface DashboardCounts {
  users: number;
  departments: number;
  organizations: number;
  mailPending: number;
  mailHeld: number;
  mailFailed: number;
  jobsQueued: number;
  jobsFailed: number;
}

export async function dashboardCounts(db: Database): Promise<DashboardCounts> {
  const [c] = await db.query<DashboardCounts>(
    `select
       (select count(*)::int from users where erased_at is null) as users,
       (select count(*)::int from departments) as departments,
       (select count(*)::int from organizations) as organizations,
       (select count(*)::int from mail_outbox where status = 'pending') as "mailPending",
       (select count(*)::int from mail_outbox where status = 'held') as "mailHeld",
       (select count(*)::int from mail_outbox where status = 'failed') as "mailFailed",
       (select count(*)::int from jobs where status = 'queued') as "jobsQueued",
       (select count(*)::int from jobs where status = 'failed') as "jobsFailed"`,
  );
  return c!;
}
