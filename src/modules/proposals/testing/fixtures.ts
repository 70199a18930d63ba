// Test fixtures: a published process whose active phase opens what the test needs, hosting one
// proposals component with the given rules.
import type { AppContext } from '../../../core/context.ts';
import { unique } from '../../../core/testing/factories.ts';
import { ALL_OPEN, type PhaseSettings } from '../../spaces/model.ts';
import type { ProposalRules } from '../model.ts';

export async function makeProposalsComponent(ctx: AppContext, opts: { flags?: Partial<PhaseSettings>; rules?: Partial<ProposalRules>; published?: boolean } = {}): Promise<{ spaceId: number; slug: string; componentId: number; phaseId: number }> {
  const slug = unique('proces-');
  const [s] = await ctx.database.query<{ id: number }>(`insert into spaces (kind, slug, title, published) values ('process', $1, $2, $3) returning id`, [slug, `Proces ${slug}`, opts.published ?? true]);
  const [p] = await ctx.database.query<{ id: number }>(`insert into space_phases (space_id, position, title, active, settings) values ($1, 1, 'Propuneri', true, $2) returning id`, [
    s!.id,
    JSON.stringify({ ...ALL_OPEN, ...opts.flags }),
  ]);
  const [c] = await ctx.database.query<{ id: number }>(`insert into space_components (space_id, module, position, settings) values ($1, 'proposals', 1, $2) returning id`, [
    s!.id,
    JSON.stringify({ supportsLimit: 0, threshold: 0, proposalLimit: 0, ...opts.rules }),
  ]);
  return { spaceId: s!.id, slug, componentId: c!.id, phaseId: p!.id };
}

export async function insertProposal(ctx: AppContext, componentId: number, title: string, body = 'O descriere suficient de lungă a propunerii.', authorId: string | null = null): Promise<number> {
  const [p] = await ctx.database.query<{ id: number }>(
    `insert into proposals (component_id, space_id, author_id, title, body, body_public) select $1, space_id, $2, $3, $4, $4 from space_components where id = $1 returning id::int as id`,
    [componentId, authorId, title, body],
  );
  return p!.id;
}
