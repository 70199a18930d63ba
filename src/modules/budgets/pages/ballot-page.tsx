import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { CsrfField, Field, errorFor } from '../../../core/ui/forms.tsx';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import type { BudgetConfig } from '../model.ts';
import type { IneligibleReason } from '../commands/eligibility.ts';
import { BallotForm, type BallotOption, type BallotValues } from './ballot-form.tsx';

export interface MyBallot {
  castAt: string;
  updatedAt: string;
}

function Ineligible(props: { page: PageContext; reason: IneligibleReason; budgetId: number; editionId: number; censusError?: string | undefined }) {
  const { page, reason } = props;
  const { t } = page;
  if (reason === 'census_unclaimed') {
    return (
      <section aria-labelledby="census-heading" class="pb-notice">
        <h2 id="census-heading">{t('pb.census.title')}</h2>
        <p>{t('pb.census.explain')}</p>
        <form method="post" action={`/budgets/ballots/${props.budgetId}/census`}>
          <CsrfField page={page} />
          <Field name="identifier" label={t('pb.census.identifier')} hint={t('pb.census.identifierHint')} error={props.censusError} required autocomplete="off" />
          <button type="submit">{t('pb.census.claim')}</button>
        </form>
      </section>
    );
  }
  const next = encodeURIComponent(`/budgets/ballots/${props.budgetId}`);
  return (
    <div class="pb-notice" role="status">
      <p>{t(`pb.ineligible.${reason}`)}</p>
      <p>
        {reason === 'not_signed_in' ? (
          <a href={`/login?next=${next}`}>{t('pb.ineligible.login')}</a>
        ) : (
          <a href="/account">{t('pb.ineligible.account')}</a>
        )}
      </p>
    </div>
  );
}

export function BallotPage(props: {
  page: PageContext;
  budget: BudgetConfig;
  editionTitle: string;
  projects: BallotOption[];
  values: BallotValues;
  errors?: FieldError[] | undefined;
  ineligible: IneligibleReason | null;
  mine: MyBallot | null;
  open: boolean;
  submissionKey: string;
  censusError?: string | undefined;
}) {
  const { page, budget: b } = props;
  const { t } = page;
  const canSubmit = props.open && props.ineligible === null && (props.mine === null || b.allowBallotChange);
  return (
    <article aria-labelledby="ballot-heading" class="pb-ballot-page">
      <p class="muted">
        <a href={`/budgets/editions/${b.editionId}`}>{props.editionTitle}</a>
      </p>
      <h1 id="ballot-heading">{t('pb.ballot.title', { budget: b.name })}</h1>
      {!props.open ? <p class="pb-notice">{t('pb.ballot.closed')}</p> : null}
      {props.mine ? (
        <p class="pb-notice" role="status">
          {t('pb.ballot.alreadyCast', { at: formatDateTime(page.locale, props.mine.updatedAt) })}{' '}
          {b.allowBallotChange && props.open ? t('pb.ballot.canChange') : ''}
        </p>
      ) : null}
      {props.open && props.ineligible ? <Ineligible page={page} reason={props.ineligible} budgetId={b.id} editionId={b.editionId} censusError={props.censusError} /> : null}
      {props.projects.length === 0 ? <p>{t('pb.ballot.noProjects')}</p> : null}
      {canSubmit && props.projects.length ? (
        <BallotForm
          page={page}
          budget={b}
          projects={props.projects}
          action={`/budgets/ballots/${b.id}`}
          values={props.values}
          errors={props.errors}
          submissionKey={props.submissionKey}
          submitLabel={t(props.mine ? 'pb.ballot.change' : 'pb.ballot.submit')}
        />
      ) : null}
      <p>
        <a href="/budgets/receipt">{t('pb.receipt.checkTitle')}</a>
      </p>
    </article>
  );
}

export function PaperBallotPage(props: {
  page: PageContext;
  budget: BudgetConfig;
  censusRequired: boolean;
  projects: BallotOption[];
  values: BallotValues & { number?: string; identifier?: string };
  errors?: FieldError[] | undefined;
  submissionKey: string;
  entered?: { receipt: string } | undefined;
}) {
  const { page, budget: b } = props;
  const { t } = page;
  return (
    <article aria-labelledby="paper-heading">
      <p class="muted">
        <a href={`/budgets/editions/${b.editionId}`}>{t('pb.paper.back')}</a>
      </p>
      <h1 id="paper-heading">{t('pb.paper.heading', { budget: b.name })}</h1>
      <p>{t('pb.paper.intro')}</p>
      {props.entered ? (
        <div class="pb-notice" role="status">
          <p>{t('pb.paper.entered')}</p>
          <p>
            {t('pb.paper.receiptFor')} <strong class="pb-receipt-code">{props.entered.receipt}</strong>
          </p>
        </div>
      ) : null}
      <BallotForm
        page={page}
        budget={b}
        projects={props.projects}
        action={`/budgets/ballots/${b.id}/paper`}
        values={props.values}
        errors={props.errors}
        submissionKey={props.submissionKey}
        submitLabel={t('pb.paper.submit')}
      >
        <Field name="number" label={t('pb.paper.number')} hint={t('pb.paper.numberHint')} value={props.values.number} error={errorFor(props.errors, 'number')} required maxLength={60} />
        {props.censusRequired ? (
          <Field name="identifier" label={t('pb.census.identifier')} hint={t('pb.paper.identifierHint')} value={props.values.identifier} error={errorFor(props.errors, 'identifier')} required autocomplete="off" />
        ) : null}
      </BallotForm>
    </article>
  );
}

export function ReceiptIssuedPage(props: { page: PageContext; budget: BudgetConfig; receipt: string; replaced: boolean }) {
  const { page, budget: b } = props;
  const { t } = page;
  return (
    <section aria-labelledby="receipt-heading" class="pb-receipt">
      <h1 id="receipt-heading">{t(props.replaced ? 'pb.receipt.replacedTitle' : 'pb.receipt.title')}</h1>
      <p>{t('pb.receipt.for', { budget: b.name })}</p>
      <p class="pb-receipt-box">
        {t('pb.receipt.code')} <strong class="pb-receipt-code">{props.receipt}</strong>
      </p>
      <p>{t('pb.receipt.keep')}</p>
      {props.replaced ? <p>{t('pb.receipt.oldInvalid')}</p> : null}
      <ul>
        <li>
          <a href="/budgets/receipt">{t('pb.receipt.checkTitle')}</a>
        </li>
        <li>
          <a href={`/budgets/editions/${b.editionId}`}>{t('pb.receipt.backToEdition')}</a>
        </li>
      </ul>
    </section>
  );
}

export function RepeatedPage(props: { page: PageContext; budget: BudgetConfig; kind: 'repeated' | 'already_voted' }) {
  const { page, budget: b } = props;
  const { t } = page;
  return (
    <section aria-labelledby="repeat-heading">
      <h1 id="repeat-heading">{t(props.kind === 'repeated' ? 'pb.ballot.repeatedTitle' : 'pb.ballot.alreadyTitle')}</h1>
      <p>{t(props.kind === 'repeated' ? 'pb.ballot.repeated' : 'pb.ballot.already')}</p>
      <p>
        <a href={`/budgets/editions/${b.editionId}`}>{t('pb.receipt.backToEdition')}</a>
      </p>
    </section>
  );
}
