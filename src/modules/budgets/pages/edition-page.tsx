import type { PageContext } from '../../../core/ui/page-context.ts';
import { DATED_PHASES } from '../model.ts';
import type { EditionView, ProjectCard } from '../queries.ts';
import { budgetPolicy } from '../policy.ts';
import { PhaseBadge } from './edition-list.tsx';
import { formatDay, formatMoney } from './format.ts';
import { ruleExplanation, ruleName, voteTypeExplanation } from './explain.ts';
import { ProjectMap } from './project-map.tsx';

function PhaseTimeline(props: { page: PageContext; edition: EditionView }) {
  const { page, edition } = props;
  const { t } = page;
  const dates = new Map(edition.phases.map((p) => [p.phase, p]));
  const range = (phase: string) => {
    const d = dates.get(phase as never);
    if (!d?.starts && !d?.ends) return t('pb.edition.noDates');
    if (d.starts && d.ends) return t('pb.edition.dateRange', { from: formatDay(page.locale, d.starts), to: formatDay(page.locale, d.ends) });
    return d.starts ? t('pb.edition.dateFrom', { from: formatDay(page.locale, d.starts) }) : t('pb.edition.dateUntil', { to: formatDay(page.locale, d.ends!) });
  };
  return (
    <ol class="pb-phases">
      {DATED_PHASES.map((phase) => (
        <li class={phase === edition.phase ? 'current' : ''} aria-current={phase === edition.phase ? 'step' : undefined}>
          <strong>{t(`pb.phase.${phase}`)}</strong>
          {phase === edition.phase ? <span class="visually-hidden"> ({t('pb.edition.current')})</span> : null}
          <br />
          <span class="muted">{range(phase)}</span>
        </li>
      ))}
    </ol>
  );
}

function ProjectTable(props: { page: PageContext; projects: ProjectCard[]; currency: string; canReview: boolean; caption: string }) {
  const { page } = props;
  const { t } = page;
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pb.project.title')}</th>
            <th scope="col">{t('pb.project.cost')}</th>
            <th scope="col">{t('pb.project.status')}</th>
            <th scope="col">{t('pb.project.district')}</th>
          </tr>
        </thead>
        <tbody>
          {props.projects.map((p) => (
            <tr>
              <th scope="row">
                <a href={`/budgets/projects/${p.id}`}>{p.title}</a>
                {props.canReview && p.status === 'submitted' ? (
                  <>
                    {' '}
                    · <a href={`/budgets/projects/${p.id}/review`}>{t('pb.review.link')}</a>
                  </>
                ) : null}
              </th>
              <td>{formatMoney(page.locale, p.cost, props.currency)}</td>
              <td>
                <span class={`status pb-status-${p.status}`}>{t(`pb.status.${p.status}`)}</span>
              </td>
              <td>{p.district ?? t('pb.project.cityWide')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EditionPage(props: { page: PageContext; edition: EditionView; map?: boolean }) {
  const { page, edition } = props;
  const { t } = page;
  const subject = { phase: edition.phase };
  const canReview = budgetPolicy.can(page.actor, 'pb.review', subject);
  return (
    <article aria-labelledby="edition-heading">
      <h1 id="edition-heading">{edition.title}</h1>
      <p>
        <PhaseBadge page={page} phase={edition.phase} />
      </p>
      {edition.description ? <p class="description">{edition.description}</p> : null}
      <section aria-labelledby="phases-heading">
        <h2 id="phases-heading">{t('pb.edition.phases')}</h2>
        <PhaseTimeline page={page} edition={edition} />
      </section>
      {props.map ? <ProjectMap page={page} editionId={edition.id} phase={edition.phase} /> : null}
      {budgetPolicy.can(page.actor, 'pb.propose', subject) ? (
        <p>
          <a class="button" href={`/budgets/editions/${edition.id}/propose`}>
            {t('pb.project.propose')}
          </a>
        </p>
      ) : edition.phase === 'submission' && page.actor.kind === 'anonymous' ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(`/budgets/editions/${edition.id}/propose`)}`}>{t('pb.project.loginToPropose')}</a>
        </p>
      ) : null}
      {edition.budgets.map((b) => {
        const projects = edition.projects.filter((p) => p.budgetId === b.id);
        return (
          <section aria-labelledby={`budget-${b.id}`} class="pb-budget">
            <h2 id={`budget-${b.id}`}>{b.name}</h2>
            <dl class="facts">
              <dt>{t('pb.budget.amount')}</dt>
              <dd>{formatMoney(page.locale, b.amount, b.currency)}</dd>
              <dt>{t('pb.budget.area')}</dt>
              <dd>{b.areaName ?? t('pb.project.cityWide')}</dd>
              <dt>{t('pb.budget.voteType')}</dt>
              <dd>
                {t(`pb.voteType.${b.voteType}`)}: {voteTypeExplanation(page, b)}
              </dd>
              <dt>{t('pb.budget.rule')}</dt>
              <dd>
                {ruleName(page, b.rule)}: {ruleExplanation(page, b)}
              </dd>
            </dl>
            <ul class="pb-actions">
              {edition.phase === 'voting' && !b.votingClosedAt ? (
                <li>
                  <a class="button" href={`/budgets/ballots/${b.id}`}>
                    {t('pb.ballot.voteIn', { budget: b.name })}
                  </a>
                </li>
              ) : null}
              {budgetPolicy.can(page.actor, 'pb.enterPaper', subject) ? (
                <li>
                  <a href={`/budgets/ballots/${b.id}/paper`}>{t('pb.paper.title')}</a>
                </li>
              ) : null}
              {b.hasResults ? (
                <li>
                  <a class="button" href={`/budgets/results/${b.id}`}>
                    {t('pb.results.link', { budget: b.name })}
                  </a>
                </li>
              ) : null}
            </ul>
            <h3>{t('pb.edition.projects')}</h3>
            {projects.length ? (
              <ProjectTable page={page} projects={projects} currency={b.currency} canReview={canReview} caption={t('pb.edition.projectsOf', { budget: b.name })} />
            ) : (
              <p>{t('pb.edition.noProjects')}</p>
            )}
          </section>
        );
      })}
      {edition.budgets.length === 0 ? <p>{t('pb.edition.noBudgets')}</p> : null}
    </article>
  );
}
