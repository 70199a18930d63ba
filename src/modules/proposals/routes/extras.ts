// What other modules add to a proposal's page: the follow form (notifications) and the comment
// thread (comments), open while the phase opens comments.
import type { ComponentChildren } from 'preact';
import type { AppContext } from '../../../core/context.ts';
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { HostedComponent } from '../../spaces/hosted.ts';
import { commentSection } from '../../comments/section.tsx';
import type { Proposal } from '../queries.ts';

export async function proposalExtras(ctx: AppContext, page: PageContext, c: HostedComponent, p: Proposal): Promise<{ follow?: ComponentChildren; comments?: ComponentChildren }> {
  // Comments and follows belong to modules that may be switched off.
  if (!ctx.modules.some((m) => m.name === 'comments')) return {};
  return commentSection(ctx, page, 'proposal', p.id, c.flags.commentsOpen && p.state !== 'withdrawn' && !p.hidden);
}
