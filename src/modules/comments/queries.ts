// Reading comment threads and single comments.
import type { Database } from '../../core/db/database.ts';
import { EDIT_WINDOW_MINUTES } from './policy.ts';
import type { Stance } from './commands/post.ts';

type Q = Pick<Database, 'query'>;

export interface CommentView {
  id: number;
  parentId: number | null;
  depth: number;
  authorId: string | null;
  author: string | null;
  body: string;
  bodyPublic: string;
  stance: Stance | null;
  agree: number;
  disagree: number;
  flags: number;
  createdAt: string;
  edited: boolean;
  editable: boolean;
  hidden: boolean;
  hiddenReason: string | null;
  /** The reader's own vote: 1, -1 or 0. */
  myVote: number;
  replies: CommentView[];
}

interface Row {
  id: number;
  parent_id: number | null;
  depth: number;
  author_id: string | null;
  author: string | null;
  body: string;
  body_public: string;
  stance: Stance | null;
  agree_count: number;
  disagree_count: number;
  flags_count: number;
  created_at: Date | string;
  edited_at: Date | string | null;
  editable: boolean;
  hidden_at: Date | string | null;
  hidden_reason: string | null;
  my_vote: number | null;
}

const COLUMNS = `c.id::int as id, c.parent_id::int as parent_id, c.depth, c.author_id, u.display_name as author, c.body, c.body_public, c.stance,
  c.agree_count, c.disagree_count, c.flags_count, c.created_at, c.edited_at, c.hidden_at, c.hidden_reason,
  c.created_at > now() - make_interval(mins => ${EDIT_WINDOW_MINUTES}) as editable`;

function toView(r: Row): CommentView {
  return {
    id: r.id,
    parentId: r.parent_id,
    depth: r.depth,
    authorId: r.author_id,
    author: r.author,
    body: r.body,
    bodyPublic: r.body_public,
    stance: r.stance,
    agree: r.agree_count,
    disagree: r.disagree_count,
    flags: r.flags_count,
    createdAt: new Date(r.created_at).toISOString(),
    edited: r.edited_at !== null,
    editable: r.editable,
    hidden: r.hidden_at !== null,
    hiddenReason: r.hidden_reason,
    myVote: r.my_vote ?? 0,
    replies: [],
  };
}

/** The thread as a tree (oldest first at each level). */
export async function thread(db: Q, subjectType: string, subjectId: number, readerId: string | undefined): Promise<CommentView[]> {
  const rows = await db.query<Row>(
    `select ${COLUMNS}, v.value as my_vote
     from comments c left join users u on u.id = c.author_id and u.erased_at is null
     left join comment_votes v on v.comment_id = c.id and v.user_id = $3
     where c.subject_type = $1 and c.subject_id = $2 order by c.created_at, c.id limit 2000`,
    [subjectType, subjectId, readerId ?? null],
  );
  const byId = new Map<number, CommentView>();
  const roots: CommentView[] = [];
  for (const r of rows) byId.set(r.id, toView(r));
  for (const c of byId.values()) {
    const parent = c.parentId !== null ? byId.get(c.parentId) : undefined;
    if (parent) parent.replies.push(c);
    else roots.push(c);
  }
  return roots;
}

export interface CommentRef extends Omit<CommentView, 'replies' | 'myVote'> {
  subjectType: string;
  subjectId: number;
}

export async function findComment(db: Q, id: number): Promise<CommentRef | null> {
  const [r] = await db.query<Row & { subject_type: string; subject_id: number }>(
    `select ${COLUMNS}, null::int as my_vote, c.subject_type, c.subject_id::int as subject_id
     from comments c left join users u on u.id = c.author_id and u.erased_at is null where c.id = $1`,
    [id],
  );
  if (!r) return null;
  const { replies: _r, myVote: _m, ...view } = toView(r);
  return { ...view, subjectType: r.subject_type, subjectId: r.subject_id };
}

export async function flaggedComments(db: Q, limit = 100): Promise<(CommentRef & { reasons: string[] })[]> {
  const rows = await db.query<Row & { subject_type: string; subject_id: number; reasons: string[] }>(
    `select ${COLUMNS}, null::int as my_vote, c.subject_type, c.subject_id::int as subject_id,
            (select array_agg(distinct f.reason) from comment_flags f where f.comment_id = c.id) as reasons
     from comments c left join users u on u.id = c.author_id
     where c.flags_count > 0 and c.hidden_at is null order by c.flags_count desc, c.id limit $1`,
    [limit],
  );
  return rows.map((r) => {
    const { replies: _r, myVote: _m, ...view } = toView(r);
    return { ...view, subjectType: r.subject_type, subjectId: r.subject_id, reasons: r.reasons ?? [] };
  });
}
