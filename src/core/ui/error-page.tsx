import type { Translate } from '../i18n/catalog.ts';

export function ErrorPage(props: { status: number; detail: string; t: Translate }) {
  const { t } = props;
  return (
    <section aria-labelledby="error-heading">
      <h1 id="error-heading">{props.status === 404 ? t('error.notFound') : t('error.title')}</h1>
      <p>{props.detail}</p>
      <p class="muted">{t('error.status', { status: props.status })}</p>
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </section>
  );
}
