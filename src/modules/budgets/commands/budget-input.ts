// A budget's settings as the admin form sends them (all strings), checked and typed. The checks
// mirror the table's constraints so the admin gets a message per field instead of a 500.
import type { FieldError } from '../../../core/http/problem.ts';
import { BUDGET_RULES, VOTE_TYPES, ruleFitsVoteType, type BudgetRule, type VoteType } from '../model.ts';

export interface BudgetInput {
  name: string;
  areaId: number | null;
  amount: number;
  currency: string;
  minProjectCost: number | null;
  maxProjectCost: number | null;
  voteType: VoteType;
  approvalMin: number;
  approvalMax: number | null;
  pointsPerProject: number | null;
  pointsTotal: number | null;
  ordinalMax: number | null;
  rule: BudgetRule;
  scoreThreshold: number | null;
  allowBallotChange: boolean;
}

export type BudgetForm = Partial<Record<keyof BudgetInput | 'area', string>>;

/** "1.500.000,50" or "1500000.50" → 1500000.5; empty → null; anything else → NaN. */
export function parseAmount(raw: string | undefined): number | null {
  const s = (raw ?? '').trim().replace(/\s/g, '');
  if (s === '') return null;
  // Romanian writing: dots group thousands, a comma marks decimals.
  const normalized = /,\d{1,2}$/.test(s) || /^\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  return /^\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : Number.NaN;
}

function parseCount(raw: string | undefined): number | null {
  const s = (raw ?? '').trim();
  if (s === '') return null;
  return /^\d{1,6}$/.test(s) ? Number(s) : Number.NaN;
}

export function parseBudgetForm(f: BudgetForm): { ok: true; value: BudgetInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const err = (field: string, reason: string) => errors.push({ field, reason });
  const name = (f.name ?? '').trim();
  if (!name || name.length > 200) err('name', 'pb.admin.err.budgetName');
  const areaId = f.area && f.area !== '' ? Number(f.area) : null;
  if (areaId !== null && !Number.isInteger(areaId)) err('area', 'pb.admin.err.area');
  const amount = parseAmount(f.amount);
  if (amount === null || !(amount > 0)) err('amount', 'pb.admin.err.amount');
  const currency = (f.currency ?? '').trim().toUpperCase() || 'RON';
  if (!/^[A-Z]{3}$/.test(currency)) err('currency', 'pb.admin.err.currency');
  const minCost = parseAmount(f.minProjectCost);
  const maxCost = parseAmount(f.maxProjectCost);
  if (Number.isNaN(minCost)) err('minProjectCost', 'pb.admin.err.cost');
  if (Number.isNaN(maxCost) || maxCost === 0) err('maxProjectCost', 'pb.admin.err.cost');
  if (minCost !== null && maxCost !== null && minCost > maxCost) err('maxProjectCost', 'pb.admin.err.costRange');
  const voteType = f.voteType as VoteType;
  if (!VOTE_TYPES.includes(voteType)) err('voteType', 'pb.admin.err.voteType');
  const rule = f.rule as BudgetRule;
  if (!BUDGET_RULES.includes(rule)) err('rule', 'pb.admin.err.rule');
  else if (VOTE_TYPES.includes(voteType) && !ruleFitsVoteType(rule, voteType)) err('rule', 'pb.admin.err.ruleVoteType');
  const approvalMin = parseCount(f.approvalMin) ?? 1;
  const approvalMax = parseCount(f.approvalMax);
  if (Number.isNaN(approvalMin) || approvalMin < 1) err('approvalMin', 'pb.admin.err.count');
  if (Number.isNaN(approvalMax) || approvalMax === 0) err('approvalMax', 'pb.admin.err.count');
  else if (approvalMax !== null && approvalMax < approvalMin) err('approvalMax', 'pb.admin.err.approvalRange');
  const pointsPerProject = parseCount(f.pointsPerProject);
  const pointsTotal = parseCount(f.pointsTotal);
  const ordinalMax = parseCount(f.ordinalMax);
  for (const [field, v] of [['pointsPerProject', pointsPerProject], ['pointsTotal', pointsTotal], ['ordinalMax', ordinalMax]] as const) {
    if (Number.isNaN(v) || v === 0) err(field, 'pb.admin.err.count');
  }
  if (voteType === 'cumulative' && pointsPerProject === null) err('pointsPerProject', 'pb.admin.err.pointsNeeded');
  if (voteType === 'cumulative' && pointsTotal === null) err('pointsTotal', 'pb.admin.err.pointsNeeded');
  if (voteType === 'ordinal' && ordinalMax === null) err('ordinalMax', 'pb.admin.err.ordinalNeeded');
  const scoreThreshold = parseAmount(f.scoreThreshold);
  if (Number.isNaN(scoreThreshold)) err('scoreThreshold', 'pb.admin.err.threshold');
  if (rule === 'greedy-threshold' && scoreThreshold === null) err('scoreThreshold', 'pb.admin.err.thresholdNeeded');
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      areaId,
      amount: amount!,
      currency,
      minProjectCost: minCost,
      maxProjectCost: maxCost,
      voteType,
      approvalMin,
      approvalMax,
      pointsPerProject,
      pointsTotal,
      ordinalMax,
      rule,
      scoreThreshold,
      allowBallotChange: f.allowBallotChange === 'on',
    },
  };
}
