import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../core/ui/page-context.ts';
import { MapContainer } from './map-container.tsx';
import { CsrfField } from '../../../core/ui/forms.tsx';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import type { ReportUpdateView, ReportView } from '../queries.ts';
import { StatusBadge } from './report-list.tsx';

function updateText(page: PageContext, u: ReportUpdateView): string {
  const { t } = page;
  if (u.kind === 'status') return t('reports.update.status', { status: t(`reports.status.${u.statusTo}`) });
  if (u.kind === 'feedback') {
    const d = u.details as { fixed?: boolean; rating?: number };
    return t('reports.update.feedback', { answer: t(d.fixed ? 'reports.update.fixedYes' : 'reports.update.fixedNo', { rating: d.rating ?? '' }) });
  }
  return t(`reports.update.${u.kind}`);
}

export function History(props: { page: PageContext; updates: ReportUpdateView[] }) {
  const { page } = props;
  return (
    <ol class="history">
      {props.updates.map((u) => (
        <li class={u.public ? '' : 'internal'}>
          <p>
            <time dateTime={u.at}>{formatDateTime(page.locale, u.at)}</time> — <strong>{updateText(page, u)}</strong>
            {u.author && !u.public ? ` (${u.author})` : ''}
          </p>
          {u.body ? <p class="note">{u.body}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export function ReportPage(props: { page: PageContext; report: ReportView; following: boolean; canManage: boolean; canSeeOriginal: boolean; canGiveFeedback: boolean; canModerate: boolean; comments?: ComponentChildren }) {
  const { page, report: r } = props;
  const { t } = page;
  return (
    <article aria-labelledby="report-heading" class="report">
      <h1 id="report-heading">
        {t('reports.page.title', { id: r.id })}: {r.category}
      </h1>
      <p>
        <StatusBadge page={page} status={r.status} />
        {r.outcome ? ` ${t('reports.page.outcome', { outcome: t(`reports.outcome.${r.outcome}`) })}` : ''}
      </p>
      <p class="muted">
        {t('reports.page.reported', { date: formatDateTime(page.locale, r.createdAt), district: r.district ?? t('reports.page.noDistrict') })}{' '}
        {t('reports.page.reportedBy', { name: r.reporterName ?? t('reports.page.anonymous') })}
        {r.department ? ` · ${t('reports.page.department', { department: r.department })}` : ''}
      </p>
      {r.address ? <p>{r.address}</p> : null}
      <p class="description">{r.descriptionPublic}</p>
      {props.canSeeOriginal && r.description !== r.descriptionPublic ? (
        <details>
          <summary>{t('reports.page.original')}</summary>
          <p>{r.description}</p>
        </details>
      ) : null}
      {r.photoIds.length ? (
        <section aria-labelledby="photos-heading">
          <h2 id="photos-heading">{t('reports.page.photos')}</h2>
          <ul class="photos">
            {r.photoIds.map((pid, i) => (
              <li>
                <a href={`/reports/photos/${pid}.jpg`}>
                  <img src={`/reports/photos/${pid}/thumb.jpg`} width={320} height={240} alt={t('reports.page.photoAlt', { n: i + 1, id: r.id })} loading="lazy" />
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="map-heading">
        <h2 id="map-heading">{t('reports.page.map')}</h2>
        <MapContainer page={page} mode="show" lat={r.lat} lng={r.lng} />
        <p class="muted">
          {r.lat.toFixed(5)}, {r.lng.toFixed(5)}
        </p>
      </section>
      {page.actor.kind === 'user' ? (
        <form method="post" action={`/reports/${r.id}/follow`}>
          <CsrfField page={page} />
          <input type="hidden" name="follow" value={props.following ? 'off' : 'on'} />
          {props.following ? <p>{t('reports.page.following')}</p> : null}
          <button type="submit" class="secondary">
            {props.following ? t('reports.page.unfollow') : t('reports.page.follow')}
          </button>
        </form>
      ) : null}
      {props.canManage ? (
        <p>
          <a class="button" href={`/reports/${r.id}/manage`}>
            {t('reports.page.manage')}
          </a>
        </p>
      ) : null}
      {props.canGiveFeedback ? <FeedbackForm page={page} reportId={r.id} /> : null}
      {props.canModerate ? <ModerationForm page={page} reportId={r.id} hidden={r.hidden} /> : <FlagForm page={page} reportId={r.id} />}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('reports.page.history')}</h2>
        <History page={page} updates={r.updates} />
      </section>
      {props.comments}
    </article>
  );
}

function FeedbackForm(props: { page: PageContext; reportId: number }) {
  const { page } = props;
  const { t } = page;
  return (
    <section aria-labelledby="feedback-heading" class="feedback">
      <h2 id="feedback-heading">{t('reports.page.feedbackTitle')}</h2>
      <form method="post" action={`/reports/${props.reportId}/feedback`}>
        <CsrfField page={page} />
        <fieldset>
          <legend>{t('reports.page.feedbackTitle')}</legend>
          <div class="field checkbox">
            <input type="radio" id="fixed-yes" name="fixed" value="yes" required />
            <label for="fixed-yes">{t('reports.page.fixedYes')}</label>
          </div>
          <div class="field checkbox">
            <input type="radio" id="fixed-no" name="fixed" value="no" />
            <label for="fixed-no">{t('reports.page.fixedNo')}</label>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('reports.page.rating')}</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <span class="rating-option">
              <input type="radio" id={`rating-${n}`} name="rating" value={String(n)} required />
              <label for={`rating-${n}`}>{n}</label>
            </span>
          ))}
        </fieldset>
        <div class="field">
          <label for="f-note">{t('reports.page.feedbackNote')}</label>
          <textarea id="f-note" name="note" rows={3} maxLength={2000}></textarea>
        </div>
        <button type="submit">{t('reports.page.feedbackSubmit')}</button>
      </form>
    </section>
  );
}

function FlagForm(props: { page: PageContext; reportId: number }) {
  const { t } = props.page;
  return (
    <details class="flag">
      <summary>{t('reports.flag.title')}</summary>
      <form method="post" action={`/reports/${props.reportId}/flag`}>
        <CsrfField page={props.page} />
        <div class="field">
          <label for="f-flag-reason">{t('reports.flag.reason')}</label>
          <textarea id="f-flag-reason" name="reason" rows={2} required maxLength={1000}></textarea>
        </div>
        <button type="submit" class="secondary">
          {t('reports.flag.submit')}
        </button>
      </form>
    </details>
  );
}

function ModerationForm(props: { page: PageContext; reportId: number; hidden: boolean }) {
  const { t } = props.page;
  return (
    <section aria-labelledby="moderation-heading" class="moderation">
      <h2 id="moderation-heading">{t('reports.moderation.title')}</h2>
      {props.hidden ? <p>{t('reports.moderation.hidden')}</p> : null}
      <form method="post" action={`/reports/${props.reportId}/${props.hidden ? 'restore' : 'hide'}`}>
        <CsrfField page={props.page} />
        <input type="hidden" name="back" value="report" />
        {props.hidden ? null : (
          <div class="field">
            <label for="f-hide-reason">{t('reports.moderation.hideReason')}</label>
            <input type="text" id="f-hide-reason" name="reason" required maxLength={1000} />
          </div>
        )}
        <button type="submit" class={props.hidden ? 'secondary' : 'danger'}>
          {props.hidden ? t('reports.moderation.restore') : t('reports.moderation.hide')}
        </button>
      </form>
    </section>
  );
}
