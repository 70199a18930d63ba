// Reports as comment threads (through the comments module). Reports keep their own followers
// (report_followers, told about status changes), so they are not registered as a followable too.
import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { registerCommentable } from '../comments/commentables.ts';
import { reportPolicy } from './policy.ts';
import type { Status } from './workflow.ts';

export const REPORT_SUBJECT = 'report';

// A finished report's discussion stays readable but takes no new comments.
const FINISHED: readonly Status[] = ['closed', 'rejected'];

interface Row {
  id: number;
  status: Status;
  hidden: boolean;
  department_id: number | null;
  reporter_id: string | null;
  category: string;
}

async function visible(ctx: AppContext, id: number, actor: Actor): Promise<Row | null> {
  const lang = actor.kind === 'user' && ['ro', 'en', 'hu'].includes(actor.locale) ? actor.locale : 'ro';
  const [r] = await ctx.database.query<Row>(
    `select r.id::int as id, r.status, r.hidden_at is not null as hidden, r.department_id, r.reporter_id, c.name_${lang} as category
     from reports r join categories c on c.id = r.category_id where r.id = $1`,
    [id],
  );
  // The public sees only confirmed, non-hidden reports; staff and moderators keep seeing a hidden
  // report's thread (closed) so they can still moderate its comments.
  return r && reportPolicy.can(actor, 'report.view', { departmentId: r.department_id, reporterId: r.reporter_id, status: r.status, hidden: r.hidden }) ? r : null;
}

export const commentsOpenOn = (r: { status: Status; hidden: boolean }) => !r.hidden && r.status !== 'unconfirmed' && !FINISHED.includes(r.status);

export function registerReportSubjects(): void {
  registerCommentable(REPORT_SUBJECT, {
    async load(ctx, id, actor) {
      const r = await visible(ctx, id, actor);
      return r && { title: `#${r.id} ${r.category}`, url: `/reports/${id}`, open: commentsOpenOn(r) };
    },
    async countChanged(tx, id, delta) {
      await tx.query('update reports set comments_count = comments_count + $2 where id = $1', [id, delta]);
    },
  });
}

/** The comments module may be switched off; then reports show no thread. */
export const commentsEnabled = (ctx: AppContext) => ctx.modules.some((m) => m.name === 'comments');
