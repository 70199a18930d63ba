import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import type { ProjectView } from '../queries.ts';
import { budgetPolicy } from '../policy.ts';
import { formatMoney } from './format.ts';
import { FeatureMap } from '../../../core/ui/feature-map.tsx';
import { STATUS_COLOURS, WINNING } from '../map.ts';

function Implementation(props: { page: PageContext; p: ProjectView }) {
  const { page, p } = props;
  const { t } = page;
  return (
    <section aria-labelledby="impl-heading">
      <h2 id="impl-heading">{t('pb.track.title')}</h2>
      <p>
        <label for="impl-progress">{t('pb.track.progressLabel', { progress: p.progress })}</label>
        <br />
        <progress id="impl-progress" max={100} value={p.progress}>
          {p.progress} %
        </progress>
      </p>
      {p.spent !== null ? <p>{t('pb.track.spentLabel', { spent: formatMoney(page.locale, p.spent, p.currency) })}</p> : null}
      {p.implementationNote ? <p class="description">{p.implementationNote}</p> : null}
    </section>
  );
}

function TrackForm(props: { page: PageContext; p: ProjectView; errors?: FieldError[] | undefined }) {
  const { page, p } = props;
  const { t } = page;
  return (
    <section aria-labelledby="track-heading">
      <h2 id="track-heading">{t('pb.track.update')}</h2>
      <ErrorSummary page={page} errors={props.errors} />
      <form method="post" action={`/budgets/projects/${p.id}/progress`}>
        <CsrfField page={page} />
        <Field name="progress" type="number" label={t('pb.track.progress')} hint={t('pb.track.progressHint')} value={String(p.progress)} error={errorFor(props.errors, 'progress')} required />
        <Field name="spent" label={t('pb.track.spent')} value={p.spent !== null ? String(p.spent) : ''} error={errorFor(props.errors, 'spent')} />
        <Field name="note" label={t('pb.track.note')} value={p.implementationNote ?? ''} error={errorFor(props.errors, 'note')} multiline maxLength={2000} />
        <button type="submit">{t('pb.track.save')}</button>
      </form>
    </section>
  );
}

function Photos(props: { page: PageContext; p: ProjectView; canAdd: boolean; error?: string | undefined }) {
  const { page, p } = props;
  const { t } = page;
  if (!p.photos.length && !props.canAdd) return null;
  return (
    <section aria-labelledby="photos-heading">
      <h2 id="photos-heading">{t('pb.photos.title')}</h2>
      {p.photos.length ? (
        <ul class="photos">
          {p.photos.map((ph, i) => (
            <li>
              <a href={`/budgets/photos/${ph.id}.jpg`}>
                <img src={`/budgets/photos/${ph.id}/thumb.jpg`} width={320} height={240} loading="lazy" alt={t(ph.stage === 'implementation' ? 'pb.photos.altWorks' : 'pb.photos.alt', { n: i + 1, title: p.title })} />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {props.canAdd ? (
        <form method="post" action={`/budgets/projects/${p.id}/photos?_csrf=${encodeURIComponent(page.csrf)}`} enctype="multipart/form-data">
          <div class={props.error ? 'field field-error' : 'field'}>
            <label for="f-photo">{t('pb.photos.add')}</label>
            <p class="hint" id="f-photo-hint">
              {t('pb.photos.hint')}
            </p>
            {props.error ? (
              <p class="error" id="f-photo-error">
                {props.error}
              </p>
            ) : null}
            <input type="file" id="f-photo" name="photo" accept="image/jpeg,image/png,image/webp,image/heic,image/avif" required aria-describedby={props.error ? 'f-photo-hint f-photo-error' : 'f-photo-hint'} />
          </div>
          <button type="submit" class="secondary">
            {t('pb.photos.upload')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function ProjectPage(props: { page: PageContext; project: ProjectView; trackErrors?: FieldError[]; commentError?: string; photoError?: string }) {
  const { page, project: p } = props;
  const { t } = page;
  const subject = { phase: p.phase, authorId: p.authorId };
  const cost = p.adjustedCost ?? p.cost;
  return (
    <article aria-labelledby="project-heading" class="pb-project">
      <p class="muted">
        <a href={`/budgets/editions/${p.editionId}`}>{p.editionTitle}</a> · {p.budgetName}
      </p>
      <h1 id="project-heading">{p.title}</h1>
      <p>
        <span class={`status pb-status-${p.status}`}>{t(`pb.status.${p.status}`)}</span>
      </p>
      {p.statusReason ? (
        <p class="pb-reason">
          <strong>{t(p.status === 'rejected' ? 'pb.project.rejectedBecause' : 'pb.project.reviewNote')}</strong> {p.statusReason}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('pb.project.cost')}</dt>
        <dd>
          {formatMoney(page.locale, cost, p.currency)}
          {p.adjustedCost !== null && p.adjustedCost !== p.cost ? ` (${t('pb.project.costAdjusted', { original: formatMoney(page.locale, p.cost, p.currency) })})` : ''}
        </dd>
        <dt>{t('pb.project.district')}</dt>
        <dd>{p.district ?? t('pb.project.cityWide')}</dd>
        {p.category ? (
          <>
            <dt>{t('pb.project.category')}</dt>
            <dd>{p.category}</dd>
          </>
        ) : null}
        {p.authorName ? (
          <>
            <dt>{t('pb.project.author')}</dt>
            <dd>{p.authorName}</dd>
          </>
        ) : null}
        <dt>{t('pb.project.location')}</dt>
        <dd>{p.lat !== null && p.lng !== null ? t('pb.project.coordinates', { lat: p.lat.toFixed(5), lng: p.lng.toFixed(5) }) : t('pb.project.noLocation')}</dd>
      </dl>
      {p.lat !== null && p.lng !== null ? (
        <FeatureMap
          page={page}
          id="pb-project-map"
          src={`/api/v1/pb/projects/${p.id}.geojson`}
          colourBy="status"
          label={t('pb.map.projectLabel')}
          clusterLabel={t('pb.map.cluster', { count: '{count}' })}
          note={t('pb.map.projectNote')}
          legendLabel={t('pb.map.legend')}
          legend={[{ value: p.status, colour: STATUS_COLOURS[p.status], label: t(`pb.status.${p.status}`), mark: WINNING.includes(p.status) }]}
        />
      ) : null}
      <h2>{t('pb.project.description')}</h2>
      <p class="description">{p.description}</p>
      <Photos page={page} p={p} canAdd={budgetPolicy.can(page.actor, 'pb.addPhoto', subject)} error={props.photoError} />
      {budgetPolicy.can(page.actor, 'pb.review', subject) ? (
        <p>
          <a class="button" href={`/budgets/projects/${p.id}/review`}>
            {t('pb.review.link')}
          </a>
        </p>
      ) : null}
      {p.status === 'selected' || p.status === 'implemented' ? (
        <Implementation page={page} p={p} />
      ) : props.trackErrors?.length ? (
        <p class="error-summary" role="alert">
          {props.trackErrors.map((e) => e.reason).join(' ')}
        </p>
      ) : null}
      {(p.status === 'selected' || p.status === 'implemented') && budgetPolicy.can(page.actor, 'pb.track', subject) ? <TrackForm page={page} p={p} errors={props.trackErrors} /> : null}
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t('pb.comments.title', { count: p.comments.length })}</h2>
        {p.comments.length ? (
          <ol class="history">
            {p.comments.map((c) => (
              <li>
                <p>
                  <strong>{c.author || t('pb.comments.anonymous')}</strong> — <time dateTime={c.at}>{formatDateTime(page.locale, c.at)}</time>
                </p>
                <p class="note">{c.body}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('pb.comments.none')}</p>
        )}
        {budgetPolicy.can(page.actor, 'pb.comment', subject) ? (
          <form method="post" action={`/budgets/projects/${p.id}/comments`}>
            <CsrfField page={page} />
            <Field name="body" label={t('pb.comments.add')} error={props.commentError} required multiline maxLength={2000} />
            <button type="submit">{t('pb.comments.submit')}</button>
          </form>
        ) : (
          <p>
            <a href={`/login?next=${encodeURIComponent(`/budgets/projects/${p.id}`)}`}>{t('pb.comments.login')}</a>
          </p>
        )}
      </section>
    </article>
  );
}
