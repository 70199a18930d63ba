// The admin's view of a consultation: open actions to promote into projects (choosing the
// objective) or decline, and the exports of interested parties who agreed to be contacted.
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { AdminShell } from '../../../core/admin/components.tsx';
import { CsrfField, ErrorSummary, errorFor } from '../../../core/ui/forms.tsx';
import type { AmbitionNode, Consultation, OpenAction } from '../queries.ts';

export function AdminConsultationPage(props: { page: PageContext; c: Consultation; tree: AmbitionNode[]; actions: OpenAction[]; errors?: FieldError[]; errorActionId?: number }) {
  const { page, c, tree } = props;
  const { t } = page;
  const proposed = props.actions.filter((a) => a.status === 'proposed');
  const decided = props.actions.filter((a) => a.status !== 'proposed');
  return (
    <AdminShell page={page} title={c.title} crumbs={[{ href: '/admin/consultations', label: t('consultations.admin.title') }]}>
      <p>
        <a href={`/consultations/${c.id}`}>{t('consultations.admin.publicPage')}</a> · <a href={`/admin/consultations/${c.id}/strategy`}>{t('consultations.strategy.open')}</a> ·{' '}
        <a href={`/consultations/${c.id}/dashboard`}>{t('consultations.dashboard.title')}</a> ·{' '}
        <a href={`/admin/consultations/${c.id}/interests.csv`}>{t('consultations.admin.exportAll')}</a>
      </p>
      <ErrorSummary page={page} errors={props.errors} />
      <section aria-labelledby="proposed-heading">
        <h2 id="proposed-heading">{t('consultations.admin.proposed', { count: proposed.length })}</h2>
        {proposed.length === 0 ? <p>{t('consultations.admin.noProposed')}</p> : null}
        <ul class="report-list">
          {proposed.map((a) => {
            const objectives = tree.find((x) => x.id === a.ambitionId)?.objectives ?? [];
            const errors = props.errorActionId === a.id ? props.errors : undefined;
            return (
              <li>
                <h3 class="item-title" id={`action-${a.id}`}>
                  {a.title}
                </h3>
                <p class="muted">
                  {t('consultations.ambition', { code: a.ambitionCode, title: a.ambitionTitle })}
                  {a.author ? ` · ${t('consultations.actions.by', { author: a.author })}` : ''}
                </p>
                {a.description ? <p>{a.description}</p> : null}
                <form method="post" action={`/admin/consultations/actions/${a.id}/promote`} class="search-form" aria-labelledby={`action-${a.id}`}>
                  <CsrfField page={page} />
                  <div class={errorFor(errors, 'objectiveId') ? 'field field-error' : 'field'}>
                    <label for={`f-objective-${a.id}`}>{t('consultations.admin.objective')}</label>
                    {errorFor(errors, 'objectiveId') ? <p class="error">{errorFor(errors, 'objectiveId')}</p> : null}
                    <select id={`f-objective-${a.id}`} name="objectiveId" required>
                      {objectives.map((o) => (
                        <option value={String(o.id)}>
                          {o.code}. {o.title.length > 90 ? `${o.title.slice(0, 90)}…` : o.title}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div class="field">
                    <label for={`f-title-${a.id}`}>{t('consultations.admin.projectTitle')}</label>
                    <input type="text" id={`f-title-${a.id}`} name="title" value={a.title} maxLength={500} />
                  </div>
                  <button type="submit">{t('consultations.admin.promote')}</button>
                </form>
                <form method="post" action={`/admin/consultations/actions/${a.id}/decline`} class="inline-form">
                  <CsrfField page={page} />
                  <button type="submit" class="small secondary" aria-label={`${t('consultations.admin.decline')}: ${a.title}`}>
                    {t('consultations.admin.decline')}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      </section>
      {decided.length ? (
        <section aria-labelledby="decided-heading">
          <h2 id="decided-heading">{t('consultations.admin.decided')}</h2>
          <ul>
            {decided.map((a) => (
              <li>
                {a.title} — {t(`consultations.actions.status.${a.status}`)}
                {a.projectId ? (
                  <>
                    {' '}
                    (<a href={`/consultations/projects/${a.projectId}`}>{t('consultations.actions.seeProject')}</a>)
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="exports-heading">
        <h2 id="exports-heading">{t('consultations.admin.exports')}</h2>
        <p>{t('consultations.admin.exportsLead')}</p>
        <ul>
          {tree.flatMap((a) =>
            a.objectives.flatMap((o) =>
              o.projects
                .filter((p) => p.interests > 0)
                .map((p) => (
                  <li>
                    <a href={`/admin/consultations/projects/${p.id}/interests.csv`}>{p.title}</a> <span class="muted">({t('consultations.interestCount', { count: p.interests })})</span>
                  </li>
                )),
            ),
          )}
        </ul>
      </section>
    </AdminShell>
  );
}

export function AdminConsultationList(props: { page: PageContext; items: Consultation[] }) {
  const { page } = props;
  const { t } = page;
  return (
    <AdminShell page={page} title={t('consultations.admin.title')}>
      <ul>
        {props.items.map((c) => (
          <li>
            <a href={`/admin/consultations/${c.id}`}>{c.title}</a> ({t(`consultations.status.${c.status}`)})
          </li>
        ))}
      </ul>
    </AdminShell>
  );
}
