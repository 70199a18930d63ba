import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import { BUDGET_RULES, DATED_PHASES } from '../model.ts';
import type { EditionSummary } from '../queries.ts';
import { PhaseBadge } from './edition-list.tsx';
import { Select } from './project-form.tsx';
import { ruleKey } from './explain.ts';

export type EditionFormValues = Partial<Record<string, string>>;

/** Title, description, minimum age and the dates of every phase. */
export function EditionFields(props: { page: PageContext; values: EditionFormValues; errors?: FieldError[] | undefined }) {
  const { page, values: v, errors: e } = props;
  const { t } = page;
  return (
    <>
      <Field name="title" label={t('pb.admin.editionTitle')} value={v.title} error={errorFor(e, 'title')} required maxLength={200} />
      <Field name="description" label={t('pb.admin.editionDescription')} value={v.description} error={errorFor(e, 'description')} multiline maxLength={4000} />
      <Field name="minAge" type="number" label={t('pb.admin.minAge')} hint={t('pb.admin.minAgeHint')} value={v.minAge} error={errorFor(e, 'minAge')} />
      {DATED_PHASES.map((phase) => (
        <fieldset>
          <legend>{t(`pb.phase.${phase}`)}</legend>
          <div class="coords">
            <Field name={`${phase}Starts`} type="date" label={t('pb.admin.starts')} value={v[`${phase}Starts`]} error={errorFor(e, `${phase}Starts`)} />
            <Field name={`${phase}Ends`} type="date" label={t('pb.admin.ends')} value={v[`${phase}Ends`]} error={errorFor(e, `${phase}Ends`)} />
          </div>
        </fieldset>
      ))}
    </>
  );
}

export function AdminEditionsPage(props: {
  page: PageContext;
  editions: EditionSummary[];
  values?: EditionFormValues;
  errors?: FieldError[] | undefined;
  importErrors?: FieldError[] | undefined;
}) {
  const { page } = props;
  const { t } = page;
  const imported = props.editions.filter((e) => e.source === 'pabulib');
  return (
    <section aria-labelledby="admin-pb-heading">
      <h1 id="admin-pb-heading">{t('pb.admin.title')}</h1>
      <section aria-labelledby="editions-heading">
        <h2 id="editions-heading">{t('pb.admin.editions')}</h2>
        {props.editions.length ? (
          <ul class="member-list">
            {props.editions.map((e) => (
              <li>
                <a href={`/admin/budgets/editions/${e.id}`}>{e.title}</a> <PhaseBadge page={page} phase={e.phase} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('pb.list.empty')}</p>
        )}
      </section>
      <section aria-labelledby="new-edition-heading">
        <h2 id="new-edition-heading">{t('pb.admin.newEdition')}</h2>
        <form method="post" action="/admin/budgets/editions" class="narrow-form">
          <ErrorSummary page={page} errors={props.errors} />
          <CsrfField page={page} />
          <EditionFields page={page} values={props.values ?? {}} errors={props.errors} />
          <button type="submit">{t('pb.admin.createEdition')}</button>
        </form>
      </section>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">{t('pb.import.title')}</h2>
        <p>{t('pb.import.intro')}</p>
        <ErrorSummary page={page} errors={props.importErrors} />
        <form method="post" action={`/admin/budgets/import?_csrf=${encodeURIComponent(page.csrf)}`} enctype="multipart/form-data" class="narrow-form">
          <div class={errorFor(props.importErrors, 'file') ? 'field field-error' : 'field'}>
            <label for="f-file">{t('pb.import.file')}</label>
            {errorFor(props.importErrors, 'file') ? (
              <p class="error" id="f-file-error">
                {errorFor(props.importErrors, 'file')}
              </p>
            ) : null}
            <input type="file" id="f-file" name="file" accept=".pb,text/plain,text/csv" required aria-describedby={errorFor(props.importErrors, 'file') ? 'f-file-error' : undefined} />
          </div>
          <Select
            name="edition"
            label={t('pb.import.edition')}
            options={[{ value: '', label: t('pb.import.newEdition') }, ...imported.map((e) => ({ value: String(e.id), label: e.title }))]}
          />
          <Select
            name="rule"
            label={t('pb.import.rule')}
            error={errorFor(props.importErrors, 'rule')}
            options={[{ value: '', label: t('pb.import.fileRule') }, ...BUDGET_RULES.map((r) => ({ value: r, label: t(`pb.rule.${ruleKey(r)}.name`) }))]}
          />
          <button type="submit">{t('pb.import.submit')}</button>
        </form>
      </section>
    </section>
  );
}

export function phaseDateValues(phases: { phase: string; starts: string | null; ends: string | null }[]): EditionFormValues {
  const out: EditionFormValues = {};
  for (const p of phases) {
    out[`${p.phase}Starts`] = p.starts ?? '';
    out[`${p.phase}Ends`] = p.ends ?? '';
  }
  return out;
}
