// The consultations list, an objective with its projects and comment thread, and the dashboard.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../core/ui/page-context.ts';
import { ScrollRegion, BarTable, formatShare } from '../../../core/ui/bar-table.tsx';
import type { Consultation, ObjectiveView, ProjectNode } from '../queries.ts';
import type { Dashboard } from '../dashboard.ts';
import { helixLabel } from './project-page.tsx';
import { Period } from './strategy-page.tsx';

export function ConsultationList(props: { page: PageContext; items: (Consultation & { projects: number })[]; space?: { slug: string; title: string } }) {
  const { page } = props;
  const { t } = page;
  return (
    <section aria-labelledby="consultations-heading">
      <h1 id="consultations-heading">{t('consultations.title')}</h1>
      {props.space ? (
        <p class="lead">
          <a href={`/spaces/${props.space.slug}`}>{props.space.title}</a>
        </p>
      ) : (
        <p class="lead">{t('consultations.lead')}</p>
      )}
      {props.items.length ? (
        <ul class="report-list">
          {props.items.map((c) => (
            <li>
              <h2 class="item-title">
                <a href={`/consultations/${c.id}`}>{c.title}</a>
              </h2>
              <Period page={page} c={c} />
              <p>
                <span class={`status status-${c.status === 'open' ? 'new' : 'closed'}`}>{t(`consultations.status.${c.status}`)}</span> {t('consultations.projectCount', { count: c.projects })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('consultations.empty')}</p>
      )}
    </section>
  );
}

export function ObjectivePage(props: { page: PageContext; o: ObjectiveView; projects: ProjectNode[]; comments: ComponentChildren; follow: ComponentChildren }) {
  const { page, o } = props;
  const { t } = page;
  return (
    <article aria-labelledby="objective-heading">
      <nav aria-label={t('consultations.breadcrumb')} class="breadcrumb">
        <ol>
          <li>
            <a href={`/consultations/${o.consultationId}`}>{t('consultations.strategy')}</a>
          </li>
          <li>
            <a href={`/consultations/${o.consultationId}#ambition-${o.ambitionId}`}>{t('consultations.ambition', { code: o.ambitionCode, title: o.ambitionTitle })}</a>
          </li>
        </ol>
      </nav>
      <h1 id="objective-heading">
        {t('consultations.objective')} {o.code}. {o.title}
      </h1>
      {props.follow}
      <section aria-labelledby="objective-projects-heading">
        <h2 id="objective-projects-heading">{t('consultations.projects')}</h2>
        <ul>
          {props.projects.map((p) => (
            <li>
              <a href={`/consultations/projects/${p.id}`}>{p.title}</a> <span class="muted">({t('consultations.interestCount', { count: p.interests })})</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="objective-comments-heading">
        <h2 id="objective-comments-heading">{t('consultations.comments')}</h2>
        <p class="hint">{t('consultations.commentsLead')}</p>
        {props.comments}
      </section>
    </article>
  );
}

export function DashboardPage(props: { page: PageContext; c: Consultation; d: Dashboard; canExport: boolean }) {
  const { page, c, d } = props;
  const { t, locale } = page;
  return (
    <article aria-labelledby="dashboard-heading" class="dashboard">
      <h1 id="dashboard-heading">{t('consultations.dashboard.title')}</h1>
      <p>
        <a href={`/consultations/${c.id}`}>{c.title}</a>
      </p>
      <dl class="stats">
        <div class="stat">
          <dt>{t('consultations.dashboard.share')}</dt>
          <dd>{formatShare(locale, d.withInterest, d.projects)}</dd>
        </div>
        <div class="stat">
          <dt>{t('consultations.dashboard.projectsWith')}</dt>
          <dd>{t('consultations.dashboard.ofTotal', { with: d.withInterest, total: d.projects })}</dd>
        </div>
        <div class="stat">
          <dt>{t('consultations.dashboard.interests')}</dt>
          <dd>{d.interests}</dd>
        </div>
      </dl>
      <section aria-labelledby="by-ambition-heading">
        <h2 id="by-ambition-heading">{t('consultations.dashboard.byAmbition')}</h2>
        <ScrollRegion label={t('consultations.dashboard.byAmbitionCaption')}>
          <table class="numeric">
            <caption>{t('consultations.dashboard.byAmbitionCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consultations.ambitions')}</th>
                <th scope="col">{t('consultations.projects')}</th>
                <th scope="col">{t('consultations.dashboard.projectsWith')}</th>
                <th scope="col">{t('consultations.dashboard.shareShort')}</th>
              </tr>
            </thead>
            <tbody>
              {d.byAmbition.map((a) => (
                <tr>
                  <th scope="row">{t('consultations.ambition', { code: a.code, title: a.title })}</th>
                  <td class="num">{a.projects}</td>
                  <td class="num">{a.withInterest}</td>
                  <td class="num">{formatShare(locale, a.withInterest, a.projects)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
      <section aria-labelledby="by-helix-heading">
        <h2 id="by-helix-heading">{t('consultations.dashboard.byHelix')}</h2>
        <p>{t('consultations.dashboard.byHelixLead')}</p>
        <BarTable
          locale={locale}
          caption={t('consultations.dashboard.byHelixCaption', { total: d.projects })}
          labelHeading={t('consultations.dashboard.helix')}
          countHeading={t('consultations.dashboard.projectsReached')}
          shareHeading={t('consultations.dashboard.shareShort')}
          rows={d.byHelix.map((h) => ({ label: helixLabel(t, h.helix), count: h.projects }))}
          total={d.projects}
        />
        <ScrollRegion label={t('consultations.dashboard.interestsCaption')}>
          <table class="numeric">
            <caption>{t('consultations.dashboard.interestsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consultations.dashboard.helix')}</th>
                <th scope="col">{t('consultations.dashboard.interests')}</th>
              </tr>
            </thead>
            <tbody>
              {d.byHelix.map((h) => (
                <tr>
                  <th scope="row">{helixLabel(t, h.helix)}</th>
                  <td class="num">{h.interests}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
      {props.canExport ? (
        <p>
          <a href={`/admin/consultations/${c.id}/interests.csv`}>{t('consultations.admin.exportAll')}</a>
        </p>
      ) : null}
    </article>
  );
}
