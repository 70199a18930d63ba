import type { ComponentChildren } from 'preact';
import type { PageContext } from './page-context.ts';
import { LOCALES } from '../config/config.ts';
import { hasRole } from '../auth/actor.ts';

const LANG_NAMES: Record<string, string> = { ro: 'Română', en: 'English', hu: 'Magyar' };

export function Layout(props: { page: PageContext; title: string; children: ComponentChildren; islands?: string[] | undefined; styles?: string[] | undefined }) {
  const { page, title } = props;
  const { t, actor } = page;
  const publicNav = page.nav.filter((n) => n.audience === 'public');
  // The most specific entry is the current page (/reports/stats, not also /reports).
  const pathname = page.path.split('?')[0] ?? '/';
  const current = publicNav
    .filter((n) => pathname === n.href || pathname.startsWith(`${n.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <html lang={page.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${page.city.name}`}</title>
        <meta name="description" content={t('layout.description', { city: page.city.name })} />
        <link rel="stylesheet" href="/static/app.css" />
        {(props.styles ?? []).map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              {page.city.name}
            </a>
            <nav aria-label={t('layout.languages')} class="lang-switch">
              <ul>
                {LOCALES.map((l) => (
                  <li>
                    {l === page.locale ? (
                      <span aria-current="true" lang={l}>
                        {LANG_NAMES[l]}
                      </span>
                    ) : (
                      <a href={`/lang/${l}?next=${encodeURIComponent(page.path)}`} lang={l} hreflang={l}>
                        {LANG_NAMES[l]}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <div class="wrap">
            <nav aria-label={t('layout.mainNav')} class="main-nav">
              <ul>
                <li>
                  <a href="/" aria-current={page.path === '/' ? 'page' : undefined}>
                    {t('layout.home')}
                  </a>
                </li>
                {publicNav.map((n) => (
                  <li>
                    <a href={n.href} aria-current={n.href === current ? 'page' : undefined}>
                      {t(n.label)}
                    </a>
                  </li>
                ))}
                {hasRole(actor, 'admin') ? (
                  <li>
                    <a href="/admin">{t('layout.admin')}</a>
                  </li>
                ) : null}
                {actor.kind === 'user' ? (
                  <>
                    <li>
                      <a href="/account">{t('layout.account')}</a>
                    </li>
                    <li>
                      <form method="post" action="/logout" class="inline-form">
                        <input type="hidden" name="_csrf" value={page.csrf} />
                        <button type="submit" class="link-button">
                          {t('layout.logout')}
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <a href="/login">{t('layout.login')}</a>
                    </li>
                    <li>
                      <a href="/register">{t('layout.register')}</a>
                    </li>
                  </>
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabindex={-1} class="wrap">
          {page.notice ? (
            <p class="notice" role="status">
              {page.notice}
            </p>
          ) : null}
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <ul class="footer-links">
              <li>
                <a href="/privacy">{t('layout.privacy')}</a>
              </li>
              <li>
                <a href="/open-data">{t('layout.openData')}</a>
              </li>
              <li>
                <a href="/api/docs">{t('layout.api')}</a>
              </li>
            </ul>
            <p>{t('layout.footer', { city: page.city.name })}</p>
          </div>
        </footer>
        {(props.islands ?? []).map((src) => (
          <script type="module" src={src} />
        ))}
      </body>
    </html>
  );
}
