import type { PageContext } from '../../../core/ui/page-context.ts';
import { SPACE_KINDS, type SpaceKind } from '../model.ts';
import type { SpaceSummary } from '../queries.ts';

export function SpaceListPage(props: { page: PageContext; spaces: SpaceSummary[]; kind: SpaceKind | undefined }) {
  const { page, spaces, kind } = props;
  const { t } = page;
  const kinds = kind ? [kind] : [...SPACE_KINDS];
  return (
    <section aria-labelledby="spaces-heading">
      <h1 id="spaces-heading">{t('spaces.list.title')}</h1>
      <p class="lead">{t('spaces.list.lead')}</p>
      <nav aria-label={t('spaces.list.filter')} class="tabs">
        <ul>
          <li>
            <a href="/spaces" aria-current={kind ? undefined : 'page'}>
              {t('spaces.list.all')}
            </a>
          </li>
          {SPACE_KINDS.map((k) => (
            <li>
              <a href={`/spaces?kind=${k}`} aria-current={kind === k ? 'page' : undefined}>
                {t(`spaces.kinds.${k}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {kinds.map((k) => {
        const of = spaces.filter((s) => s.kind === k);
        return (
          <section aria-labelledby={`kind-${k}`}>
            <h2 id={`kind-${k}`}>{t(`spaces.kinds.${k}`)}</h2>
            {of.length === 0 ? (
              <p>{t('spaces.list.empty')}</p>
            ) : (
              <ul class="cards">
                {of.map((s) => (
                  <li class="card">
                    <h3>
                      <a href={`/spaces/${s.slug}`}>{s.title}</a>
                    </h3>
                    {s.subtitle ? <p>{s.subtitle}</p> : null}
                    <p class="muted">
                      {t(`spaces.kind.${s.kind}`)}
                      {s.district ? ` · ${s.district}` : ''}
                      {s.phase ? ` · ${t('spaces.list.phase', { phase: s.phase })}` : ''} · {t('spaces.list.followers', { count: s.followers })}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
}
