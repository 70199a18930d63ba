import type { PageContext } from '../../../core/ui/page-context.ts';
import { CsrfField } from '../../../core/ui/forms.tsx';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import { DIGESTS, type Digest } from '../model.ts';
import { notificationText, type NotificationRow } from '../present.ts';

export function NotificationsPage(props: { page: PageContext; items: NotificationRow[] }) {
  const { page, items } = props;
  const { t } = page;
  return (
    <section aria-labelledby="notifications-heading">
      <h1 id="notifications-heading">{t('notifications.title')}</h1>
      <p>
        <a href="/notifications/settings">{t('notifications.list.settings')}</a>
      </p>
      {items.length === 0 ? (
        <p>{t('notifications.list.empty')}</p>
      ) : (
        <>
          {items.some((n) => !n.read) ? (
            <form method="post" action="/notifications/read-all">
              <CsrfField page={page} />
              <button type="submit" class="secondary">
                {t('notifications.list.markAll')}
              </button>
            </form>
          ) : null}
          <ul class="notification-list">
            {items.map((n) => (
              <li class={n.read ? 'read' : 'unread'}>
                <a href={`/notifications/${n.id}`}>{notificationText(t, n)}</a>
                {n.read ? null : <strong class="badge"> {t('notifications.list.unread')}</strong>}
                <p class="muted">
                  <time dateTime={n.createdAt}>{formatDateTime(page.locale, n.createdAt)}</time>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export interface FollowedItem {
  type: string;
  id: number;
  title: string;
  url: string;
}

export function SettingsPage(props: { page: PageContext; digest: Digest; follows: FollowedItem[]; spaces: { slug: string; title: string }[] }) {
  const { page } = props;
  const { t } = page;
  return (
    <section aria-labelledby="settings-heading" class="narrow">
      <h1 id="settings-heading">{t('notifications.settings.title')}</h1>
      <form method="post" action="/notifications/settings">
        <CsrfField page={page} />
        <fieldset class="field">
          <legend>{t('notifications.settings.digest')}</legend>
          {DIGESTS.map((d) => (
            <div class="choice">
              <input type="radio" id={`digest-${d}`} name="digest" value={d} checked={props.digest === d} />
              <label for={`digest-${d}`}>{t(`notifications.digest.${d}`)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('notifications.settings.save')}</button>
      </form>
      <section aria-labelledby="following-heading">
        <h2 id="following-heading">{t('notifications.settings.following')}</h2>
        {props.follows.length === 0 && props.spaces.length === 0 ? <p>{t('notifications.settings.nothing')}</p> : null}
        {props.follows.length ? (
          <ul class="follow-list">
            {props.follows.map((f) => (
              <li>
                <a href={f.url}>{f.title}</a>
                <form method="post" action="/follow" class="inline-form">
                  <CsrfField page={page} />
                  <input type="hidden" name="type" value={f.type} />
                  <input type="hidden" name="id" value={String(f.id)} />
                  <input type="hidden" name="follow" value="off" />
                  <input type="hidden" name="next" value="/notifications/settings" />
                  <button type="submit" class="link-button">
                    {t('notifications.settings.unfollow', { title: f.title })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : null}
        {props.spaces.length ? (
          <>
            <h3>{t('notifications.settings.spaces')}</h3>
            <ul>
              {props.spaces.map((s) => (
                <li>
                  <a href={`/spaces/${s.slug}`}>{s.title}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </section>
  );
}

export function UnsubscribePage(props: { page: PageContext; userId: string; token: string; done: boolean }) {
  const { page } = props;
  const { t } = page;
  return (
    <section aria-labelledby="unsubscribe-heading" class="narrow">
      <h1 id="unsubscribe-heading">{t('notifications.unsubscribe.title')}</h1>
      {props.done ? (
        <p role="status">{t('notifications.unsubscribe.done')}</p>
      ) : (
        <form method="post" action={`/notifications/unsubscribe?u=${encodeURIComponent(props.userId)}&t=${encodeURIComponent(props.token)}`}>
          <p>{t('notifications.unsubscribe.lead')}</p>
          <button type="submit">{t('notifications.unsubscribe.confirm')}</button>
        </form>
      )}
    </section>
  );
}

/** The follow button other modules put on their pages (proposal, debate). */
export function FollowForm(props: { page: PageContext; type: string; id: number; following: boolean }) {
  const { page } = props;
  const { t } = page;
  if (page.actor.kind !== 'user') return null;
  return (
    <form method="post" action="/follow" class="follow-form">
      <CsrfField page={page} />
      <input type="hidden" name="type" value={props.type} />
      <input type="hidden" name="id" value={String(props.id)} />
      <input type="hidden" name="follow" value={props.following ? 'off' : 'on'} />
      <input type="hidden" name="next" value={page.path} />
      <p class="hint">{props.following ? t('notifications.follow.following') : t('notifications.follow.hint')}</p>
      <button type="submit" class="secondary">
        {props.following ? t('notifications.follow.unfollow') : t('notifications.follow.follow')}
      </button>
    </form>
  );
}
