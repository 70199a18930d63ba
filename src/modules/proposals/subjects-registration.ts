// Proposals as comment threads and as things to follow.
import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { registerCommentable } from '../comments/commentables.ts';
import { registerFollowable } from '../notifications/followables.ts';
import { cachedHostedComponent } from '../spaces/hosted.ts';
import { proposalPolicy } from './policy.ts';
import { subjectOf } from './subject.ts';
import { getProposal } from './queries.ts';

async function visible(ctx: AppContext, id: number, actor: Actor) {
  const p = await getProposal(ctx.database, actor.kind === 'user' ? actor.locale : 'ro', id);
  const c = p && (await cachedHostedComponent(ctx, p.componentId, 'proposals'));
  return p && c && proposalPolicy.can(actor, 'proposal.view', subjectOf(c, p)) ? { p, c } : null;
}

export function registerProposalSubjects(): void {
  registerCommentable('proposal', {
    async load(ctx, id, actor) {
      const found = await visible(ctx, id, actor);
      return found && { title: found.p.title, url: `/proposals/${id}`, open: found.c.flags.commentsOpen && found.p.state !== 'withdrawn' && !found.p.hidden };
    },
    async countChanged(tx, id, delta) {
      await tx.query('update proposals set comments_count = comments_count + $2 where id = $1', [id, delta]);
    },
  });
  registerFollowable('proposal', {
    async load(ctx, id, actor) {
      const found = await visible(ctx, id, actor);
      return found && { title: found.p.title, url: `/proposals/${id}` };
    },
  });
}
