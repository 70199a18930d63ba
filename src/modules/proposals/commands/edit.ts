// Changing a proposal after submission. Its author may, while the phase takes proposals and until
// the first support: supports lock the same row (commands/support.ts), so an edit and a support
// never cross, and nobody supports a text other than the one they read. Every edit keeps a version
// (version 1 is the text as first submitted); the search vector follows the new text through the
// proposals_search_trg trigger.
import type { AppContext } from '../../../core/context.ts';
import type { UserActor } from '../../../core/auth/actor.ts';
import { maskPersonalData } from '../../../core/text/mask-personal-data.ts';
import { loadHostedComponent, isPublic } from '../../spaces/hosted.ts';
import { MAX_ATTACHMENTS, storeAttachments, type ProcessedAttachment } from '../attachments.ts';
import { checkProposalInput, type ProposalInput } from './create.ts';

export interface EditInput extends ProposalInput {
  /** New files, already checked and re-encoded. */
  add?: ProcessedAttachment[];
  /** Attachments of this proposal to drop. */
  remove?: number[];
}

export type EditOutcome =
  | { kind: 'edited'; version: number }
  | { kind: 'not_found' }
  | { kind: 'not_author' }
  | { kind: 'has_supports' }
  | { kind: 'not_editable' }
  | { kind: 'too_many_files'; max: number }
  | { kind: 'invalid'; errors: { field: string; reason: string }[] };

export async function editProposal(ctx: AppContext, actor: UserActor, proposalId: number, input: EditInput): Promise<EditOutcome> {
  const [row] = await ctx.database.query<{ component_id: number }>('select component_id from proposals where id = $1', [proposalId]);
  const component = row && (await loadHostedComponent(ctx.database, row.component_id, 'proposals'));
  if (!component || !isPublic(component)) return { kind: 'not_found' };
  const { title, body, errors } = await checkProposalInput(ctx.database, input);
  if (errors.length) return { kind: 'invalid', errors };
  return ctx.database.transaction(async (tx): Promise<EditOutcome> => {
    const [p] = await tx.query<{ author_id: string | null; state: string; supports: number; hidden: boolean }>(
      'select author_id, state, supports_count as supports, hidden_at is not null as hidden from proposals where id = $1 for update',
      [proposalId],
    );
    if (!p) return { kind: 'not_found' };
    if (p.author_id !== actor.id) return { kind: 'not_author' };
    if (p.supports > 0) return { kind: 'has_supports' };
    if (!component.flags.proposalsOpen || p.hidden || p.state !== 'open') return { kind: 'not_editable' };
    const remove = input.remove ?? [];
    const add = input.add ?? [];
    const [kept] = await tx.query<{ n: number }>('select count(*)::int as n from proposal_attachments where proposal_id = $1 and not (id = any($2::bigint[]))', [proposalId, remove]);
    if (kept!.n + add.length > MAX_ATTACHMENTS) return { kind: 'too_many_files', max: MAX_ATTACHMENTS };
    // The text as submitted becomes version 1 the first time it changes.
    await tx.query(
      `insert into proposal_versions (proposal_id, version, title, body, body_public, edited_at, editor_id)
       select id, 1, title, body, body_public, created_at, author_id from proposals where id = $1
       on conflict do nothing`,
      [proposalId],
    );
    const [v] = await tx.query<{ next: number }>('select max(version) + 1 as next from proposal_versions where proposal_id = $1', [proposalId]);
    const bodyPublic = maskPersonalData(body).text;
    const point = input.point;
    await tx.query(
      `update proposals set title = $2, body = $3, body_public = $4, category_id = $5,
         district_id = coalesce($6::int, case when $7::float8 is not null then (select id from areas where kind = 'district' and ST_Contains(geom, ST_SetSRID(ST_MakePoint($8, $7), 4326)) limit 1) end),
         location = case when $7::float8 is not null then ST_SetSRID(ST_MakePoint($8, $7), 4326) end,
         address = nullif($9, ''), edited_at = now(), updated_at = now()
       where id = $1`,
      [proposalId, title, body, bodyPublic, input.categoryId, input.districtId, point?.lat ?? null, point?.lng ?? null, input.address.trim().slice(0, 200)],
    );
    await tx.query('insert into proposal_versions (proposal_id, version, title, body, body_public, editor_id) values ($1, $2, $3, $4, $5, $6)', [proposalId, v!.next, title, body, bodyPublic, actor.id]);
    if (remove.length) await tx.query('delete from proposal_attachments where proposal_id = $1 and id = any($2::bigint[])', [proposalId, remove]);
    await storeAttachments(tx, proposalId, add);
    return { kind: 'edited', version: v!.next };
  });
}
