// Survey results: one section per question with a table-backed bar chart, averages where they mean
// something, and (for admins) the individual free-text answers and points.
import type { PageContext } from '../../../core/ui/page-context.ts';
import { ScrollRegion, BarTable } from '../../../core/ui/bar-table.tsx';
import { Catalog } from '../../../core/i18n/catalog.ts';
import type { QuestionResult } from '../results.ts';
import type { Survey } from '../queries.ts';
import { numberFormat } from '../../../core/i18n/intl-cache.ts';

function fmt(page: PageContext, n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined) return '—';
  return numberFormat(Catalog.intlTag(page.locale), { maximumFractionDigits: digits }).format(n);
}

function Result(props: { page: PageContext; r: QuestionResult; index: number }) {
  const { page, r } = props;
  const { t } = page;
  const hid = `q${r.question.id}-heading`;
  const common = { locale: page.locale, labelHeading: t('surveys.results.answer'), countHeading: t('surveys.results.count'), shareHeading: t('surveys.results.share') };
  return (
    <section aria-labelledby={hid} class="result">
      <h2 id={hid}>
        {props.index}. {r.question.title}
      </h2>
      <p class="muted">{t('surveys.results.answered', { count: r.answered })}</p>
      {r.kind === 'bars' ? (
        <>
          <BarTable {...common} caption={r.question.kind === 'multiple_choice' ? t('surveys.results.captionMultiple') : t('surveys.results.caption')} rows={r.bars} total={r.answered} />
          {r.average !== undefined ? <p>{t('surveys.results.average', { value: fmt(page, r.average, 2) })}</p> : null}
        </>
      ) : null}
      {r.kind === 'matrix' ? (
        <ScrollRegion label={t('surveys.results.matrixCaption')}>
          <table class="numeric">
            <caption>{t('surveys.results.matrixCaption')}</caption>
            <thead>
              <tr>
                <td></td>
                {r.columns.map((c) => (
                  <th scope="col">{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {r.rows.map((row) => (
                <tr>
                  <th scope="row">{row.label}</th>
                  {row.counts.map((n) => (
                    <td class="num">{fmt(page, n, 0)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {r.kind === 'ranking' ? (
        <ScrollRegion label={t('surveys.results.rankingCaption')}>
          <table class="numeric">
            <caption>{t('surveys.results.rankingCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.results.answer')}</th>
                <th scope="col">{t('surveys.results.averageRank')}</th>
                <th scope="col">{t('surveys.results.firstPlace')}</th>
              </tr>
            </thead>
            <tbody>
              {r.items.map((i) => (
                <tr>
                  <th scope="row">{i.label}</th>
                  <td class="num">{fmt(page, i.averageRank, 2)}</td>
                  <td class="num">{fmt(page, i.first, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {r.kind === 'number' && r.answered > 0 ? (
        <dl class="facts">
          <dt>{t('surveys.results.min')}</dt>
          <dd>{fmt(page, r.min, 2)}</dd>
          <dt>{t('surveys.results.median')}</dt>
          <dd>{fmt(page, r.median, 2)}</dd>
          <dt>{t('surveys.results.averageLabel')}</dt>
          <dd>{fmt(page, r.average, 2)}</dd>
          <dt>{t('surveys.results.max')}</dt>
          <dd>{fmt(page, r.max, 2)}</dd>
        </dl>
      ) : null}
      {r.kind === 'date' && r.answered > 0 ? (
        <dl class="facts">
          <dt>{t('surveys.results.earliest')}</dt>
          <dd>{r.earliest}</dd>
          <dt>{t('surveys.results.latest')}</dt>
          <dd>{r.latest}</dd>
        </dl>
      ) : null}
      {r.kind === 'text' && r.texts.length ? (
        <ul class="text-answers">
          {r.texts.map((s) => (
            <li>{s}</li>
          ))}
        </ul>
      ) : null}
      {r.kind === 'points' && r.points.length ? (
        <ScrollRegion label={t('surveys.results.pointsCaption')}>
          <table class="numeric">
            <caption>{t('surveys.results.pointsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.point.lat')}</th>
                <th scope="col">{t('surveys.point.lng')}</th>
              </tr>
            </thead>
            <tbody>
              {r.points.map((p) => (
                <tr>
                  <td class="num">{p.lat}</td>
                  <td class="num">{p.lng}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </section>
  );
}

export function ResultsPage(props: { page: PageContext; survey: Survey; results: QuestionResult[]; canExport: boolean }) {
  const { page, survey } = props;
  const { t } = page;
  return (
    <article aria-labelledby="results-heading" class="survey-results">
      <h1 id="results-heading">{t('surveys.results.title', { title: survey.title })}</h1>
      <p class="lead">{t('surveys.results.responses', { count: survey.responses })}</p>
      <p>
        <a href={`/surveys/${survey.id}`}>{t('surveys.back')}</a>
        {props.canExport ? (
          <>
            {' · '}
            <a href={`/surveys/${survey.id}/results.csv`} download>
              {t('surveys.results.csv')}
            </a>
          </>
        ) : null}
      </p>
      {props.results.map((r, i) => (
        <Result page={page} r={r} index={i + 1} />
      ))}
    </article>
  );
}
