import type { PageContext } from '../../../core/ui/page-context.ts';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import type { ResultsView } from '../queries.ts';
import { formatMoney, formatNumber, percent } from './format.ts';
import { ruleExplanation, ruleName } from './explain.ts';
import { ProjectMap } from './project-map.tsx';

const ROW = 44;
const WIDTH = 640;
const BAR_X = 8;
const BAR_MAX = 520;

function shorten(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Scores as horizontal bars; the table after it carries the same numbers as text. */
function ScoreChart(props: { page: PageContext; r: ResultsView }) {
  const { page, r } = props;
  const { t } = page;
  const max = Math.max(1, ...r.projects.map((p) => p.score));
  const height = r.projects.length * ROW + 8;
  return (
    <figure class="pb-chart" aria-labelledby="chart-caption">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMinYMin meet">
        <title id="chart-title">{t('pb.results.chartTitle')}</title>
        <desc id="chart-desc">{t('pb.results.chartDesc', { count: r.projects.length })}</desc>
        {r.projects.map((p, i) => {
          const y = i * ROW + 4;
          const w = Math.max(2, Math.round((p.score / max) * BAR_MAX));
          return (
            <g>
              <text x={BAR_X} y={y + 14} class="pb-chart-label">
                {p.selected ? '✓ ' : ''}
                {shorten(p.title)}
              </text>
              <rect x={BAR_X} y={y + 20} width={w} height={14} class={p.selected ? 'pb-bar-win' : 'pb-bar'} />
              <text x={BAR_X + w + 6} y={y + 32} class="pb-chart-value">
                {formatNumber(page.locale, p.score)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="chart-caption">{t('pb.results.chartCaption')}</figcaption>
    </figure>
  );
}

/** A map is worth drawing when some project of the ballot has a place. */
export const hasMap = (r: ResultsView) => r.projects.some((p) => p.lat !== null && p.lng !== null);

export function ResultsPage(props: { page: PageContext; results: ResultsView }) {
  const { page, results: r } = props;
  const { t } = page;
  const b = r.budget;
  const money = (x: number) => formatMoney(page.locale, x, b.currency);
  const winners = r.projects.filter((p) => p.selected).sort((a, c) => (a.order ?? 0) - (c.order ?? 0));
  const located = winners.filter((p) => p.lat !== null && p.lng !== null);
  return (
    <article aria-labelledby="results-heading" class="pb-results">
      <p class="muted">
        <a href={`/budgets/editions/${r.editionId}`}>{r.editionTitle}</a>
      </p>
      <h1 id="results-heading">{t('pb.results.title', { budget: b.name })}</h1>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('pb.results.summary')}</h2>
        <dl class="stats">
          <div class="stat">
            <dt>{t('pb.results.voters')}</dt>
            <dd>{formatNumber(page.locale, r.voters)}</dd>
          </div>
          <div class="stat">
            <dt>{t('pb.results.winners')}</dt>
            <dd>{winners.length}</dd>
          </div>
          <div class="stat">
            <dt>{t('pb.budget.amount')}</dt>
            <dd>{money(b.amount)}</dd>
          </div>
          <div class="stat">
            <dt>{t('pb.results.spent')}</dt>
            <dd>{money(r.spent)}</dd>
          </div>
        </dl>
        <p>
          <label for="spent-meter">{t('pb.results.spentOf', { spent: money(r.spent), budget: money(b.amount), percent: formatNumber(page.locale, percent(r.spent, b.amount)) })}</label>
          <br />
          <meter id="spent-meter" class="pb-meter" min={0} max={b.amount} value={r.spent}>
            {formatNumber(page.locale, percent(r.spent, b.amount))} %
          </meter>
        </p>
        <p class="muted">{t('pb.results.computedAt', { at: formatDateTime(page.locale, r.computedAt) })}</p>
      </section>
      <section aria-labelledby="rule-heading">
        <h2 id="rule-heading">{t('pb.results.rule', { rule: ruleName(page, r.rule) })}</h2>
        <p>{ruleExplanation(page, { rule: r.rule as never, scoreThreshold: b.scoreThreshold })}</p>
        <p>{t(`pb.results.scoreMeaning.${b.voteType}`)}</p>
        {r.tieBroken ? <p class="pb-notice">{t('pb.results.tieBroken')}</p> : null}
      </section>
      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading">{t('pb.results.scores')}</h2>
        <ScoreChart page={page} r={r} />
        <div class="table-scroll">
          <table>
            <caption>{t('pb.results.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pb.project.title')}</th>
                <th scope="col">{t('pb.results.score')}</th>
                <th scope="col">{t('pb.project.cost')}</th>
                <th scope="col">{t('pb.results.funded')}</th>
              </tr>
            </thead>
            <tbody>
              {r.projects.map((p) => (
                <tr>
                  <th scope="row">
                    <a href={`/budgets/projects/${p.projectId}`}>{p.title}</a>
                  </th>
                  <td>{formatNumber(page.locale, p.score)}</td>
                  <td>{money(p.cost)}</td>
                  <td>{p.selected ? t('pb.results.fundedYes', { order: p.order ?? 0 }) : t('pb.results.fundedNo')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {hasMap(r) ? <ProjectMap page={page} editionId={r.editionId} phase={r.phase} budgetId={b.id} /> : null}
      {located.length ? (
        <section aria-labelledby="where-heading">
          <h2 id="where-heading">{t('pb.results.where')}</h2>
          <ul>
            {located.map((p) => (
              <li>
                {p.title}: {t('pb.project.coordinates', { lat: p.lat!.toFixed(5), lng: p.lng!.toFixed(5) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">{t('pb.results.downloads')}</h2>
        <ul>
          <li>
            <a href={`/budgets/results/${b.id}.csv`} download>
              {t('pb.results.csv')}
            </a>
          </li>
          <li>
            <a href={`/api/v1/pb/budgets/${b.id}/results`}>{t('pb.results.json')}</a>
          </li>
          <li>
            <a href={`/budgets/results/${b.id}.pb`} download>
              {t('pb.results.pb')}
            </a>
          </li>
        </ul>
      </section>
    </article>
  );
}
