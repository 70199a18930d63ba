// The survey as the public sees it: an introduction, then one page of questions at a time. Answers
// from earlier pages ride along in a hidden field; the server decides which questions show.
import type { PageContext } from '../../../core/ui/page-context.ts';
import { CsrfField, ErrorSummary } from '../../../core/ui/forms.tsx';
import type { FieldError } from '../../../core/http/problem.ts';
import type { FormBody } from '../answers.ts';
import type { Answers, Question } from '../questions.ts';
import type { Survey } from '../queries.ts';
import { QuestionInput } from './question-input.tsx';

export type SurveyState =
  | { kind: 'form'; pageNo: number; pageIndex: number; pageCount: number; questions: Question[]; state: Answers; body: FormBody; errors?: FieldError[]; revealed?: boolean; last: boolean }
  | { kind: 'answered' }
  | { kind: 'closed' }
  | { kind: 'sign_in' };

export function SurveyIntro(props: { page: PageContext; survey: Survey; canSeeResults: boolean }) {
  const { page, survey } = props;
  const { t } = page;
  return (
    <>
      <h1 id="survey-heading">{survey.title}</h1>
      {survey.spaceTitle && survey.spaceSlug ? (
        <p class="muted">
          <a href={`/spaces/${survey.spaceSlug}`}>{t('surveys.inSpace', { space: survey.spaceTitle })}</a>
        </p>
      ) : null}
      {survey.description ? <p class="description">{survey.description}</p> : null}
      <p class="muted">{t(`surveys.mode.${survey.mode}.public`)}</p>
      {props.canSeeResults ? (
        <p>
          <a href={`/surveys/${survey.id}/results`}>{t('surveys.results.link')}</a>
        </p>
      ) : null}
    </>
  );
}

export function SurveyPage(props: { page: PageContext; survey: Survey; view: SurveyState; canSeeResults: boolean }) {
  const { page, survey, view } = props;
  const { t } = page;
  return (
    <article aria-labelledby="survey-heading" class="survey">
      <SurveyIntro page={page} survey={survey} canSeeResults={props.canSeeResults} />
      {view.kind === 'answered' ? <p class="notice">{t('surveys.answered')}</p> : null}
      {view.kind === 'closed' ? <p class="notice">{t('surveys.closedNotice')}</p> : null}
      {view.kind === 'sign_in' ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(`/surveys/${survey.id}`)}`}>{t('surveys.signInToAnswer')}</a>
        </p>
      ) : null}
      {view.kind === 'form' ? <SurveyForm page={page} survey={survey} view={view} /> : null}
    </article>
  );
}

function SurveyForm(props: { page: PageContext; survey: Survey; view: Extract<SurveyState, { kind: 'form' }> }) {
  const { page, survey, view } = props;
  const { t } = page;
  const errorOf = (q: Question) => view.errors?.find((e) => e.field === `q${q.id}`)?.reason;
  return (
    <section aria-labelledby="survey-form-heading">
      <h2 id="survey-form-heading">{view.pageCount > 1 ? t('surveys.pageOf', { page: view.pageIndex, pages: view.pageCount }) : t('surveys.questions')}</h2>
      <ErrorSummary page={page} errors={view.errors} />
      {view.revealed ? (
        <p class="notice" role="status">
          {t('surveys.revealed')}
        </p>
      ) : null}
      <form method="post" action={`/surveys/${survey.id}`} novalidate class="survey-form">
        <CsrfField page={page} />
        <input type="hidden" name="_page" value={String(view.pageNo)} />
        <input type="hidden" name="_shown" value={view.questions.map((q) => q.id).join(',')} />
        <input type="hidden" name="_state" value={JSON.stringify(view.state)} />
        {view.questions.map((q) => (
          <QuestionInput page={page} q={q} body={view.body} error={errorOf(q)} />
        ))}
        <button type="submit">{view.last ? t('surveys.submit') : t('surveys.next')}</button>
      </form>
    </section>
  );
}
