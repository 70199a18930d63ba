// The ballot itself, one layout per vote type, shared by the voter's page and the officials'
// paper-ballot page. Plain HTML controls: it works without JavaScript; /static/pb-ballot.js adds a
// running total and checks the ballot as the voter goes, with the server's rules
// (/static/pb-ballot-rules.js) and the messages rendered here, so the script holds no text.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { CsrfField, ErrorSummary, errorFor } from '../../../core/ui/forms.tsx';
import type { BudgetConfig } from '../model.ts';
import { formatMoney } from './format.ts';
import { changeExplanation, ruleExplanation, ruleName, voteTypeExplanation } from './explain.ts';

export interface BallotValues {
  selected: number[];
  points: Record<string, string>;
  ranks: string[];
}

export const EMPTY_BALLOT: BallotValues = { selected: [], points: {}, ranks: [] };

/** Every problem the ballot rules can report (`pb.ballot.err.<name>`), handed to the page script. */
export const BALLOT_PROBLEMS = ['unknownProject', 'duplicate', 'empty', 'approvalMin', 'approvalMax', 'knapsack', 'pointsMissing', 'pointsWhole', 'pointsPerProject', 'pointsTotal', 'ordinalLength', 'ordinalGap', 'chooseOne'] as const;

/** `approvalMax` → `data-msg-approval-max` (read back as `dataset.msgApprovalMax`). */
export function messageAttribute(name: string): string {
  return `data-msg-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The messages with their `{placeholders}` left in: the script fills them in the voter's language. */
function messageTemplates(page: PageContext): Record<string, string> {
  return Object.fromEntries(BALLOT_PROBLEMS.map((name) => [messageAttribute(name), page.t(`pb.ballot.err.${name}`)]));
}

export interface BallotOption {
  id: number;
  title: string;
  cost: number;
}

function Label(props: { page: PageContext; p: BallotOption; currency: string }) {
  return (
    <>
      {props.p.title} — {formatMoney(props.page.locale, props.p.cost, props.currency)}
    </>
  );
}

function Details(props: { page: PageContext; p: BallotOption }) {
  return (
    <a href={`/budgets/projects/${props.p.id}`} class="pb-details">
      {props.page.t('pb.ballot.details')}
      <span class="visually-hidden">: {props.p.title}</span>
    </a>
  );
}

function Choices(props: { page: PageContext; budget: BudgetConfig; projects: BallotOption[]; values: BallotValues; errors?: FieldError[] | undefined }) {
  const { page, budget: b, projects, values } = props;
  const { t } = page;
  if (b.voteType === 'approval' || b.voteType === 'knapsack' || b.voteType === 'choose-1') {
    const type = b.voteType === 'choose-1' ? 'radio' : 'checkbox';
    return (
      <ul class="pb-choices">
        {projects.map((p) => (
          <li class="field checkbox">
            <input type={type} id={`p-${p.id}`} name="project" value={String(p.id)} checked={values.selected.includes(p.id)} data-cost={String(p.cost)} />
            <label for={`p-${p.id}`}>
              <Label page={page} p={p} currency={b.currency} />
            </label>
            <Details page={page} p={p} />
          </li>
        ))}
      </ul>
    );
  }
  if (b.voteType === 'cumulative') {
    return (
      <ul class="pb-choices">
        {projects.map((p) => {
          const error = errorFor(props.errors, `points_${p.id}`);
          return (
            <li class={error ? 'field field-error' : 'field'}>
              <label for={`f-points_${p.id}`}>
                <Label page={page} p={p} currency={b.currency} />
              </label>
              {error ? (
                <p class="error" id={`f-points_${p.id}-error`}>
                  {error}
                </p>
              ) : null}
              <input
                type="number"
                class="pb-points"
                id={`f-points_${p.id}`}
                name={`points_${p.id}`}
                min={0}
                max={b.pointsPerProject ?? undefined}
                step={1}
                inputMode="numeric"
                value={values.points[String(p.id)] ?? ''}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `f-points_${p.id}-error` : undefined}
              />{' '}
              {t('pb.ballot.pointsUnit')} <Details page={page} p={p} />
            </li>
          );
        })}
      </ul>
    );
  }
  const places = Math.min(b.ordinalMax ?? projects.length, projects.length);
  return (
    <ol class="pb-choices">
      {Array.from({ length: places }, (_, k) => (
        <li class="field">
          <label for={`f-rank_${k + 1}`}>{t('pb.ballot.place', { n: k + 1 })}</label>
          <select id={`f-rank_${k + 1}`} name={`rank_${k + 1}`}>
            <option value="">{t('pb.ballot.noChoice')}</option>
            {projects.map((p) => (
              <option value={String(p.id)} selected={values.ranks[k] === String(p.id)}>
                {p.title} — {formatMoney(page.locale, p.cost, b.currency)}
              </option>
            ))}
          </select>
        </li>
      ))}
    </ol>
  );
}

export function BallotForm(props: {
  page: PageContext;
  budget: BudgetConfig;
  projects: BallotOption[];
  action: string;
  values: BallotValues;
  errors?: FieldError[] | undefined;
  submissionKey: string;
  submitLabel: string;
  children?: ComponentChildren;
}) {
  const { page, budget: b } = props;
  const { t } = page;
  const projectsError = errorFor(props.errors, 'projects');
  return (
    <>
      <section aria-labelledby="how-heading" class="pb-explain">
        <h2 id="how-heading">{t('pb.ballot.how')}</h2>
        <p>{voteTypeExplanation(page, b)}</p>
        <p>{changeExplanation(page, b)}</p>
        <h3>{t('pb.ballot.howCounted')}</h3>
        <p>
          <strong>{ruleName(page, b.rule)}.</strong> {ruleExplanation(page, b)}
        </p>
      </section>
      <ErrorSummary page={page} errors={props.errors} />
      <form
        method="post"
        action={props.action}
        class="pb-ballot"
        data-vote-type={b.voteType}
        data-budget={String(b.amount)}
        data-approval-min={String(b.approvalMin)}
        data-approval-max={b.approvalMax !== null ? String(b.approvalMax) : undefined}
        data-points-per-project={b.pointsPerProject !== null ? String(b.pointsPerProject) : undefined}
        data-points-total={b.pointsTotal !== null ? String(b.pointsTotal) : undefined}
        data-ordinal-max={b.ordinalMax !== null ? String(b.ordinalMax) : undefined}
      >
        <CsrfField page={page} />
        <input type="hidden" name="submission" value={props.submissionKey} />
        {props.children}
        <fieldset id="f-projects" aria-describedby={projectsError ? 'f-projects-error' : undefined}>
          <legend>{t(b.voteType === 'ordinal' ? 'pb.ballot.rankLegend' : b.voteType === 'cumulative' ? 'pb.ballot.pointsLegend' : 'pb.ballot.chooseLegend')}</legend>
          {projectsError ? (
            <p class="error" id="f-projects-error">
              {projectsError}
            </p>
          ) : null}
          <Choices page={page} budget={b} projects={props.projects} values={props.values} errors={props.errors} />
        </fieldset>
        {b.voteType === 'knapsack' || b.voteType === 'cumulative' ? (
          <p class="pb-tally" id="pb-running-total" aria-live="polite" data-label={t(b.voteType === 'knapsack' ? 'pb.ballot.runningCost' : 'pb.ballot.runningPoints')} data-locale={page.locale} data-currency={b.currency}>
            {b.voteType === 'knapsack'
              ? t('pb.ballot.budgetIs', { budget: formatMoney(page.locale, b.amount, b.currency) })
              : t('pb.ballot.pointsAre', { total: b.pointsTotal ?? 0 })}
          </p>
        ) : null}
        <div id="pb-ballot-check" class="pb-check" role="status" aria-live="polite" data-locale={page.locale} data-currency={b.currency} {...messageTemplates(page)} />
        <button type="submit">{props.submitLabel}</button>
      </form>
    </>
  );
}
