import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import type { ProjectView } from '../queries.ts';
import { formatMoney } from './format.ts';

export type ReviewValues = Partial<Record<'decision' | 'reason' | 'adjustedCost', string>>;

export function ReviewPage(props: { page: PageContext; project: ProjectView; values?: ReviewValues; errors?: FieldError[] }) {
  const { page, project: p } = props;
  const { t } = page;
  const v = props.values ?? {};
  const e = props.errors;
  const decision = v.decision ?? (p.status === 'rejected' ? 'reject' : 'accept');
  return (
    <section aria-labelledby="review-heading" class="narrow-form">
      <p class="muted">
        <a href={`/budgets/projects/${p.id}`}>{p.title}</a>
      </p>
      <h1 id="review-heading">{t('pb.review.title', { title: p.title })}</h1>
      <dl class="facts">
        <dt>{t('pb.project.costEstimate')}</dt>
        <dd>{formatMoney(page.locale, p.cost, p.currency)}</dd>
        <dt>{t('pb.project.status')}</dt>
        <dd>{t(`pb.status.${p.status}`)}</dd>
      </dl>
      <p class="description">{p.description}</p>
      <ErrorSummary page={page} errors={e} />
      <form method="post" action={`/budgets/projects/${p.id}/review`}>
        <CsrfField page={page} />
        <fieldset id="f-decision">
          <legend>{t('pb.review.decision')}</legend>
          <div class="field checkbox">
            <input type="radio" id="decision-accept" name="decision" value="accept" checked={decision === 'accept'} />
            <label for="decision-accept">{t('pb.review.accept')}</label>
          </div>
          <div class="field checkbox">
            <input type="radio" id="decision-reject" name="decision" value="reject" checked={decision === 'reject'} />
            <label for="decision-reject">{t('pb.review.reject')}</label>
          </div>
        </fieldset>
        <Field name="adjustedCost" label={t('pb.review.adjustedCost')} hint={t('pb.review.adjustedCostHint')} value={v.adjustedCost ?? (p.adjustedCost !== null ? String(p.adjustedCost) : '')} error={errorFor(e, 'adjustedCost')} />
        <Field name="reason" label={t('pb.review.reason')} hint={t('pb.review.reasonHint')} value={v.reason ?? p.statusReason ?? ''} error={errorFor(e, 'reason')} multiline maxLength={2000} />
        <button type="submit">{t('pb.review.save')}</button>
      </form>
    </section>
  );
}
