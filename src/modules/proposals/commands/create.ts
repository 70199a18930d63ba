// Submitting a proposal. The per-person limit is checked under an advisory lock on (component,
// person), so two submissions at once cannot both slip under it.
import type { AppContext } from '../../../core/context.ts';
import type { UserActor } from '../../../core/auth/actor.ts';
import type { Database } from '../../../core/db/database.ts';
import { maskPersonalData } from '../../../core/text/mask-personal-data.ts';
import { loadHostedComponent, isPublic } from '../../spaces/hosted.ts';
import { rulesOf } from '../model.ts';
import { setFollow } from '../../notifications/notify.ts';
import { MAX_ATTACHMENTS, storeAttachments, type ProcessedAttachment } from '../attachments.ts';

export interface ProposalInput {
  title: string;
  body: string;
  categoryId: number | null;
  districtId: number | null;
  point: { lat: number; lng: number } | null;
  address: string;
}

export type CreateOutcome =
  | { kind: 'created'; id: number }
  | { kind: 'not_found' }
  | { kind: 'closed' }
  | { kind: 'limit_reached'; limit: number }
  | { kind: 'invalid'; errors: { field: string; reason: string }[] };

type FieldErrors = { field: string; reason: string }[];

/** The checks a proposal's text passes on submission and on every edit; returns the normalised text. */
export async function checkProposalInput(db: Pick<Database, 'query'>, input: ProposalInput): Promise<{ title: string; body: string; errors: FieldErrors }> {
  const errors: FieldErrors = [];
  const title = input.title.trim().replace(/\s+/g, ' ');
  const body = input.body.trim();
  if (title.length < 10 || title.length > 150) errors.push({ field: 'title', reason: 'proposals.err.title' });
  if (body.length < 15 || body.length > 5000) errors.push({ field: 'body', reason: 'proposals.err.body' });
  if (input.categoryId !== null && !(await db.query('select 1 from proposal_categories where id = $1', [input.categoryId])).length) errors.push({ field: 'category', reason: 'proposals.err.category' });
  if (input.districtId !== null && !(await db.query(`select 1 from areas where id = $1 and kind = 'district'`, [input.districtId])).length) errors.push({ field: 'district', reason: 'proposals.err.district' });
  return { title, body, errors };
}

export async function createProposal(ctx: AppContext, actor: UserActor, componentId: number, input: ProposalInput, attachments: ProcessedAttachment[] = []): Promise<CreateOutcome> {
  const component = await loadHostedComponent(ctx.database, componentId, 'proposals');
  if (!component || !isPublic(component)) return { kind: 'not_found' };
  if (!component.flags.proposalsOpen) return { kind: 'closed' };
  const { title, body, errors } = await checkProposalInput(ctx.database, input);
  if (errors.length) return { kind: 'invalid', errors };
  const { proposalLimit } = rulesOf(component);
  return ctx.database.transaction(async (tx) => {
    if (proposalLimit > 0) {
      await tx.query(`select pg_advisory_xact_lock(hashtext('proposals:' || $1::text || ':' || $2::text))`, [componentId, actor.id]);
      const [n] = await tx.query<{ n: number }>(`select count(*)::int as n from proposals where component_id = $1 and author_id = $2 and state <> 'withdrawn'`, [componentId, actor.id]);
      if (n!.n >= proposalLimit) return { kind: 'limit_reached', limit: proposalLimit } as const;
    }
    const point = input.point;
    // A point on the map decides the district when none was chosen.
    const [p] = await tx.query<{ id: number }>(
      `insert into proposals (component_id, space_id, author_id, title, body, body_public, category_id, district_id, location, address)
       values ($1, $2, $3, $4, $5, $6, $7,
         coalesce($8::int, case when $9::float8 is not null then (select id from areas where kind = 'district' and ST_Contains(geom, ST_SetSRID(ST_MakePoint($10, $9), 4326)) limit 1) end),
         case when $9::float8 is not null then ST_SetSRID(ST_MakePoint($10, $9), 4326) end, nullif($11, ''))
       returning id::int as id`,
      [componentId, component.space.id, actor.id, title, body, maskPersonalData(body).text, input.categoryId, input.districtId, point?.lat ?? null, point?.lng ?? null, input.address.trim().slice(0, 200)],
    );
    await storeAttachments(tx, p!.id, attachments.slice(0, MAX_ATTACHMENTS));
    // Authors follow their proposal: they hear about comments, the review and the answer.
    await setFollow(tx, actor.id, 'proposal', p!.id, true);
    await ctx.events.publish({ type: 'proposal.created', public: true, payload: { proposalId: p!.id, title, space: component.space.title } }, tx);
    return { kind: 'created', id: p!.id } as const;
  });
}
