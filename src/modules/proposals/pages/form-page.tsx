import type { FieldError } from '../../../core/http/problem.ts';
import type { PageContext } from '../../../core/ui/page-context.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import type { HostedComponent } from '../../spaces/hosted.ts';
import { SelectField } from '../../spaces/pages/controls.tsx';
import type { CategoryOption, SimilarProposal } from '../queries.ts';
import { ComponentCrumbs } from './list-page.tsx';
import { MAX_ATTACHMENTS, type AttachmentItem } from '../attachments.ts';

function AttachmentsField(props: { page: PageContext; existing: AttachmentItem[]; error: string | undefined }) {
  const { page, existing, error } = props;
  const { t } = page;
  return (
    <fieldset class={error ? 'field field-error' : 'field'}>
      <legend>{t('proposals.field.attachments')}</legend>
      <p class="hint" id="f-attachments-hint">
        {t('proposals.field.attachmentsHint', { max: MAX_ATTACHMENTS })}
      </p>
      {error ? (
        <p class="error" id="f-attachments-error">
          {error}
        </p>
      ) : null}
      {existing.map((a) => (
        <div class="checkbox">
          <input type="checkbox" id={`f-remove-${a.id}`} name="remove" value={String(a.id)} />
          <label for={`f-remove-${a.id}`}>{t('proposals.field.remove', { name: a.fileName })}</label>
        </div>
      ))}
      <label for="f-attachments" class="visually-hidden">
        {t('proposals.field.attachments')}
      </label>
      <input
        type="file"
        id="f-attachments"
        name="attachments"
        multiple
        accept="image/jpeg,image/png,image/webp,application/pdf"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`f-attachments-hint${error ? ' f-attachments-error' : ''}`}
      />
    </fieldset>
  );
}

export interface ProposalFormValues {
  title?: string | undefined;
  body?: string | undefined;
  category?: string | undefined;
  district?: string | undefined;
  address?: string | undefined;
  lat?: string | undefined;
  lng?: string | undefined;
}

export function SimilarList(props: { page: PageContext; similar: SimilarProposal[] | null }) {
  const { page, similar } = props;
  const { t } = page;
  // The island fills this live region while the title is typed; without JS the server fills it
  // after "Look for similar proposals".
  return (
    <section aria-labelledby="similar-heading" class="similar" id="similar-proposals" aria-live="polite" data-none={t('proposals.similar.none')} data-item={t('proposals.similar.item', { title: '{title}', supports: '{supports}' })}>
      <h2 id="similar-heading">{t('proposals.similar.title')}</h2>
      <p class="hint">{t('proposals.similar.hint')}</p>
      <ul id="similar-list">
        {similar?.map((s) => (
          <li>
            <a href={`/proposals/${s.id}`}>{t('proposals.similar.item', { title: s.title, supports: s.supports })}</a>
          </li>
        ))}
      </ul>
      {similar && similar.length === 0 ? <p>{t('proposals.similar.none')}</p> : null}
    </section>
  );
}

export function ProposalFormPage(props: {
  page: PageContext;
  component: HostedComponent;
  categories: CategoryOption[];
  districts: { id: number; name: string }[];
  values?: ProposalFormValues;
  errors?: FieldError[] | undefined;
  similar: SimilarProposal[] | null;
  /** Editing a submitted proposal rather than writing a new one. */
  edit?: { proposalId: number; attachments: AttachmentItem[] };
}) {
  const { page, component, errors } = props;
  const { t } = page;
  const v = props.values ?? {};
  const base = `/proposals/c/${component.id}`;
  const edit = props.edit;
  return (
    <>
      <ComponentCrumbs page={page} component={component} current={{ href: base, label: component.title || t('proposals.component') }} />
      <section aria-labelledby="proposal-form-heading" class="narrow">
        <h1 id="proposal-form-heading">{t(edit ? 'proposals.edit.title' : 'proposals.new.title')}</h1>
        {edit ? <p class="hint">{t('proposals.edit.hint')}</p> : null}
        <ErrorSummary page={page} errors={errors} />
        <form method="post" action={edit ? `/proposals/${edit.proposalId}/edit` : base} enctype="multipart/form-data" novalidate class="proposal-form" data-similar-url={edit ? undefined : `/api/v1/proposals/similar?component=${component.id}`}>
          <CsrfField page={page} />
          <Field name="title" label={t('proposals.field.title')} hint={t('proposals.field.titleHint')} value={v.title} error={errorFor(errors, 'title')} required minLength={10} maxLength={150} />
          {edit ? null : <SimilarList page={page} similar={props.similar} />}
          <Field name="body" label={t('proposals.field.body')} hint={t('proposals.field.bodyHint')} value={v.body} error={errorFor(errors, 'body')} required multiline minLength={15} maxLength={5000} />
          <SelectField
            name="category"
            label={t('proposals.field.category')}
            value={v.category}
            error={errorFor(errors, 'category')}
            options={[{ value: '', label: t('proposals.field.noCategory') }, ...props.categories.map((c) => ({ value: String(c.id), label: c.name }))]}
          />
          <SelectField
            name="district"
            label={t('proposals.field.district')}
            value={v.district}
            error={errorFor(errors, 'district')}
            options={[{ value: '', label: t('proposals.field.noDistrict') }, ...props.districts.map((d) => ({ value: String(d.id), label: d.name }))]}
          />
          <Field name="address" label={t('proposals.field.address')} value={v.address} error={errorFor(errors, 'address')} maxLength={200} />
          <fieldset class="coords">
            <legend>{t('proposals.field.location')}</legend>
            {errorFor(errors, 'location') ? (
              <p class="error" id="f-location">
                {errorFor(errors, 'location')}
              </p>
            ) : null}
            <Field name="lat" label={t('proposals.field.lat')} value={v.lat} />
            <Field name="lng" label={t('proposals.field.lng')} value={v.lng} />
          </fieldset>
          <AttachmentsField page={page} existing={edit?.attachments ?? []} error={errorFor(errors, 'attachments')} />
          <div class="actions">
            {edit ? null : (
              <button type="submit" name="intent" value="check" class="secondary">
                {t('proposals.new.checkSimilar')}
              </button>
            )}
            <button type="submit" name="intent" value="publish">
              {t(edit ? 'proposals.edit.submit' : 'proposals.new.submit')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
