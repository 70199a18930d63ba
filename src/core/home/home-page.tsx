import type { PageContext } from '../ui/page-context.ts';
import type { HomeCard } from '../modules/manifest.ts';
import { dateTimeFormat } from '../i18n/intl-cache.ts';

export interface FeedItem {
  id: number;
  text: string;
  at: string;
}

export function formatDateTime(locale: string, iso: string): string {
  return dateTimeFormat({ ro: 'ro-RO', en: 'en-GB', hu: 'hu-HU' }[locale] ?? 'ro-RO', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Bucharest',
  }).format(new Date(iso));
}

export function HomePage(props: { page: PageContext; feed: FeedItem[]; cards: HomeCard[]; isDemo: boolean }) {
  const { page, feed, cards } = props;
  const { t } = page;
  return (
    <>
      <section class="hero" aria-labelledby="home-heading">
        <h1 id="home-heading">{t('home.welcome', { city: page.city.name })}</h1>
        <p class="lead">{page.city.welcome[page.locale] ?? t('home.lead')}</p>
        {props.isDemo ? <p class="demo-notice">{t('home.demoNotice')}</p> : null}
      </section>
      {cards.length > 0 ? (
        <section aria-labelledby="modules-heading">
          <h2 id="modules-heading">{t('home.modules')}</h2>
          <ul class="cards">
            {cards.map((c) => (
              <li class="card">
                <h3>{c.title}</h3>
                <p>{c.body}</p>
                <a href={c.href}>{c.linkLabel}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="now-heading">
        <h2 id="now-heading">{t('home.now')}</h2>
        <ol class="feed" id="live-feed" aria-live="polite" data-empty={t('home.nothingYet')}>
          {feed.map((f) => (
            <li>
              <time dateTime={f.at}>{formatDateTime(page.locale, f.at)}</time> {f.text}
            </li>
          ))}
        </ol>
        {feed.length === 0 ? <p class="muted" id="feed-empty">{t('home.nothingYet')}</p> : null}
      </section>
    </>
  );
}
