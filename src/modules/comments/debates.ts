// Debates: a component of spaces holding questions put to residents, each with a comment thread.
// Officials and admins open and close them; comments follow the space's phase (commentsOpen).
import type { AppContext } from '../../core/context.ts';
import type { Actor, UserActor } from '../../core/auth/actor.ts';
import type { Database } from '../../core/db/database.ts';
import type { SpaceComponentDecl } from '../../core/modules/manifest.ts';
import { hasRole } from '../../core/auth/actor.ts';
import { isPublic, loadHostedComponent, type HostedComponent } from '../spaces/hosted.ts';
import { setFollow } from '../notifications/notify.ts';

export const DEBATES_COMPONENT: SpaceComponentDecl = {
  title: 'debates.component',
  href: (_space, componentId) => `/debates/c/${componentId}`,
};

export interface Debate {
  id: number;
  componentId: number;
  title: string;
  description: string;
  comments: number;
  closed: boolean;
  createdAt: string;
}

type Q = Pick<Database, 'query'>;

const toDebate = (r: { id: number; component_id: number; title: string; description: string; comments_count: number; closed_at: unknown; created_at: Date | string }): Debate => ({
  id: r.id,
  componentId: r.component_id,
  title: r.title,
  description: r.description,
  comments: r.comments_count,
  closed: r.closed_at !== null,
  createdAt: new Date(r.created_at).toISOString(),
});

export async function listDebates(db: Q, componentId: number): Promise<Debate[]> {
  const rows = await db.query<Parameters<typeof toDebate>[0]>('select id::int as id, component_id, title, description, comments_count, closed_at, created_at from debates where component_id = $1 order by created_at desc, id desc', [componentId]);
  return rows.map(toDebate);
}

export async function findDebate(db: Q, id: number): Promise<Debate | null> {
  const [r] = await db.query<Parameters<typeof toDebate>[0]>('select id::int as id, component_id, title, description, comments_count, closed_at, created_at from debates where id = $1', [id]);
  return r ? toDebate(r) : null;
}

/** A visible debate with its component, or null for this actor. */
export async function loadDebate(ctx: AppContext, id: number, actor: Actor): Promise<{ debate: Debate; component: HostedComponent } | null> {
  const debate = await findDebate(ctx.database, id);
  const component = debate && (await loadHostedComponent(ctx.database, debate.componentId, 'comments'));
  if (!debate || !component || !(isPublic(component) || hasRole(actor, 'admin'))) return null;
  return { debate, component };
}

export type CreateDebateOutcome = { kind: 'created'; id: number } | { kind: 'not_found' } | { kind: 'invalid'; errors: { field: string; reason: string }[] };

export async function createDebate(ctx: AppContext, actor: UserActor, componentId: number, input: { title: string; description: string }): Promise<CreateDebateOutcome> {
  const component = await loadHostedComponent(ctx.database, componentId, 'comments');
  if (!component) return { kind: 'not_found' };
  const title = input.title.trim();
  const description = input.description.trim();
  const errors = [
    ...(title.length < 5 || title.length > 200 ? [{ field: 'title', reason: 'debates.err.title' }] : []),
    ...(!description || description.length > 10000 ? [{ field: 'description', reason: 'debates.err.description' }] : []),
  ];
  if (errors.length) return { kind: 'invalid', errors };
  return ctx.database.transaction(async (tx) => {
    const [d] = await tx.query<{ id: number }>('insert into debates (component_id, space_id, title, description, author_id) values ($1, $2, $3, $4, $5) returning id::int as id', [
      componentId,
      component.space.id,
      title,
      description,
      actor.id,
    ]);
    await setFollow(tx, actor.id, 'debate', d!.id, true);
    return { kind: 'created', id: d!.id } as const;
  });
}

export async function closeDebate(ctx: AppContext, id: number): Promise<boolean> {
  return (await ctx.database.query('update debates set closed_at = now() where id = $1 and closed_at is null returning 1', [id])).length > 0;
}
