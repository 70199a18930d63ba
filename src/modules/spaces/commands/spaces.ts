// Creating and editing spaces. Each command is one transaction that also writes its audit row.
import type { AppContext } from '../../../core/context.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';
import { isUniqueViolation } from '../../../core/admin/db-errors.ts';
import type { SpaceKind } from '../model.ts';

export interface SpaceInput {
  title: string;
  subtitle: string;
  description: string;
  areaId: number | null;
  published: boolean;
}

export type CreateSpaceOutcome = { kind: 'created'; id: number } | { kind: 'slug_taken' } | { kind: 'district_required' } | { kind: 'unknown_district' };
export type UpdateSpaceOutcome = { kind: 'updated' } | { kind: 'not_found' } | { kind: 'district_required' } | { kind: 'unknown_district' };

async function districtProblem(ctx: AppContext, kind: SpaceKind, areaId: number | null): Promise<'district_required' | 'unknown_district' | null> {
  if (areaId === null) return kind === 'neighbourhood' ? 'district_required' : null;
  const [a] = await ctx.database.query(`select 1 from areas where id = $1 and kind = 'district'`, [areaId]);
  return a ? null : 'unknown_district';
}

export async function createSpace(ctx: AppContext, actorId: string, input: SpaceInput & { kind: SpaceKind; slug: string }): Promise<CreateSpaceOutcome> {
  const bad = await districtProblem(ctx, input.kind, input.areaId);
  if (bad) return { kind: bad };
  try {
    return await ctx.database.transaction(async (tx) => {
      const [s] = await tx.query<{ id: number }>(
        `insert into spaces (kind, slug, title, subtitle, description, area_id, published, published_at, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, case when $7 then now() end, $8) returning id`,
        [input.kind, input.slug, input.title.trim(), input.subtitle.trim(), input.description.trim(), input.areaId, input.published, actorId],
      );
      await recordAudit(tx, { actorId, action: 'space.create', subjectType: 'space', subjectId: s!.id, details: { kind: input.kind, slug: input.slug, title: input.title } });
      return { kind: 'created', id: s!.id } as const;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'spaces_slug_key')) return { kind: 'slug_taken' };
    throw err;
  }
}

export async function updateSpace(ctx: AppContext, actorId: string, id: number, input: SpaceInput): Promise<UpdateSpaceOutcome> {
  const [current] = await ctx.database.query<{ kind: SpaceKind }>('select kind from spaces where id = $1', [id]);
  if (!current) return { kind: 'not_found' };
  const bad = await districtProblem(ctx, current.kind, input.areaId);
  if (bad) return { kind: bad };
  return ctx.database.transaction(async (tx) => {
    const [before] = await tx.query<Record<string, unknown>>('select title, subtitle, area_id, published from spaces where id = $1 for update', [id]);
    if (!before) return { kind: 'not_found' } as const;
    await tx.query(
      `update spaces set title = $2, subtitle = $3, description = $4, area_id = $5, published = $6,
         published_at = case when $6 and published_at is null then now() else published_at end, updated_at = now()
       where id = $1`,
      [id, input.title.trim(), input.subtitle.trim(), input.description.trim(), input.areaId, input.published],
    );
    await recordAudit(tx, { actorId, action: 'space.update', subjectType: 'space', subjectId: id, details: { before, after: { title: input.title, areaId: input.areaId, published: input.published } } });
    return { kind: 'updated' } as const;
  });
}
