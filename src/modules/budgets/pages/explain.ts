// Plain-language explanations of how to fill a ballot and how the winners are chosen. The ballot
// page, the edition page and the results page all say the same thing because they all ask here.
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { BudgetConfig } from '../model.ts';
import { formatMoney } from './format.ts';

/** Message-key segment of a rule (`equalshares/add1` → `equalshares-add1`). */
export function ruleKey(rule: string): string {
  return rule.replace('/', '-');
}

export function voteTypeExplanation(page: PageContext, b: BudgetConfig): string {
  const { t } = page;
  switch (b.voteType) {
    case 'approval':
      return b.approvalMax !== null
        ? t('pb.explain.approvalRange', { min: b.approvalMin, max: b.approvalMax })
        : t('pb.explain.approvalMin', { min: b.approvalMin });
    case 'knapsack':
      return t('pb.explain.knapsack', { budget: formatMoney(page.locale, b.amount, b.currency) });
    case 'cumulative':
      return t('pb.explain.cumulative', { total: b.pointsTotal ?? 0, max: b.pointsPerProject ?? 0 });
    case 'ordinal':
      return t('pb.explain.ordinal', { max: b.ordinalMax ?? 0 });
    case 'choose-1':
      return t('pb.explain.chooseOne');
  }
}

export function ruleExplanation(page: PageContext, b: Pick<BudgetConfig, 'rule' | 'scoreThreshold'>): string {
  const key = `pb.rule.${ruleKey(b.rule)}.explain`;
  // A number, not formatted text: the message makes "votes" agree with it and formats it itself.
  return page.t(key, { threshold: Math.round((b.scoreThreshold ?? 0) * 100) / 100 });
}

export function ruleName(page: PageContext, rule: string): string {
  return page.t(`pb.rule.${ruleKey(rule)}.name`);
}

export function changeExplanation(page: PageContext, b: BudgetConfig): string {
  return page.t(b.allowBallotChange ? 'pb.explain.changeAllowed' : 'pb.explain.changeNotAllowed');
}
