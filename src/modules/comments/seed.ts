// Demo debate in "Cluj propune 2025" and a few comments on its proposals, posted through the same
// command residents use.
import type { AppContext } from '../../core/context.ts';
import { loadActor, type UserActor } from '../../core/auth/actor.ts';
import { DEMO_PROCESS_SLUG } from '../spaces/seed.ts';
import { createDebate } from './debates.ts';
import { postComment } from './commands/post.ts';
import { voteComment } from './commands/react.ts';

async function actorFor(ctx: AppContext, email: string): Promise<UserActor | null> {
  const [u] = await ctx.database.query<{ id: string }>('select id from users where email = $1', [email]);
  const a = u ? await loadActor(ctx.database, u.id) : null;
  return a?.kind === 'user' ? a : null;
}

export async function seedCommentsDemo(ctx: AppContext): Promise<void> {
  const [space] = await ctx.database.query<{ id: number }>('select id from spaces where slug = $1', [DEMO_PROCESS_SLUG]);
  const official = await actorFor(ctx, 'drumuri@demo.dezvolt.ro');
  const citizen = await actorFor(ctx, 'cetatean@demo.dezvolt.ro');
  const ong = await actorFor(ctx, 'ong@demo.dezvolt.ro');
  if (!space || !official || !citizen || !ong) return;
  const [component] = await ctx.database.query<{ id: number }>(`insert into space_components (space_id, module, title, position) values ($1, 'comments', 'Dezbateri', 2) returning id`, [space.id]);
  const debate = await createDebate(ctx, official, component!.id, {
    title: 'Ce ar trebui să conteze mai mult în buget: cartierele sau centrul?',
    description: 'O parte din bani merge la proiecte pentru tot orașul, o parte la cartiere. Cum ar trebui împărțit bugetul participativ?',
  });
  if (debate.kind === 'created') {
    const first = await postComment(ctx, citizen, { subjectType: 'debate', subjectId: debate.id, parentId: null, body: 'Cartierele mărginașe au nevoie mai mare: trotuare, iluminat, locuri de joacă.', stance: 'for' });
    await postComment(ctx, ong, { subjectType: 'debate', subjectId: debate.id, parentId: null, body: 'Proiectele din centru sunt folosite de toată lumea; propun o împărțire pe jumătate.', stance: 'neutral' });
    if (first.kind === 'posted') {
      await postComment(ctx, ong, { subjectType: 'debate', subjectId: debate.id, parentId: first.id, body: 'De acord pentru iluminat, e o problemă mai ales în Mănăștur.', stance: null });
      await voteComment(ctx, ong, first.id, 1);
    }
  }
  const [proposal] = await ctx.database.query<{ id: number }>(
    `select p.id::int as id from proposals p join space_components c on c.id = p.component_id where c.space_id = $1 order by p.supports_count desc, p.id limit 1`,
    [space.id],
  );
  if (proposal) {
    await postComment(ctx, ong, { subjectType: 'proposal', subjectId: proposal.id, parentId: null, body: 'Foarte bună idee; ar trebui legată și de pista de pe Calea Turzii.', stance: 'for' });
  }
}
