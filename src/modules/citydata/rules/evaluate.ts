// Threshold rules with hysteresis, evaluated inside the transaction that stores the readings: a rule
// triggers when the value crosses `threshold` and re-arms only after it passes back over `reset`, so
// a container hovering around 80 % raises one work order, not one per reading.
import type { AppContext } from '../../../core/context.ts';
import type { TxQuery } from '../../../core/db/database.ts';

export interface Sample {
  entityId: number;
  type: string;
  attr: string;
  value: number;
  at: string;
}

export interface Rule {
  id: number;
  name: string;
  entity_type: string;
  attr: string;
  direction: 'above' | 'below';
  threshold: number;
  reset: number;
  action: 'work_order' | 'public_alert' | 'alert';
  category_code: string | null;
}

export interface Transition {
  rule: Rule;
  entityId: number;
  value: number;
  triggered: boolean;
}

export function crosses(rule: Rule, triggered: boolean, value: number): boolean | null {
  const hit = rule.direction === 'above' ? value >= rule.threshold : value <= rule.threshold;
  const cleared = rule.direction === 'above' ? value <= rule.reset : value >= rule.reset;
  if (!triggered && hit) return true;
  if (triggered && cleared) return false;
  return null;
}

/** The active rules on these (entity type, attribute) pairs, as a query the caller may fold into its own statement. */
export const RULES_FOR_PAIRS_SQL = (types: string, attrs: string) =>
  `select id, name, entity_type, attr, direction, threshold, reset, action, category_code from citydata_rules
     where active and (entity_type, attr) in (select * from unnest(${types}::text[], ${attrs}::text[]))`;

/**
 * Applies the samples (the latest per entity and attribute) to the rule states; returns what changed.
 * `rules`, when given, are the active rules already read for (at least) the samples' pairs.
 */
export async function evaluateRules(ctx: AppContext, tx: TxQuery, samples: Sample[], prefetched?: Rule[]): Promise<Transition[]> {
  if (samples.length === 0) return [];
  const rules =
    prefetched ??
    (await tx.query<Rule>(
      RULES_FOR_PAIRS_SQL('$1', '$2'),
      [samples.map((s) => s.type), samples.map((s) => s.attr)],
    ));
  if (rules.length === 0) return [];
  const pairs: { rule: Rule; sample: Sample }[] = [];
  for (const s of samples) for (const r of rules) if (r.entity_type === s.type && r.attr === s.attr) pairs.push({ rule: r, sample: s });
  const states = await tx.query<{ rule_id: number; entity_id: number; triggered: boolean }>(
    `select rule_id, entity_id, triggered from citydata_rule_states
     where (rule_id, entity_id) in (select * from unnest($1::int[], $2::int[])) for update`,
    [pairs.map((p) => p.rule.id), pairs.map((p) => p.sample.entityId)],
  );
  const current = new Map(states.map((s) => [`${s.rule_id}:${s.entity_id}`, s.triggered]));
  const changes: Transition[] = [];
  for (const { rule, sample } of pairs) {
    const next = crosses(rule, current.get(`${rule.id}:${sample.entityId}`) ?? false, sample.value);
    if (next !== null) changes.push({ rule, entityId: sample.entityId, value: sample.value, triggered: next });
  }
  if (changes.length === 0) return [];
  await tx.query(
    `insert into citydata_rule_states (rule_id, entity_id, triggered, since, value)
     select r, e, t, now(), v from unnest($1::int[], $2::int[], $3::bool[], $4::float8[]) as x(r, e, t, v)
     on conflict (rule_id, entity_id) do update set triggered = excluded.triggered, since = excluded.since, value = excluded.value,
       report_id = case when excluded.triggered then null else citydata_rule_states.report_id end,
       work_order_error = null`,
    [changes.map((c) => c.rule.id), changes.map((c) => c.entityId), changes.map((c) => c.triggered), changes.map((c) => c.value)],
  );
  const names = new Map(
    (
      await tx.query<{ id: number; name: string }>(`select id, coalesce(attrs->'name'->>'value', urn) as name from citydata_entities where id = any($1::int[])`, [
        changes.map((c) => c.entityId),
      ])
    ).map((r) => [r.id, r.name]),
  );
  for (const c of changes) {
    const name = names.get(c.entityId) ?? String(c.entityId);
    if (c.triggered) {
      await tx.query(`insert into citydata_alerts (kind, rule_id, entity_id, public, value) values ('rule', $1, $2, $3, $4)`, [c.rule.id, c.entityId, c.rule.action === 'public_alert', c.value]);
    } else {
      await tx.query(`update citydata_alerts set cleared_at = now() where rule_id = $1 and entity_id = $2 and cleared_at is null`, [c.rule.id, c.entityId]);
    }
    if (c.rule.action === 'public_alert') {
      await ctx.events.publish(
        { type: c.triggered ? 'citydata.alert' : 'citydata.alertCleared', public: true, payload: { name, attr: c.rule.attr, value: Math.round(c.value * 100) / 100, limit: c.rule.threshold } },
        tx,
      );
    }
  }
  return changes;
}
