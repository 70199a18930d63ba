// Rules configured in admin: a threshold with hysteresis on any numeric attribute of a type.
import type { Database } from '../../../core/db/database.ts';
import { ENTITY_TYPES } from '../model.ts';

export interface RuleInput {
  name: string;
  entityType: string;
  attr: string;
  direction: 'above' | 'below';
  threshold: number;
  reset: number;
  action: 'work_order' | 'public_alert' | 'alert';
  categoryCode: string | null;
}

export type RuleOutcome = { kind: 'created'; id: number } | { kind: 'invalid'; errors: { field: string; reason: string }[] };

export async function createRule(db: Database, input: RuleInput): Promise<RuleOutcome> {
  const errors: { field: string; reason: string }[] = [];
  const name = input.name.trim();
  if (!name || name.length > 120) errors.push({ field: 'name', reason: 'citydata.err.name' });
  if (!ENTITY_TYPES.includes(input.entityType)) errors.push({ field: 'entityType', reason: 'citydata.err.type' });
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(input.attr)) errors.push({ field: 'attr', reason: 'citydata.err.attr' });
  if (!Number.isFinite(input.threshold)) errors.push({ field: 'threshold', reason: 'citydata.err.number' });
  if (!Number.isFinite(input.reset)) errors.push({ field: 'reset', reason: 'citydata.err.number' });
  else if (input.direction === 'above' ? input.reset >= input.threshold : input.reset <= input.threshold) errors.push({ field: 'reset', reason: 'citydata.err.reset' });
  let category: string | null = null;
  if (input.action === 'work_order') {
    const [c] = input.categoryCode ? await db.query<{ code: string }>('select code from categories where code = $1 and active', [input.categoryCode]) : [];
    if (!c) errors.push({ field: 'category', reason: 'citydata.err.category' });
    category = c?.code ?? null;
  }
  if (errors.length) return { kind: 'invalid', errors };
  const [row] = await db.query<{ id: number }>(
    `insert into citydata_rules (name, entity_type, attr, direction, threshold, reset, action, category_code) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [name, input.entityType, input.attr, input.direction, input.threshold, input.reset, input.action, category],
  );
  return { kind: 'created', id: row!.id };
}

export async function setRuleActive(db: Database, id: number, active: boolean): Promise<boolean> {
  return (await db.query('update citydata_rules set active = $2 where id = $1 returning id', [id, active])).length > 0;
}
