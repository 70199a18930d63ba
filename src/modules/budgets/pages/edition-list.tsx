import type { PageContext } from '../../../core/ui/page-context.ts';
import { hasRole } from '../../../core/auth/actor.ts';
import type { EditionSummary } from '../queries.ts';

export function PhaseBadge(props: { page: PageContext; phase: string }) {
  return <span class={`status phase-${props.phase}`}>{props.page.t(`pb.phase.${props.phase}`)}</span>;
}

export function EditionListPage(props: { page: PageContext; editions: EditionSummary[] }) {
  const { page, editions } = props;
  const { t } = page;
  return (
    <section aria-labelledby="pb-heading">
      <h1 id="pb-heading">{t('pb.title')}</h1>
      <p class="lead">{t('pb.intro')}</p>
      {hasRole(page.actor, 'admin') ? (
        <p>
          <a href="/admin/budgets">{t('pb.admin.title')}</a>
        </p>
      ) : null}
      {editions.length === 0 ? (
        <p>{t('pb.list.empty')}</p>
      ) : (
        <ul class="report-list">
          {editions.map((e) => (
            <li>
              <p>
                <a href={`/budgets/editions/${e.id}`}>
                  <strong>{e.title}</strong>
                </a>{' '}
                <PhaseBadge page={page} phase={e.phase} />
              </p>
              <p class="muted">
                {t('pb.list.counts', { budgets: e.budgets, projects: e.projects })}
                {e.source === 'pabulib' ? ` · ${t('pb.list.imported')}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/budgets/receipt">{t('pb.receipt.checkTitle')}</a>
      </p>
    </section>
  );
}
