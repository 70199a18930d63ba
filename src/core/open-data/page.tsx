// The open-data page: one section per dataset with its description, licence and a plain link per
// file, so it works without JavaScript and reads well with a screen reader.
import type { Translate } from '../i18n/catalog.ts';
import type { Locale } from '../config/config.ts';
import { Catalog } from '../i18n/catalog.ts';
import { dateTimeFormat } from '../i18n/intl-cache.ts';
import type { DatasetView } from './catalog.ts';

export function OpenDataPage(props: { t: Translate; locale: Locale; datasets: DatasetView[]; license: { id: string; url: string } }) {
  const { t, datasets, license } = props;
  const date = dateTimeFormat(Catalog.intlTag(props.locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Bucharest' });
  return (
    <article aria-labelledby="open-data-heading">
      <h1 id="open-data-heading">{t('openData.title')}</h1>
      <p>{t('openData.intro')}</p>
      <p>
        {t('openData.license')}: <a href={license.url} rel="license">{license.id}</a>
        {' · '}
        <a href="/api/v1/open-data" type="application/ld+json">
          {t('openData.machine')}
        </a>
      </p>
      {datasets.length === 0 ? <p>{t('openData.none')}</p> : null}
      {datasets.map((d) => (
        <section id={d.id} aria-labelledby={`dataset-${d.id}`}>
          <h2 id={`dataset-${d.id}`}>{d.title}</h2>
          <p>{d.description}</p>
          {d.modified ? (
            <p>
              {t('openData.modified')}: <time datetime={d.modified}>{date.format(new Date(d.modified))}</time>
            </p>
          ) : null}
          <h3 id={`files-${d.id}`}>{t('openData.files')}</h3>
          <ul aria-labelledby={`files-${d.id}`}>
            {d.files.map((f) => (
              <li>
                <a href={f.href} type={f.mediaType} download aria-label={t('openData.download', { title: d.title, format: f.label })}>
                  {f.label}
                </a>{' '}
                <code>{f.mediaType}</code>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
