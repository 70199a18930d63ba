// A comment thread that works without JavaScript: forms post and come back to the comment; replies,
// flags and moderation sit in <details> so the page stays short.
import type { PageContext } from '../../../core/ui/page-context.ts';
import { CsrfField } from '../../../core/ui/forms.tsx';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import { Paragraphs } from '../../spaces/pages/text.tsx';
import { commentPolicy, type CommentSubject } from '../policy.ts';
import { FLAG_REASONS } from '../commands/react.ts';
import type { CommentView } from '../queries.ts';

export interface ThreadProps {
  page: PageContext;
  subjectType: string;
  subjectId: number;
  open: boolean;
  comments: CommentView[];
}

const STANCES = ['for', 'against', 'neutral'] as const;

function subjectOf(open: boolean, c?: CommentView): CommentSubject {
  return { open, authorId: c?.authorId ?? null, hidden: c?.hidden ?? false, editable: c?.editable ?? false };
}

export function CommentForm(props: { page: PageContext; subjectType: string; subjectId: number; parentId?: number; idPrefix: string; label: string; submit: string; withStance: boolean; value?: string }) {
  const { page } = props;
  const { t } = page;
  return (
    <form method="post" action="/comments" class="comment-form">
      <CsrfField page={page} />
      <input type="hidden" name="subjectType" value={props.subjectType} />
      <input type="hidden" name="subjectId" value={String(props.subjectId)} />
      {props.parentId ? <input type="hidden" name="parentId" value={String(props.parentId)} /> : null}
      <div class="field">
        <label for={`${props.idPrefix}-body`}>{props.label}</label>
        <textarea id={`${props.idPrefix}-body`} name="body" rows={4} required maxLength={3000}>
          {props.value ?? ''}
        </textarea>
      </div>
      {props.withStance ? (
        <fieldset class="field stance">
          <legend>{t('comments.stance.legend')}</legend>
          {STANCES.map((s) => (
            <div class="choice">
              <input type="radio" id={`${props.idPrefix}-stance-${s}`} name="stance" value={s} />
              <label for={`${props.idPrefix}-stance-${s}`}>{t(`comments.stance.${s}`)}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <button type="submit">{props.submit}</button>
    </form>
  );
}

function VoteForms(props: { page: PageContext; c: CommentView; canVote: boolean }) {
  const { page, c } = props;
  const { t } = page;
  if (!props.canVote) {
    return (
      <p class="votes muted">
        {t('comments.vote.agreeCount', { count: c.agree })} · {t('comments.vote.disagreeCount', { count: c.disagree })}
      </p>
    );
  }
  const button = (value: 'agree' | 'disagree', count: number, pressed: boolean) => (
    <form method="post" action={`/comments/${c.id}/vote`} class="inline-form">
      <CsrfField page={page} />
      <input type="hidden" name="value" value={pressed ? 'none' : value} />
      <button type="submit" class="secondary" aria-pressed={pressed ? 'true' : 'false'}>
        {t(value === 'agree' ? 'comments.vote.agreeCount' : 'comments.vote.disagreeCount', { count })}
      </button>
    </form>
  );
  return (
    <div class="votes" role="group" aria-label={t('comments.vote.label')}>
      {button('agree', c.agree, c.myVote === 1)}
      {button('disagree', c.disagree, c.myVote === -1)}
    </div>
  );
}

function CommentItem(props: ThreadProps & { c: CommentView }) {
  const { page, c, open } = props;
  const { t, actor } = page;
  const s = subjectOf(open, c);
  const moderator = commentPolicy.can(actor, 'comment.moderate', s);
  const own = actor.kind === 'user' && c.authorId === actor.id;
  return (
    <li>
      <article id={`comment-${c.id}`} class={`comment depth-${c.depth}`} aria-labelledby={`comment-${c.id}-by`}>
        <p class="comment-meta" id={`comment-${c.id}-by`}>
          <strong>{c.author ?? t('comments.formerParticipant')}</strong> · <time dateTime={c.createdAt}>{formatDateTime(page.locale, c.createdAt)}</time>
          {c.edited ? ` · ${t('comments.edited')}` : ''}
          {c.stance ? (
            <>
              {' '}
              <span class={`stance stance-${c.stance}`}>{t(`comments.stance.${c.stance}`)}</span>
            </>
          ) : null}
        </p>
        {c.hidden ? <p class="notice">{t('comments.hiddenBy', { reason: c.hiddenReason ?? '' })}</p> : null}
        {!c.hidden || moderator ? <Paragraphs text={own || moderator ? c.body : c.bodyPublic} /> : null}
        {c.hidden ? null : <VoteForms page={page} c={c} canVote={commentPolicy.can(actor, 'comment.vote', s)} />}
        <div class="comment-actions">
          {commentPolicy.can(actor, 'comment.edit', s) ? <a href={`/comments/${c.id}/edit`}>{t('comments.edit')}</a> : null}
          {commentPolicy.can(actor, 'comment.create', s) && !c.hidden ? (
            <details>
              <summary>{t('comments.reply')}</summary>
              <CommentForm page={page} subjectType={props.subjectType} subjectId={props.subjectId} parentId={c.id} idPrefix={`reply-${c.id}`} label={t('comments.replyLabel', { author: c.author ?? t('comments.formerParticipant') })} submit={t('comments.replySubmit')} withStance={false} />
            </details>
          ) : null}
          {commentPolicy.can(actor, 'comment.flag', s) ? (
            <details>
              <summary>{t('comments.flag')}</summary>
              <form method="post" action={`/comments/${c.id}/flag`}>
                <CsrfField page={page} />
                <div class="field">
                  <label for={`flag-${c.id}`}>{t('comments.flagReason')}</label>
                  <select id={`flag-${c.id}`} name="reason">
                    {FLAG_REASONS.map((r) => (
                      <option value={r}>{t(`comments.flagReason.${r}`)}</option>
                    ))}
                  </select>
                </div>
                <button type="submit" class="secondary">
                  {t('comments.flagSubmit')}
                </button>
              </form>
            </details>
          ) : null}
          {moderator ? (
            c.hidden ? (
              <form method="post" action={`/comments/${c.id}/restore`} class="inline-form">
                <CsrfField page={page} />
                <button type="submit" class="secondary">
                  {t('comments.restore')}
                </button>
              </form>
            ) : (
              <details>
                <summary>{t('comments.hide')}</summary>
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
              </details>
            )
          ) : null}
        </div>
        {c.replies.length ? (
          <ol class="comment-replies">
            {c.replies.map((r) => (
              <CommentItem {...props} c={r} />
            ))}
          </ol>
        ) : null}
      </article>
    </li>
  );
}

function count(list: CommentView[]): number {
  return list.reduce((n, c) => n + 1 + count(c.replies), 0);
}

export function CommentThread(props: ThreadProps) {
  const { page, open } = props;
  const { t, actor } = page;
  const canComment = commentPolicy.can(actor, 'comment.create', subjectOf(open));
  return (
    <section aria-labelledby="comments-heading" class="comments">
      <h2 id="comments-heading">{t('comments.title', { count: count(props.comments) })}</h2>
      {canComment ? (
        <CommentForm page={page} subjectType={props.subjectType} subjectId={props.subjectId} idPrefix="new-comment" label={t('comments.new')} submit={t('comments.submit')} withStance />
      ) : !open ? (
        <p>{t('comments.closed')}</p>
      ) : actor.kind === 'anonymous' ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(page.path)}`}>{t('comments.signIn')}</a>
        </p>
      ) : null}
      {props.comments.length === 0 ? (
        <p>{t('comments.none')}</p>
      ) : (
        <ol class="comment-list">
          {props.comments.map((c) => (
            <CommentItem {...props} c={c} />
          ))}
        </ol>
      )}
    </section>
  );
}
