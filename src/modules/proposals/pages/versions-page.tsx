// The public history of a proposal's text. Only the masked text is shown: personal data the author
// wrote in an earlier version stays hidden there too.
import type { PageContext } from '../../../core/ui/page-context.ts';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import type { HostedComponent } from '../../spaces/hosted.ts';
import { Paragraphs } from '../../spaces/pages/text.tsx';
import type { Proposal, ProposalVersion } from '../queries.ts';
import { ComponentCrumbs } from './list-page.tsx';

export function VersionsPage(props: { page: PageContext; component: HostedComponent; proposal: Proposal; title: string; versions: ProposalVersion[] }) {
  const { page, component, proposal, versions } = props;
  const { t } = page;
  return (
    <>
      <ComponentCrumbs page={page} component={component} current={{ href: `/proposals/c/${component.id}`, label: component.title || t('proposals.component') }} />
      <section aria-labelledby="versions-heading" class="narrow">
        <h1 id="versions-heading">{props.title}</h1>
        {versions.length ? (
          <ol class="versions" reversed>
            {versions.map((v) => (
              <li>
                <article aria-labelledby={`version-${v.version}`}>
                  <h2 id={`version-${v.version}`}>
                    {t('proposals.versions.item', { version: v.version, date: formatDateTime(page.locale, v.editedAt) })}
                    {v.version === 1 ? ` (${t('proposals.versions.original')})` : ''}
                  </h2>
                  <h3>{v.title}</h3>
                  <Paragraphs text={v.bodyPublic} />
                </article>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('proposals.versions.none')}</p>
        )}
        <p>
          <a href={`/proposals/${proposal.id}`}>{t('proposals.versions.back')}</a>
        </p>
      </section>
    </>
  );
}
