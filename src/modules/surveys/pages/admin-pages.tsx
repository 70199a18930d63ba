// The builder's list and survey pages: settings, publication, and the questions page by page with
// edit, move and delete as small forms (no script needed).
import { ScrollRegion } from '../../../core/ui/bar-table.tsx';
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { AdminShell, Select } from '../../../core/admin/components.tsx';
import { Checkbox, CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import { QUESTION_KINDS, type Question } from '../questions.ts';
import { ordered, pagesOf } from '../conditions.ts';
import type { Survey } from '../queries.ts';

export interface SurveyFormValues {
  title?: string | undefined;
  description?: string | undefined;
  spaceId?: string | undefined;
  mode?: string | undefined;
  resultsPublic?: boolean | undefined;
}

export function SurveySettingsForm(props: { page: PageContext; action: string; values: SurveyFormValues; spaces: { id: number; title: string }[]; errors?: FieldError[] | undefined; submitLabel: string }) {
  const { page, values: v, errors } = props;
  const { t } = page;
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField page={page} />
      <Field name="title" label={t('surveys.admin.fieldTitle')} value={v.title} error={errorFor(errors, 'title')} required maxLength={200} />
      <Field name="description" label={t('surveys.admin.fieldDescription')} value={v.description} error={errorFor(errors, 'description')} multiline maxLength={10000} />
      <Select
        name="spaceId"
        label={t('surveys.admin.fieldSpace')}
        value={v.spaceId}
        error={errorFor(errors, 'spaceId')}
        options={[{ value: '', label: t('surveys.admin.noSpace') }, ...props.spaces.map((s) => ({ value: String(s.id), label: s.title }))]}
      />
      <Select
        name="mode"
        label={t('surveys.admin.fieldMode')}
        value={v.mode ?? 'signed_in'}
        error={errorFor(errors, 'mode')}
        options={(['signed_in', 'anonymous_signed_in', 'open'] as const).map((m) => ({ value: m, label: t(`surveys.mode.${m}`) }))}
      />
      <Checkbox name="resultsPublic" label={t('surveys.admin.fieldResultsPublic')} checked={!!v.resultsPublic} />
      <button type="submit">{props.submitLabel}</button>
    </form>
  );
}

export function AdminSurveyList(props: { page: PageContext; surveys: Survey[]; spaces: { id: number; title: string }[]; values?: SurveyFormValues; errors?: FieldError[] }) {
  const { page, surveys } = props;
  const { t } = page;
  return (
    <AdminShell page={page} title={t('surveys.admin.title')}>
      {surveys.length ? (
        <ScrollRegion label={t('surveys.admin.title')}>
          <table>
            <caption class="visually-hidden">{t('surveys.admin.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.admin.fieldTitle')}</th>
                <th scope="col">{t('surveys.admin.status')}</th>
                <th scope="col">{t('surveys.results.count')}</th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((s) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/surveys/${s.id}`}>{s.title}</a>
                  </th>
                  <td>{t(`surveys.status.${s.status}`)}</td>
                  <td>{s.responses}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p>{t('surveys.empty')}</p>
      )}
      <section aria-labelledby="new-survey-heading">
        <h2 id="new-survey-heading">{t('surveys.admin.new')}</h2>
        <ErrorSummary page={page} errors={props.errors} />
        <SurveySettingsForm page={page} action="/admin/surveys" values={props.values ?? {}} spaces={props.spaces} errors={props.errors} submitLabel={t('surveys.admin.create')} />
      </section>
    </AdminShell>
  );
}

function QuestionRow(props: { page: PageContext; survey: Survey; q: Question; locked: boolean; all: Question[] }) {
  const { page, survey, q, locked } = props;
  const { t } = page;
  const source = q.condition ? props.all.find((x) => x.id === q.condition!.questionId) : undefined;
  const base = `/admin/surveys/${survey.id}/questions/${q.id}`;
  return (
    <li>
      <span>
        <strong>{q.title}</strong> <span class="muted">({t(`surveys.kind.${q.kind}`)}{q.required ? `, ${t('surveys.required')}` : ''})</span>
        {source ? <span class="muted"> · {t('surveys.admin.shownIf', { question: source.title })}</span> : null}
      </span>
      {locked ? null : (
        <span class="row-actions">
          <a href={base}>{t('surveys.admin.edit')}<span class="visually-hidden">: {q.title}</span></a>
          {(['up', 'down'] as const).map((d) => (
            <form method="post" action={`${base}/move`} class="inline-form">
              <CsrfField page={page} />
              <input type="hidden" name="direction" value={d} />
              <button type="submit" class="small secondary" aria-label={`${t(`surveys.admin.move.${d}`)}: ${q.title}`}>
                {t(`surveys.admin.move.${d}`)}
              </button>
            </form>
          ))}
          <form method="post" action={`${base}/delete`} class="inline-form">
            <CsrfField page={page} />
            <button type="submit" class="small danger" aria-label={`${t('surveys.admin.delete')}: ${q.title}`}>
              {t('surveys.admin.delete')}
            </button>
          </form>
        </span>
      )}
    </li>
  );
}

export function AdminSurveyPage(props: { page: PageContext; survey: Survey; questions: Question[]; spaces: { id: number; title: string }[]; values?: SurveyFormValues; errors?: FieldError[] }) {
  const { page, survey, questions } = props;
  const { t } = page;
  const locked = survey.responses > 0;
  const values: SurveyFormValues = props.values ?? { title: survey.title, description: survey.description, spaceId: survey.spaceId ? String(survey.spaceId) : '', mode: survey.mode, resultsPublic: survey.resultsPublic };
  return (
    <AdminShell page={page} title={survey.title} crumbs={[{ href: '/admin/surveys', label: t('surveys.admin.title') }]}>
      <p>
        {t('surveys.admin.status')}: <strong>{t(`surveys.status.${survey.status}`)}</strong> · {t('surveys.results.responses', { count: survey.responses })} ·{' '}
        <a href={`/surveys/${survey.id}`}>{t('surveys.admin.view')}</a> · <a href={`/surveys/${survey.id}/results`}>{t('surveys.results.link')}</a> ·{' '}
        <a href={`/surveys/${survey.id}/results.csv`}>{t('surveys.results.csv')}</a>
      </p>
      <form method="post" action={`/admin/surveys/${survey.id}/status`} class="inline-form">
        <CsrfField page={page} />
        {survey.status === 'open' ? (
          <>
            <input type="hidden" name="to" value="closed" />
            <button type="submit" class="secondary">{t('surveys.admin.close')}</button>
          </>
        ) : (
          <>
            <input type="hidden" name="to" value="open" />
            <button type="submit">{t('surveys.admin.publish')}</button>
          </>
        )}
      </form>
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t('surveys.questions')}</h2>
        {locked ? <p class="notice">{t('surveys.admin.locked')}</p> : null}
        {questions.length === 0 ? <p>{t('surveys.admin.noQuestions')}</p> : null}
        {pagesOf(questions).map((p) => (
          <section aria-labelledby={`page-${p}-heading`}>
            <h3 id={`page-${p}-heading`}>{t('surveys.admin.page', { page: p })}</h3>
            <ol class="member-list">
              {ordered(questions)
                .filter((q) => q.page === p)
                .map((q) => (
                  <QuestionRow page={page} survey={survey} q={q} locked={locked} all={questions} />
                ))}
            </ol>
          </section>
        ))}
        {locked ? null : (
          <form method="get" action={`/admin/surveys/${survey.id}/questions/new`} class="search-form">
            <Select name="kind" label={t('surveys.admin.addKind')} options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`surveys.kind.${k}`) }))} />
            <button type="submit">{t('surveys.admin.addQuestion')}</button>
          </form>
        )}
      </section>
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('surveys.admin.settings')}</h2>
        <ErrorSummary page={page} errors={props.errors} />
        <SurveySettingsForm page={page} action={`/admin/surveys/${survey.id}`} values={values} spaces={props.spaces} errors={props.errors} submitLabel={t('surveys.admin.save')} />
      </section>
    </AdminShell>
  );
}
