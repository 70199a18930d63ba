// The strategy document as a page: ambitions (h2) → objectives (h3) → projects, with how many
// expressions of interest each project has; then the open actions and the form to propose one.
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import { Select } from '../../../core/admin/components.tsx';
import type { AmbitionNode, Consultation, OpenAction } from '../queries.ts';
import { dateTimeFormat } from '../../../core/i18n/intl-cache.ts';

export function Period(props: { page: PageContext; c: Consultation }) {
  const { page, c } = props;
  if (!c.startsOn || !c.endsOn) return null;
  const fmt = (d: string) => dateTimeFormat({ ro: 'ro-RO', en: 'en-GB', hu: 'hu-HU' }[page.locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  return (
    <p class="muted">
      {page.t('consultations.period')}: <time dateTime={c.startsOn}>{fmt(c.startsOn)}</time> – <time dateTime={c.endsOn}>{fmt(c.endsOn)}</time>
    </p>
  );
}

export interface ActionFormValues {
  ambitionId?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
  organizationId?: string | undefined;
}

export function StrategyPage(props: {
  page: PageContext;
  c: Consultation;
  tree: AmbitionNode[];
  actions: OpenAction[];
  canPropose: boolean;
  canPromote: boolean;
  organizations: { id: number; name: string }[];
  values?: ActionFormValues;
  errors?: FieldError[];
}) {
  const { page, c, tree } = props;
  const { t } = page;
  const projects = tree.flatMap((a) => a.objectives.flatMap((o) => o.projects));
  return (
    <article aria-labelledby="consultation-heading" class="consultation">
      <h1 id="consultation-heading">{c.title}</h1>
      {c.spaceSlug ? (
        <p class="muted">
          <a href={`/spaces/${c.spaceSlug}`}>{c.spaceTitle}</a>
        </p>
      ) : null}
      <Period page={page} c={c} />
      {c.purpose ? <p class="description">{c.purpose}</p> : null}
      <p>
        {t('consultations.projectsWithInterest', { with: projects.filter((p) => p.interests > 0).length, total: projects.length })} ·{' '}
        <a href={`/consultations/${c.id}/dashboard`}>{t('consultations.dashboard.title')}</a>
        {props.canPromote ? (
          <>
            {' · '}
            <a href={`/admin/consultations/${c.id}`}>{t('consultations.admin.manage')}</a>
          </>
        ) : null}
      </p>
      {c.status !== 'open' ? <p class="notice">{t('consultations.closedNotice')}</p> : null}
      <nav aria-label={t('consultations.ambitions')} class="toc">
        <ol>
          {tree.map((a) => (
            <li>
              <a href={`#ambition-${a.id}`}>{t('consultations.ambition', { code: a.code, title: a.title })}</a>
            </li>
          ))}
        </ol>
      </nav>
      {tree.map((a) => (
        <section aria-labelledby={`ambition-${a.id}`} class="ambition">
          <h2 id={`ambition-${a.id}`}>{t('consultations.ambition', { code: a.code, title: a.title })}</h2>
          {a.objectives.map((o) => (
            <section aria-labelledby={`objective-${o.id}`} class="objective">
              <h3 id={`objective-${o.id}`}>
                <a href={`/consultations/objectives/${o.id}`}>
                  {o.code}. {o.title}
                </a>
              </h3>
              <ul class="projects">
                {o.projects.map((p) => (
                  <li>
                    <a href={`/consultations/projects/${p.id}`}>{p.title}</a>{' '}
                    <span class="muted">
                      ({t('consultations.interestCount', { count: p.interests })}
                      {p.origin === 'open_action' ? `, ${t('consultations.fromOpenAction')}` : ''})
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('consultations.actions.title')}</h2>
        <p>{t('consultations.actions.lead')}</p>
        {props.actions.length ? (
          <ul class="report-list">
            {props.actions.map((x) => (
              <li>
                <p>
                  <strong>{x.title}</strong> <span class="muted">({t('consultations.ambition', { code: x.ambitionCode, title: x.ambitionTitle })})</span>
                </p>
                {x.description ? <p>{x.description}</p> : null}
                <p>
                  <span class={`status status-${x.status === 'promoted' ? 'resolved' : x.status === 'declined' ? 'rejected' : 'new'}`}>{t(`consultations.actions.status.${x.status}`)}</span>
                  {x.author ? ` · ${t('consultations.actions.by', { author: x.author })}` : ''}
                  {x.projectId ? (
                    <>
                      {' · '}
                      <a href={`/consultations/projects/${x.projectId}`}>{t('consultations.actions.seeProject')}</a>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
        {props.canPropose ? (
          <section aria-labelledby="propose-heading">
            <h3 id="propose-heading">{t('consultations.actions.propose')}</h3>
            <ErrorSummary page={page} errors={props.errors} />
            <form method="post" action={`/consultations/${c.id}/actions`} novalidate>
              <CsrfField page={page} />
              <Select
                name="ambitionId"
                label={t('consultations.actions.ambition')}
                value={props.values?.ambitionId}
                error={errorFor(props.errors, 'ambitionId')}
                options={[{ value: '', label: t('consultations.choose') }, ...tree.map((a) => ({ value: String(a.id), label: t('consultations.ambition', { code: a.code, title: a.title }) }))]}
              />
              <Field name="title" label={t('consultations.actions.fieldTitle')} value={props.values?.title} error={errorFor(props.errors, 'title')} required maxLength={500} />
              <Field name="description" label={t('consultations.actions.fieldDescription')} value={props.values?.description} error={errorFor(props.errors, 'description')} multiline maxLength={5000} />
              {props.organizations.length ? (
                <Select
                  name="organizationId"
                  label={t('consultations.onBehalf')}
                  value={props.values?.organizationId}
                  error={errorFor(props.errors, 'organizationId')}
                  options={[{ value: '', label: t('consultations.onMyBehalf') }, ...props.organizations.map((o) => ({ value: String(o.id), label: o.name }))]}
                />
              ) : null}
              <button type="submit">{t('consultations.actions.submit')}</button>
            </form>
          </section>
        ) : page.actor.kind === 'anonymous' && c.status === 'open' ? (
          <p>
            <a href={`/login?next=${encodeURIComponent(`/consultations/${c.id}`)}`}>{t('consultations.signInToTakePart')}</a>
          </p>
        ) : null}
      </section>
    </article>
  );
}
