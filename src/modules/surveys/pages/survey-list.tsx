import type { PageContext } from '../../../core/ui/page-context.ts';
import type { Survey } from '../queries.ts';

export function SurveyList(props: { page: PageContext; surveys: Survey[]; space?: { slug: string; title: string } }) {
  const { page, surveys } = props;
  const { t } = page;
  return (
    <section aria-labelledby="surveys-heading">
      <h1 id="surveys-heading">{t('surveys.title')}</h1>
      {props.space ? (
        <p class="lead">
          <a href={`/spaces/${props.space.slug}`}>{props.space.title}</a>
        </p>
      ) : (
        <p class="lead">{t('surveys.lead')}</p>
      )}
      {surveys.length === 0 ? (
        <p>{t('surveys.empty')}</p>
      ) : (
        <ul class="report-list">
          {surveys.map((s) => (
            <li>
              <h2 class="item-title">
                <a href={`/surveys/${s.id}`}>{s.title}</a>
              </h2>
              <p>
                <span class={`status status-${s.status === 'open' ? 'new' : 'closed'}`}>{t(`surveys.status.${s.status}`)}</span>{' '}
                {t('surveys.results.responses', { count: s.responses })}
                {s.spaceTitle ? ` · ${t('surveys.inSpace', { space: s.spaceTitle })}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
