// What participatory budgeting holds about a person, for their data export, and how erasure
// anonymises it. A ballot stays counted after erasure (the vote was cast), but nothing links it to
// the person any more; the residents' list identifier stays on it, so one resident still has one
// ballot per budget.
import type { AppContext } from '../../core/context.ts';
import type { TxQuery } from '../../core/db/database.ts';

export async function budgetsPersonalData(ctx: AppContext, userId: string): Promise<Record<string, unknown>> {
  const projects = await ctx.database.query(
    `select p.id, p.title, p.status, p.created_at as "createdAt" from pb_projects p where p.author_id = $1 order by p.id`,
    [userId],
  );
  const comments = await ctx.database.query(
    `select project_id as "projectId", body, created_at as "createdAt" from pb_comments where author_id = $1 order by id`,
    [userId],
  );
  const ballots = await ctx.database.query(
    `select bu.name as budget, b.cast_at as "castAt", b.updated_at as "updatedAt",
            array(select p.title from pb_ballot_items i join pb_projects p on p.id = i.project_id where i.ballot_id = b.id order by i.position) as projects,
            array(select i.points::float8 from pb_ballot_items i where i.ballot_id = b.id order by i.position) as points
     from pb_ballots b join pb_budgets bu on bu.id = b.budget_id where b.voter_id = $1 order by b.id`,
    [userId],
  );
  const residentsLists = await ctx.database.query(
    `select e.title as edition, c.claimed_at as "claimedAt" from pb_census c join pb_editions e on e.id = c.edition_id where c.claimed_by = $1`,
    [userId],
  );
  return { projects, comments, ballots, residentsLists };
}

export async function budgetsEraseUser(_ctx: AppContext, userId: string, tx: TxQuery): Promise<void> {
  await tx.query('delete from pb_comments where author_id = $1', [userId]);
  await tx.query('update pb_projects set author_id = null where author_id = $1', [userId]);
  await tx.query('update pb_ballots set voter_id = null, submission_key = null where voter_id = $1', [userId]);
  await tx.query('update pb_ballots set entered_by = null where entered_by = $1', [userId]);
  await tx.query('update pb_projects set reviewed_by = null where reviewed_by = $1', [userId]);
  await tx.query('update pb_census set claimed_by = null where claimed_by = $1', [userId]);
  await tx.query('update pb_project_photos set uploaded_by = null where uploaded_by = $1', [userId]);
}
