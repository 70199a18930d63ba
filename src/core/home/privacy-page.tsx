import type { Translate } from '../i18n/catalog.ts';

export function PrivacyPage(props: { t: Translate }) {
  const { t } = props;
  return (
    <article aria-labelledby="privacy-heading">
      <h1 id="privacy-heading">{t('privacy.title')}</h1>
      <p>{t('privacy.body')}</p>
      <p>{t('privacy.terms')}</p>
    </article>
  );
}
