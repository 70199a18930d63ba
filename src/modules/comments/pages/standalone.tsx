// Comment pages of their own: the edit form, a refused comment kept for another try, and the
// moderators' queue of reported comments.
import type { PageContext } from '../../../core/ui/page-context.ts';
import { CsrfField } from '../../../core/ui/forms.tsx';
import type { CommentableInfo } from '../commentables.ts';
import type { CommentRef } from '../queries.ts';
import { Paragraphs } from '../../spaces/pages/text.tsx';
import { CommentForm } from './thread.tsx';

export function EditCommentPage(props: { page: PageContext; comment: Pick<CommentRef, 'id' | 'body'>; info: CommentableInfo; error?: string }) {
  const { page, comment, info } = props;
  const { t } = page;
  return (
    <section aria-labelledby="edit-comment-heading" class="narrow">
      <h1 id="edit-comment-heading">{t('comments.editTitle')}</h1>
      <p>
        <a href={`${info.url}#comment-${comment.id}`}>{info.title}</a>
      </p>
      <p class="hint">{t('comments.editWindow')}</p>
      <form method="post" action={`/comments/${comment.id}/edit`}>
        <CsrfField page={page} />
        <div class={props.error ? 'field field-error' : 'field'}>
          <label for="edit-body">{t('comments.editLabel')}</label>
          {props.error ? (
            <p class="error" id="edit-body-error">
              {props.error}
            </p>
          ) : null}
          <textarea id="edit-body" name="body" rows={6} required maxLength={3000} aria-describedby={props.error ? 'edit-body-error' : undefined}>
            {comment.body}
          </textarea>
        </div>
        <button type="submit">{t('comments.editSubmit')}</button>
      </form>
    </section>
  );
}

export function RejectedCommentPage(props: { page: PageContext; info: CommentableInfo; message: string; subjectType: string; subjectId: number; parentId?: number | undefined; body: string }) {
  const { page, info } = props;
  const { t } = page;
  return (
    <section aria-labelledby="rejected-heading" class="narrow">
      <h1 id="rejected-heading">{t('comments.rejected.title')}</h1>
      <p class="error-summary" role="alert">
        {props.message}
      </p>
      <CommentForm page={page} subjectType={props.subjectType} subjectId={props.subjectId} {...(props.parentId ? { parentId: props.parentId } : {})} idPrefix="retry" label={t('comments.new')} submit={t('comments.submit')} withStance={!props.parentId} value={props.body} />
      <p>
        <a href={info.url}>{t('comments.rejected.back')}</a>
      </p>
    </section>
  );
}

export function FlaggedPage(props: { page: PageContext; items: (CommentRef & { reasons: string[]; url: string | null; title: string })[] }) {
  const { page, items } = props;
  const { t } = page;
  return (
    <section aria-labelledby="flagged-heading">
      <h1 id="flagged-heading">{t('comments.moderation.title')}</h1>
      {items.length === 0 ? (
        <p>{t('comments.moderation.none')}</p>
      ) : (
        <ul class="flagged">
          {items.map((c) => (
            <li>
              <article aria-labelledby={`flagged-${c.id}`}>
                <h2 id={`flagged-${c.id}`} class="item-title">
                  {c.title} · {c.author ?? t('comments.formerParticipant')}
                </h2>
                <p>{t('comments.moderation.flags', { count: c.flags, reasons: c.reasons.map((r) => t(`comments.flagReason.${r}`)).join(', ') })}</p>
                <Paragraphs text={c.body} />
                {c.url ? <a href={c.url}>{t('comments.moderation.open')}</a> : null}
                <form method="post" action={`/comments/${c.id}/hide`}>
                  <CsrfField page={page} />
                  <div class="field">
                    <label for={`hide-${c.id}`}>{t('comments.hideReason')}</label>
                    <input id={`hide-${c.id}`} name="reason" required maxLength={500} />
                  </div>
                  <button type="submit" class="secondary">
                    {t('comments.hideSubmit')}
                  </button>
                </form>
                <form method="post" action={`/comments/${c.id}/restore`} class="inline-form">
                  <CsrfField page={page} />
                  <button type="submit" class="secondary">
                    {t('comments.restore')}
                  </button>
                </form>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
