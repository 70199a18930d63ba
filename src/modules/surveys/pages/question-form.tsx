// Adding or editing one question. The kind is chosen first (a GET form), so this page shows only the
// settings that kind uses. Choices, rows and columns are typed one per line.
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { AdminShell, Select } from '../../../core/admin/components.tsx';
import { Checkbox, CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import { hasChoices, isConditionSource, isMatrix, scalePoints, type Question, type QuestionKind } from '../questions.ts';
import { ordered } from '../conditions.ts';
import type { Survey } from '../queries.ts';

export type QuestionFormValues = Partial<Record<'title' | 'help' | 'page' | 'choices' | 'rows' | 'maxChoices' | 'scaleMin' | 'scaleMax' | 'minLabel' | 'maxLabel' | 'numberMin' | 'numberMax' | 'dateMin' | 'dateMax' | 'maxLength' | 'condition' | 'conditionOp', string>> & {
  required?: boolean;
  integer?: boolean;
};

export function valuesOf(q: Question): QuestionFormValues {
  const s = q.settings;
  const str = (v: number | string | undefined) => (v === undefined ? '' : String(v));
  return {
    title: q.title,
    help: q.help,
    page: String(q.page),
    required: q.required,
    choices: q.choices.map((c) => c.label).join('\n'),
    rows: q.rows.map((c) => c.label).join('\n'),
    maxChoices: str(s.maxChoices),
    scaleMin: str(s.scaleMin),
    scaleMax: str(s.scaleMax),
    minLabel: s.minLabel ?? '',
    maxLabel: s.maxLabel ?? '',
    numberMin: str(s.numberMin),
    numberMax: str(s.numberMax),
    integer: !!s.integer,
    dateMin: s.dateMin ?? '',
    dateMax: s.dateMax ?? '',
    maxLength: str(s.maxLength),
    condition: q.condition ? `${q.condition.questionId}:${q.condition.value}` : '',
    conditionOp: q.condition?.op ?? 'is',
  };
}

/** Every answer of an earlier choice or scale question, as "Question → answer" options. */
function conditionOptions(page: PageContext, questions: Question[], self: Question | undefined): { value: string; label: string }[] {
  const before = self ? ordered(questions).slice(0, ordered(questions).findIndex((q) => q.id === self.id)) : ordered(questions);
  return before
    .filter((q) => isConditionSource(q.kind))
    .flatMap((q) => (q.kind === 'scale' ? scalePoints(q.settings).map((p) => ({ key: String(p), label: String(p) })) : q.choices).map((c) => ({ value: `${q.id}:${c.key}`, label: `${q.title} → ${c.label}` })));
}

export function QuestionFormPage(props: { page: PageContext; survey: Survey; kind: QuestionKind; question?: Question; questions: Question[]; values: QuestionFormValues; errors?: FieldError[] }) {
  const { page, survey, kind, values: v, errors } = props;
  const { t } = page;
  const action = props.question ? `/admin/surveys/${survey.id}/questions/${props.question.id}` : `/admin/surveys/${survey.id}/questions`;
  const title = props.question ? t('surveys.admin.editQuestion') : t('surveys.admin.newQuestion', { kind: t(`surveys.kind.${kind}`) });
  const conditions = conditionOptions(page, props.questions, props.question);
  return (
    <AdminShell page={page} title={title} crumbs={[{ href: '/admin/surveys', label: t('surveys.admin.title') }, { href: `/admin/surveys/${survey.id}`, label: survey.title }]}>
      <p class="muted">{t('surveys.admin.kindIs', { kind: t(`surveys.kind.${kind}`) })}</p>
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField page={page} />
        <input type="hidden" name="kind" value={kind} />
        <Field name="title" label={t('surveys.admin.questionTitle')} value={v.title} error={errorFor(errors, 'title')} required maxLength={500} />
        <Field name="help" label={t('surveys.admin.questionHelp')} value={v.help} error={errorFor(errors, 'help')} maxLength={2000} />
        <Checkbox name="required" label={t('surveys.admin.questionRequired')} checked={!!v.required} />
        <Field name="page" type="number" label={t('surveys.admin.questionPage')} hint={t('surveys.admin.questionPageHint')} value={v.page ?? '1'} error={errorFor(errors, 'page')} />
        {hasChoices(kind) ? (
          <Field name="choices" label={isMatrix(kind) ? t('surveys.admin.columns') : t('surveys.admin.choices')} hint={t('surveys.admin.onePerLine')} value={v.choices} error={errorFor(errors, 'choices')} multiline />
        ) : null}
        {isMatrix(kind) ? <Field name="rows" label={t('surveys.admin.rows')} hint={t('surveys.admin.onePerLine')} value={v.rows} error={errorFor(errors, 'rows')} multiline /> : null}
        {kind === 'multiple_choice' ? <Field name="maxChoices" type="number" label={t('surveys.admin.maxChoices')} hint={t('surveys.admin.maxChoicesHint')} value={v.maxChoices} error={errorFor(errors, 'maxChoices')} /> : null}
        {kind === 'scale' ? (
          <fieldset>
            <legend>{t('surveys.kind.scale')}</legend>
            <Select name="scaleMin" label={t('surveys.admin.scaleMin')} value={v.scaleMin || '1'} options={['0', '1'].map((x) => ({ value: x, label: x }))} />
            <Field name="scaleMax" type="number" label={t('surveys.admin.scaleMax')} value={v.scaleMax || '5'} error={errorFor(errors, 'scaleMax')} />
            <Field name="minLabel" label={t('surveys.admin.minLabel')} value={v.minLabel} maxLength={100} />
            <Field name="maxLabel" label={t('surveys.admin.maxLabel')} value={v.maxLabel} maxLength={100} />
          </fieldset>
        ) : null}
        {kind === 'number' ? (
          <fieldset>
            <legend>{t('surveys.admin.range')}</legend>
            <Field name="numberMin" label={t('surveys.admin.min')} value={v.numberMin} error={errorFor(errors, 'numberMin')} />
            <Field name="numberMax" label={t('surveys.admin.max')} value={v.numberMax} />
            <Checkbox name="integer" label={t('surveys.admin.integer')} checked={!!v.integer} />
          </fieldset>
        ) : null}
        {kind === 'date' ? (
          <fieldset>
            <legend>{t('surveys.admin.range')}</legend>
            <Field name="dateMin" type="date" label={t('surveys.admin.min')} value={v.dateMin} error={errorFor(errors, 'dateMin')} />
            <Field name="dateMax" type="date" label={t('surveys.admin.max')} value={v.dateMax} />
          </fieldset>
        ) : null}
        {kind === 'short_text' || kind === 'long_text' ? <Field name="maxLength" type="number" label={t('surveys.admin.maxLength')} value={v.maxLength} error={errorFor(errors, 'maxLength')} /> : null}
        {conditions.length ? (
          <fieldset>
            <legend>{t('surveys.admin.condition')}</legend>
            <p class="hint">{t('surveys.admin.conditionHint')}</p>
            <Select name="conditionOp" label={t('surveys.admin.conditionOp')} value={v.conditionOp ?? 'is'} options={(['is', 'is_not'] as const).map((o) => ({ value: o, label: t(`surveys.admin.op.${o}`) }))} />
            <Select name="condition" label={t('surveys.admin.conditionAnswer')} value={v.condition ?? ''} error={errorFor(errors, 'condition')} options={[{ value: '', label: t('surveys.admin.always') }, ...conditions]} />
          </fieldset>
        ) : null}
        <button type="submit">{t('surveys.admin.saveQuestion')}</button>
      </form>
    </AdminShell>
  );
}
