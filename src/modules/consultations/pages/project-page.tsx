// One strategic project: where it sits in the strategy, who has expressed interest (counted by
// helix type, never named), and the form to join its working group.
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import { Select } from '../../../core/admin/components.tsx';
import type { MyInterest, ProjectView } from '../queries.ts';

export interface InterestFormValues {
  organizationId?: string | undefined;
  expertise?: string | undefined;
  consent?: boolean | undefined;
}

export function helixLabel(t: PageContext['t'], helix: string): string {
  return helix === 'individual' ? t('consultations.helix.individual') : t(`admin.helix.${helix}`);
}

export function ProjectPage(props: {
  page: PageContext;
  p: ProjectView;
  byHelix: { helix: string; n: number }[];
  mine: MyInterest | null;
  canExpress: boolean;
  canExport: boolean;
  organizations: { id: number; name: string; helixType: string }[];
  values?: InterestFormValues;
  errors?: FieldError[];
}) {
  const { page, p, mine } = props;
  const { t } = page;
  const v: InterestFormValues = props.values ?? (mine ? { organizationId: mine.organizationId ? String(mine.organizationId) : '', expertise: mine.expertise, consent: mine.consent } : {});
  const total = props.byHelix.reduce((s, h) => s + h.n, 0);
  return (
    <article aria-labelledby="project-heading" class="consultation-project">
      <nav aria-label={t('consultations.breadcrumb')} class="breadcrumb">
        <ol>
          <li>
            <a href={`/consultations/${p.consultationId}`}>{t('consultations.strategy')}</a>
          </li>
          <li>
            <a href={`/consultations/${p.consultationId}#ambition-${p.ambitionId}`}>{t('consultations.ambition', { code: p.ambitionCode, title: p.ambitionTitle })}</a>
          </li>
          <li>
            <a href={`/consultations/objectives/${p.objectiveId}`}>{p.objectiveCode}</a>
          </li>
        </ol>
      </nav>
      <h1 id="project-heading">{p.title}</h1>
      <p class="muted">
        {t('consultations.objective')}: {p.objectiveCode}. {p.objectiveTitle}
        {p.origin === 'open_action' ? ` · ${t('consultations.fromOpenAction')}` : ''}
      </p>
      {p.description ? <p class="description">{p.description}</p> : null}
      <section aria-labelledby="interest-summary-heading">
        <h2 id="interest-summary-heading">{t('consultations.interest.summary')}</h2>
        <p>{t('consultations.interestCount', { count: total })}</p>
        {total ? (
          <ul>
            {props.byHelix.map((h) => (
              <li>
                {helixLabel(t, h.helix)}: {h.n}
              </li>
            ))}
          </ul>
        ) : null}
        {props.canExport ? (
          <p>
            <a href={`/admin/consultations/projects/${p.id}/interests.csv`}>{t('consultations.admin.exportProject')}</a>
          </p>
        ) : null}
      </section>
      {props.canExpress ? (
        <section aria-labelledby="interest-heading">
          <h2 id="interest-heading">{mine ? t('consultations.interest.yours') : t('consultations.interest.title')}</h2>
          <p>{t('consultations.interest.lead')}</p>
          <ErrorSummary page={page} errors={props.errors} />
          <form method="post" action={`/consultations/projects/${p.id}/interest`} novalidate>
            <CsrfField page={page} />
            {props.organizations.length ? (
              <Select
                name="organizationId"
                label={t('consultations.onBehalf')}
                value={v.organizationId}
                error={errorFor(props.errors, 'organizationId')}
                options={[{ value: '', label: t('consultations.onMyBehalf') }, ...props.organizations.map((o) => ({ value: String(o.id), label: `${o.name} (${helixLabel(t, o.helixType)})` }))]}
              />
            ) : null}
            <Field name="expertise" label={t('consultations.interest.expertise')} hint={t('consultations.interest.expertiseHint')} value={v.expertise} error={errorFor(props.errors, 'expertise')} multiline required maxLength={2000} />
            <Checkbox name="consent" label={t('consultations.interest.consent')} checked={!!v.consent} />
            <button type="submit">{mine ? t('consultations.interest.update') : t('consultations.interest.submit')}</button>
          </form>
          {mine ? (
            <form method="post" action={`/consultations/projects/${p.id}/interest/withdraw`}>
              <CsrfField page={page} />
              <button type="submit" class="secondary">
                {t('consultations.interest.withdraw')}
              </button>
            </form>
          ) : null}
        </section>
      ) : page.actor.kind === 'anonymous' ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(`/consultations/projects/${p.id}`)}`}>{t('consultations.signInToTakePart')}</a>
        </p>
      ) : null}
    </article>
  );
}
