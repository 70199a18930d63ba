// Editing a consultation's strategy tree (ambitions → objectives → projects). Each change runs in
// one transaction with its audit row. Deleting refuses rather than cascades: a node with children,
// interest records, open actions or comments holds what people contributed.
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { TxQuery } from '../../../core/db/database.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { recordAudit } from '../../../core/admin/audit/record.ts';
import { consultationPolicy } from '../policy.ts';
import { getConsultation } from '../queries.ts';
import { OBJECTIVE_SUBJECT } from '../subjects.ts';
import { SHAPES, locateNode, parentKind, type NodeKind } from '../strategy-nodes.ts';

export interface NodeInput {
  code: string;
  title: string;
  description: string;
}

export type DeleteRefusal = 'has_children' | 'has_interests' | 'has_actions' | 'has_comments';

export type StrategyOutcome =
  | { kind: 'created' | 'saved'; consultationId: number; nodeKind: NodeKind; id: number }
  | { kind: 'moved'; consultationId: number }
  | { kind: 'at_edge'; consultationId: number }
  | { kind: 'deleted'; consultationId: number }
  | { kind: 'refused'; consultationId: number; reason: DeleteRefusal; title: string }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'not_found' }
  | { kind: 'forbidden' };

function validate(kind: NodeKind, input: NodeInput): FieldError[] {
  const s = SHAPES[kind];
  const errors: FieldError[] = [];
  if (s.codeMax !== null && (!input.code.trim() || input.code.trim().length > s.codeMax)) errors.push({ field: 'code', reason: 'consultations.strategy.err.code' });
  if (!input.title.trim() || input.title.trim().length > s.titleMax) errors.push({ field: 'title', reason: 'consultations.strategy.err.title' });
  if (s.hasDescription && input.description.length > 10000) errors.push({ field: 'description', reason: 'consultations.strategy.err.description' });
  return errors;
}

async function allowed(q: Pick<TxQuery, 'query'>, actor: Actor, consultationId: number): Promise<'ok' | 'not_found' | 'forbidden'> {
  const c = await getConsultation(q, consultationId);
  if (!c) return 'not_found';
  return actor.kind === 'user' && consultationPolicy.can(actor, 'consultation.editStrategy', c) ? 'ok' : 'forbidden';
}

const auditSubject = (kind: NodeKind) => `consultation_${kind}`;

/** Adds a node as the last child of `parentId` (the consultation itself for an ambition). */
export async function addNode(ctx: AppContext, actor: Actor, consultationId: number, kind: NodeKind, parentId: number, input: NodeInput): Promise<StrategyOutcome> {
  return ctx.database.transaction(async (tx): Promise<StrategyOutcome> => {
    const access = await allowed(tx, actor, consultationId);
    if (access !== 'ok' || actor.kind !== 'user') return { kind: access === 'ok' ? 'forbidden' : access };
    const pk = parentKind(kind);
    const parent = pk ? await locateNode(tx, pk, parentId) : parentId === consultationId ? { consultationId } : undefined;
    if (!parent || parent.consultationId !== consultationId) return { kind: 'not_found' };
    const errors = validate(kind, input);
    if (errors.length) return { kind: 'invalid', errors };
    const s = SHAPES[kind];
    // The parent is locked so two admins adding at once do not take the same position.
    await tx.query(`select 1 from ${pk ? SHAPES[pk].table : 'consultations'} where id = $1 for update`, [parentId]);
    const cols = ['position', 'title', ...(s.codeMax !== null ? ['code'] : []), ...(s.hasDescription ? ['description'] : [])];
    const values = [input.title.trim(), ...(s.codeMax !== null ? [input.code.trim()] : []), ...(s.hasDescription ? [input.description.trim()] : [])];
    const [row] = await tx.query<{ id: number }>(
      `insert into ${s.table} (${s.parent}, ${cols.join(', ')})
       values ($1, (select coalesce(max(position), 0) + 1 from ${s.table} where ${s.parent} = $1), ${values.map((_, i) => `$${i + 2}`).join(', ')}) returning id`,
      [parentId, ...values],
    );
    await recordAudit(tx, { actorId: actor.id, action: `consultation.${kind}.create`, subjectType: auditSubject(kind), subjectId: row!.id, details: { consultationId, parentId, title: input.title.trim() } });
    return { kind: 'created', consultationId, nodeKind: kind, id: row!.id };
  });
}

export async function editNode(ctx: AppContext, actor: Actor, kind: NodeKind, id: number, input: NodeInput): Promise<StrategyOutcome> {
  return ctx.database.transaction(async (tx): Promise<StrategyOutcome> => {
    const node = await locateNode(tx, kind, id);
    if (!node) return { kind: 'not_found' };
    const access = await allowed(tx, actor, node.consultationId);
    if (access !== 'ok' || actor.kind !== 'user') return { kind: access === 'ok' ? 'forbidden' : access };
    const errors = validate(kind, input);
    if (errors.length) return { kind: 'invalid', errors };
    const s = SHAPES[kind];
    const [before] = await tx.query<Record<string, string>>(`select * from ${s.table} where id = $1 for update`, [id]);
    const next: Record<string, string> = { title: input.title.trim(), ...(s.codeMax !== null ? { code: input.code.trim() } : {}), ...(s.hasDescription ? { description: input.description.trim() } : {}) };
    const cols = Object.keys(next);
    await tx.query(`update ${s.table} set ${cols.map((c, i) => `${c} = $${i + 2}`).join(', ')} where id = $1`, [id, ...cols.map((c) => next[c])]);
    // The audit row keeps what changed, so a wrong edit can be put back by hand.
    const changes = Object.fromEntries(cols.filter((c) => before![c] !== next[c]).map((c) => [c, { from: before![c], to: next[c] }]));
    await recordAudit(tx, { actorId: actor.id, action: `consultation.${kind}.update`, subjectType: auditSubject(kind), subjectId: id, details: { consultationId: node.consultationId, changes } });
    return { kind: 'saved', consultationId: node.consultationId, nodeKind: kind, id };
  });
}

/** Swaps the node with its neighbour among its siblings; positions are renumbered 1…n on the way. */
export async function moveNode(ctx: AppContext, actor: Actor, kind: NodeKind, id: number, direction: 'up' | 'down'): Promise<StrategyOutcome> {
  return ctx.database.transaction(async (tx): Promise<StrategyOutcome> => {
    const node = await locateNode(tx, kind, id);
    if (!node) return { kind: 'not_found' };
    const access = await allowed(tx, actor, node.consultationId);
    if (access !== 'ok' || actor.kind !== 'user') return { kind: access === 'ok' ? 'forbidden' : access };
    const s = SHAPES[kind];
    const siblings = (await tx.query<{ id: number }>(`select id from ${s.table} where ${s.parent} = $1 order by position, id for update`, [node.parentId])).map((r) => r.id);
    const i = siblings.indexOf(id);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= siblings.length) return { kind: 'at_edge', consultationId: node.consultationId };
    [siblings[i], siblings[j]] = [siblings[j]!, siblings[i]!];
    // Positions are unique per parent and the constraint is not deferrable: park them below zero first.
    await tx.query(`update ${s.table} set position = -position - 1 where ${s.parent} = $1`, [node.parentId]);
    await tx.query(`update ${s.table} t set position = o.n from unnest($1::int[]) with ordinality as o(id, n) where t.id = o.id`, [siblings]);
    await recordAudit(tx, { actorId: actor.id, action: `consultation.${kind}.move`, subjectType: auditSubject(kind), subjectId: id, details: { consultationId: node.consultationId, direction, position: j + 1 } });
    return { kind: 'moved', consultationId: node.consultationId };
  });
}

async function refusal(tx: TxQuery, kind: NodeKind, id: number): Promise<DeleteRefusal | null> {
  const exists = async (sql: string) => (await tx.query(sql, [id])).length > 0;
  if (kind === 'ambition') {
    if (await exists('select 1 from consultation_objectives where ambition_id = $1 limit 1')) return 'has_children';
    // Open actions hang on an ambition and would go with it.
    if (await exists('select 1 from consultation_actions where ambition_id = $1 limit 1')) return 'has_actions';
  } else if (kind === 'objective') {
    if (await exists('select 1 from consultation_projects where objective_id = $1 limit 1')) return 'has_children';
    if (await exists(`select 1 from comments where subject_type = '${OBJECTIVE_SUBJECT}' and subject_id = $1 limit 1`)) return 'has_comments';
  } else {
    if (await exists('select 1 from consultation_interests where project_id = $1 limit 1')) return 'has_interests';
    if (await exists('select 1 from consultation_actions where project_id = $1 limit 1')) return 'has_actions';
  }
  return null;
}

export async function deleteNode(ctx: AppContext, actor: Actor, kind: NodeKind, id: number): Promise<StrategyOutcome> {
  return ctx.database.transaction(async (tx): Promise<StrategyOutcome> => {
    const node = await locateNode(tx, kind, id);
    if (!node) return { kind: 'not_found' };
    const access = await allowed(tx, actor, node.consultationId);
    if (access !== 'ok' || actor.kind !== 'user') return { kind: access === 'ok' ? 'forbidden' : access };
    const s = SHAPES[kind];
    // Locking the node makes a concurrent "express interest" wait for the foreign key check.
    const [row] = await tx.query<Record<string, unknown>>(`select * from ${s.table} where id = $1 for update`, [id]);
    const reason = await refusal(tx, kind, id);
    if (reason) return { kind: 'refused', consultationId: node.consultationId, reason, title: String(row!.title) };
    await tx.query(`delete from ${s.table} where id = $1`, [id]);
    await recordAudit(tx, { actorId: actor.id, action: `consultation.${kind}.delete`, subjectType: auditSubject(kind), subjectId: id, details: { consultationId: node.consultationId, title: row!.title, ...(row!.code ? { code: row!.code } : {}) } });
    return { kind: 'deleted', consultationId: node.consultationId };
  });
}
