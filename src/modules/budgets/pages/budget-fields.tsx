// The budget settings form (add and edit share it).
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import { BUDGET_RULES, VOTE_TYPES, type BudgetConfig } from '../model.ts';
import type { BudgetForm } from '../commands/budget-input.ts';
import { Select } from './project-form.tsx';
import { ruleKey } from './explain.ts';

export function budgetFormValues(b: BudgetConfig): BudgetForm {
  const s = (x: number | null) => (x === null ? '' : String(x));
  return {
    name: b.name,
    area: s(b.areaId),
    amount: String(b.amount),
    currency: b.currency,
    minProjectCost: s(b.minProjectCost),
    maxProjectCost: s(b.maxProjectCost),
    voteType: b.voteType,
    approvalMin: String(b.approvalMin),
    approvalMax: s(b.approvalMax),
    pointsPerProject: s(b.pointsPerProject),
    pointsTotal: s(b.pointsTotal),
    ordinalMax: s(b.ordinalMax),
    rule: b.rule,
    scoreThreshold: s(b.scoreThreshold),
    allowBallotChange: b.allowBallotChange ? 'on' : '',
  };
}

export function BudgetFieldsForm(props: { page: PageContext; action: string; districts: { id: number; name: string }[]; values?: BudgetForm; errors?: FieldError[] | undefined; submitLabel: string }) {
  const { page } = props;
  const { t } = page;
  const v = props.values ?? { currency: 'RON', voteType: 'approval', rule: 'greedy', approvalMin: '1' };
  const e = props.errors;
  return (
    <form method="post" action={props.action} class="narrow-form">
      <ErrorSummary page={page} errors={e} />
      <CsrfField page={page} />
      <Field name="name" label={t('pb.budget.name')} value={v.name} error={errorFor(e, 'name')} required maxLength={200} />
      <Select
        name="area"
        label={t('pb.budget.area')}
        value={v.area}
        error={errorFor(e, 'area')}
        options={[{ value: '', label: t('pb.project.cityWide') }, ...props.districts.map((d) => ({ value: String(d.id), label: d.name }))]}
      />
      <Field name="amount" label={t('pb.budget.amount')} hint={t('pb.budget.amountHint')} value={v.amount} error={errorFor(e, 'amount')} required />
      <Field name="currency" label={t('pb.budget.currency')} value={v.currency} error={errorFor(e, 'currency')} maxLength={3} />
      <div class="coords">
        <Field name="minProjectCost" label={t('pb.budget.minCost')} value={v.minProjectCost} error={errorFor(e, 'minProjectCost')} />
        <Field name="maxProjectCost" label={t('pb.budget.maxCost')} value={v.maxProjectCost} error={errorFor(e, 'maxProjectCost')} />
      </div>
      <Select name="voteType" label={t('pb.budget.voteType')} value={v.voteType} error={errorFor(e, 'voteType')} options={VOTE_TYPES.map((x) => ({ value: x, label: t(`pb.voteType.${x}`) }))} />
      <fieldset>
        <legend>{t('pb.budget.limits')}</legend>
        <p class="hint">{t('pb.budget.limitsHint')}</p>
        <div class="coords">
          <Field name="approvalMin" type="number" label={t('pb.budget.approvalMin')} value={v.approvalMin} error={errorFor(e, 'approvalMin')} />
          <Field name="approvalMax" type="number" label={t('pb.budget.approvalMax')} value={v.approvalMax} error={errorFor(e, 'approvalMax')} />
          <Field name="pointsPerProject" type="number" label={t('pb.budget.pointsPerProject')} value={v.pointsPerProject} error={errorFor(e, 'pointsPerProject')} />
          <Field name="pointsTotal" type="number" label={t('pb.budget.pointsTotal')} value={v.pointsTotal} error={errorFor(e, 'pointsTotal')} />
          <Field name="ordinalMax" type="number" label={t('pb.budget.ordinalMax')} value={v.ordinalMax} error={errorFor(e, 'ordinalMax')} />
        </div>
      </fieldset>
      <Select name="rule" label={t('pb.budget.rule')} value={v.rule} error={errorFor(e, 'rule')} options={BUDGET_RULES.map((r) => ({ value: r, label: t(`pb.rule.${ruleKey(r)}.name`) }))} />
      <Field name="scoreThreshold" label={t('pb.budget.threshold')} hint={t('pb.budget.thresholdHint')} value={v.scoreThreshold} error={errorFor(e, 'scoreThreshold')} />
      <Checkbox name="allowBallotChange" label={t('pb.budget.allowChange')} checked={v.allowBallotChange === 'on'} />
      <button type="submit">{props.submitLabel}</button>
    </form>
  );
}
