import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import { PHASES } from '../model.ts';
import type { EditionView } from '../queries.ts';
import { PhaseBadge } from './edition-list.tsx';
import { Select } from './project-form.tsx';
import { BudgetFieldsForm } from './budget-fields.tsx';
import { EditionFields, phaseDateValues, type EditionFormValues } from './admin-list-page.tsx';
import { formatMoney } from './format.ts';
import type { BudgetForm } from '../commands/budget-input.ts';

export interface AdminEditionProps {
  page: PageContext;
  edition: EditionView;
  districts: { id: number; name: string }[];
  census: { total: number; claimed: number };
  /** Which form the errors belong to, so each form shows only its own. */
  form?: 'edition' | 'phase' | 'budget' | 'category' | 'census' | 'close';
  errors?: FieldError[];
  values?: EditionFormValues & BudgetForm;
}

export function AdminEditionPage(props: AdminEditionProps) {
  const { page, edition: e } = props;
  const { t } = page;
  const errs = (form: AdminEditionProps['form']) => (props.form === form ? props.errors : undefined);
  const editionValues = props.form === 'edition' && props.values ? props.values : { title: e.title, description: e.description, minAge: e.minAge === null ? '' : String(e.minAge), ...phaseDateValues(e.phases) };
  const editable = ['draft', 'submission', 'review'].includes(e.phase);
  return (
    <article aria-labelledby="admin-edition-heading">
      <p class="muted">
        <a href="/admin/budgets">{t('pb.admin.title')}</a> · <a href={`/budgets/editions/${e.id}`}>{t('pb.admin.publicPage')}</a>
      </p>
      <h1 id="admin-edition-heading">{e.title}</h1>
      <p>
        <PhaseBadge page={page} phase={e.phase} />
      </p>
      <section aria-labelledby="phase-heading">
        <h2 id="phase-heading">{t('pb.admin.phase')}</h2>
        <ErrorSummary page={page} errors={errs('phase') ?? errs('close')} />
        <form method="post" action={`/admin/budgets/editions/${e.id}/phase`} class="search-form">
          <CsrfField page={page} />
          <Select name="phase" label={t('pb.admin.newPhase')} value={e.phase} error={errorFor(errs('phase'), 'phase')} options={PHASES.map((p) => ({ value: p, label: t(`pb.phase.${p}`) }))} />
          <button type="submit">{t('pb.admin.changePhase')}</button>
        </form>
        {e.phase === 'voting' ? (
          <form method="post" action={`/admin/budgets/editions/${e.id}/close`}>
            <CsrfField page={page} />
            <p>{t('pb.admin.closeExplain')}</p>
            <button type="submit" class="danger">
              {t('pb.admin.close')}
            </button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="budgets-heading">
        <h2 id="budgets-heading">{t('pb.admin.budgets')}</h2>
        {e.budgets.length ? (
          <ul class="member-list">
            {e.budgets.map((b) => (
              <li>
                <strong>{b.name}</strong> {formatMoney(page.locale, b.amount, b.currency)} · {t(`pb.voteType.${b.voteType}`)}
                {editable ? <a href={`/admin/budgets/budgets/${b.id}`}>{t('pb.admin.editBudget', { budget: b.name })}</a> : null}
                <a href={`/budgets/results/${b.id}.pb`}>{t('pb.admin.exportPb', { budget: b.name })}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('pb.edition.noBudgets')}</p>
        )}
        {editable ? (
          <>
            <h3>{t('pb.admin.addBudget')}</h3>
            <BudgetFieldsForm
              page={page}
              action={`/admin/budgets/editions/${e.id}/budgets`}
              districts={props.districts}
              errors={errs('budget')}
              submitLabel={t('pb.admin.addBudget')}
              {...(props.form === 'budget' && props.values ? { values: props.values } : {})}
            />
          </>
        ) : (
          <p>{t('pb.admin.budgetsLocked')}</p>
        )}
      </section>
      <section aria-labelledby="edition-form-heading">
        <h2 id="edition-form-heading">{t('pb.admin.editEdition')}</h2>
        <form method="post" action={`/admin/budgets/editions/${e.id}`} class="narrow-form">
          <ErrorSummary page={page} errors={errs('edition')} />
          <CsrfField page={page} />
          <EditionFields page={page} values={editionValues} errors={errs('edition')} />
          <button type="submit">{t('pb.admin.save')}</button>
        </form>
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t('pb.admin.categories')}</h2>
        {e.categories.length ? (
          <ul>
            {e.categories.map((c) => (
              <li>{c.name}</li>
            ))}
          </ul>
        ) : (
          <p>{t('pb.admin.noCategories')}</p>
        )}
        <form method="post" action={`/admin/budgets/editions/${e.id}/categories`} class="search-form">
          <CsrfField page={page} />
          <Field name="category" label={t('pb.admin.categoryName')} error={errorFor(errs('category'), 'category')} required maxLength={100} />
          <button type="submit">{t('pb.admin.addCategory')}</button>
        </form>
      </section>
      <section aria-labelledby="census-admin-heading">
        <h2 id="census-admin-heading">{t('pb.admin.census')}</h2>
        <p>{e.censusRequired ? t('pb.admin.censusCount', { total: props.census.total, claimed: props.census.claimed }) : t('pb.admin.censusNone')}</p>
        <p class="hint">{t('pb.admin.censusHint')}</p>
        <form method="post" action={`/admin/budgets/editions/${e.id}/census?_csrf=${encodeURIComponent(page.csrf)}`} enctype="multipart/form-data">
          <div class={errorFor(errs('census'), 'file') ? 'field field-error' : 'field'}>
            <label for="f-census">{t('pb.admin.censusFile')}</label>
            {errorFor(errs('census'), 'file') ? (
              <p class="error" id="f-census-error">
                {errorFor(errs('census'), 'file')}
              </p>
            ) : null}
            <input type="file" id="f-census" name="file" accept=".csv,text/csv,text/plain" required aria-describedby={errorFor(errs('census'), 'file') ? 'f-census-error' : undefined} />
          </div>
          <button type="submit">{t('pb.admin.censusUpload')}</button>
        </form>
      </section>
    </article>
  );
}
