import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../core/ui/page-context.ts';
import { CsrfField, Field } from '../../../core/ui/forms.tsx';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import type { HostedComponent } from '../../spaces/hosted.ts';
import { Paragraphs } from '../../spaces/pages/text.tsx';
import { SelectField } from '../../spaces/pages/controls.tsx';
import { ANSWER_STATES } from '../model.ts';
import type { Proposal } from '../queries.ts';
import { ComponentCrumbs, StateBadge } from './list-page.tsx';
import { formatSize, type AttachmentItem } from '../attachments.ts';

function Attachments(props: { page: PageContext; items: AttachmentItem[] }) {
  const { page, items } = props;
  const { t } = page;
  if (!items.length) return null;
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t('proposals.page.attachments')}</h2>
      <ul class="attachments">
        {items.map((a) => (
          <li>
            <a href={`/proposals/attachments/${a.id}`}>{a.fileName}</a>{' '}
            <span class="muted">({t('proposals.page.attachment', { type: t(a.contentType === 'application/pdf' ? 'proposals.type.pdf' : 'proposals.type.image'), size: formatSize(a.size, page.locale) })})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface ProposalPageProps {
  page: PageContext;
  component: HostedComponent;
  proposal: Proposal;
  threshold: number;
  supported: boolean;
  can: { support: boolean; withdraw: boolean; answer: boolean; moderate: boolean; original: boolean; edit?: boolean };
  attachments?: AttachmentItem[];
  /** Follow form and comment thread, rendered by their own modules. */
  follow?: ComponentChildren;
  comments?: ComponentChildren;
}

function SupportBox(props: ProposalPageProps) {
  const { page, proposal, can, component } = props;
  const { t } = page;
  return (
    <section aria-labelledby="supports-heading" class="panel supports">
      <h2 id="supports-heading">{t('proposals.page.supports', { count: proposal.supports })}</h2>
      {props.threshold > 0 && proposal.state === 'open' ? <p>{t('proposals.page.threshold', { threshold: props.threshold })}</p> : null}
      {props.supported ? <p>{t('proposals.page.supported')}</p> : null}
      {can.support ? (
        <form method="post" action={`/proposals/${proposal.id}/support`}>
          <CsrfField page={page} />
          <input type="hidden" name="support" value={props.supported ? 'off' : 'on'} />
          <button type="submit" class={props.supported ? 'secondary' : undefined}>
            {props.supported ? t('proposals.page.unsupport') : t('proposals.page.support')}
          </button>
        </form>
      ) : !component.flags.supportsOpen ? (
        <p>{t('proposals.page.supportsClosed')}</p>
      ) : page.actor.kind === 'anonymous' ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(`/proposals/${proposal.id}`)}`}>{t('proposals.page.signInToSupport')}</a>
        </p>
      ) : null}
    </section>
  );
}

function AnswerForm(props: { page: PageContext; proposal: Proposal }) {
  const { page, proposal } = props;
  const { t } = page;
  return (
    <form method="post" action={`/proposals/${proposal.id}/answer`} aria-labelledby="answer-form-heading" class="panel">
      <h3 id="answer-form-heading">{t('proposals.page.answerForm')}</h3>
      <CsrfField page={page} />
      <SelectField
        name="state"
        label={t('proposals.page.answerState')}
        value={ANSWER_STATES.includes(proposal.state as never) ? proposal.state : 'evaluating'}
        options={ANSWER_STATES.map((s) => ({ value: s, label: t(`proposals.state.${s}`) }))}
      />
      <Field name="text" label={t('proposals.page.answerText')} value={proposal.answerText ?? ''} multiline maxLength={5000} />
      <button type="submit">{t('proposals.page.answerSubmit')}</button>
    </form>
  );
}

export function ProposalPage(props: ProposalPageProps) {
  const { page, proposal, component, can } = props;
  const { t } = page;
  return (
    <>
      <ComponentCrumbs page={page} component={component} current={{ href: `/proposals/c/${component.id}`, label: component.title || t('proposals.component') }} />
      <article aria-labelledby="proposal-heading" class="proposal">
        <h1 id="proposal-heading">{proposal.title}</h1>
        <p>
          <StateBadge page={page} state={proposal.state} />
        </p>
        {proposal.hidden ? <p class="notice">{t('proposals.page.hidden', { reason: proposal.hiddenReason ?? '' })}</p> : null}
        <p class="muted">
          {t('proposals.page.by', { author: proposal.author ?? t('proposals.page.formerParticipant') })} · <time dateTime={proposal.createdAt}>{formatDateTime(page.locale, proposal.createdAt)}</time>
          {proposal.editedAt ? (
            <>
              {' · '}
              {t('proposals.page.edited', { date: formatDateTime(page.locale, proposal.editedAt) })} (<a href={`/proposals/${proposal.id}/versions`}>{t('proposals.page.versions')}</a>)
            </>
          ) : null}
        </p>
        {can.edit ? (
          <p>
            <a href={`/proposals/${proposal.id}/edit`}>{t('proposals.edit.link')}</a>
          </p>
        ) : null}
        <ul class="facts">
          {proposal.category ? <li>{t('proposals.page.category', { category: proposal.category })}</li> : null}
          {proposal.district ? <li>{t('proposals.page.district', { district: proposal.district })}</li> : null}
          {proposal.address ? <li>{t('proposals.page.address', { address: proposal.address })}</li> : null}
        </ul>
        {can.original && proposal.body !== proposal.bodyPublic ? <p class="hint">{t('proposals.page.original')}</p> : null}
        <Paragraphs text={can.original ? proposal.body : proposal.bodyPublic} />
        <Attachments page={page} items={props.attachments ?? []} />
        {props.follow}
        <SupportBox {...props} />
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t('proposals.page.answer')}</h2>
          {proposal.answeredAt ? (
            <>
              <p>
                <StateBadge page={page} state={proposal.state} /> <time dateTime={proposal.answeredAt}>{formatDateTime(page.locale, proposal.answeredAt)}</time>
              </p>
              <Paragraphs text={proposal.answerText ?? ''} />
            </>
          ) : (
            <p>{t('proposals.page.noAnswer')}</p>
          )}
          {can.answer ? <AnswerForm page={page} proposal={proposal} /> : null}
        </section>
        {can.withdraw ? (
          <form method="post" action={`/proposals/${proposal.id}/withdraw`}>
            <CsrfField page={page} />
            <button type="submit" class="secondary">
              {t('proposals.page.withdraw')}
            </button>
          </form>
        ) : null}
        {can.moderate ? (
          <section aria-labelledby="moderation-heading" class="panel">
            <h2 id="moderation-heading">{t('proposals.page.moderation')}</h2>
            <form method="post" action={`/proposals/${proposal.id}/${proposal.hidden ? 'restore' : 'hide'}`}>
              <CsrfField page={page} />
              {proposal.hidden ? null : <Field name="reason" label={t('proposals.page.hideReason')} required maxLength={500} />}
              <button type="submit" class="secondary">
                {proposal.hidden ? t('proposals.page.restore') : t('proposals.page.hide')}
              </button>
            </form>
          </section>
        ) : null}
        {props.comments}
        <p>
          <a href={`/proposals/c/${component.id}`}>{t('proposals.page.back')}</a>
        </p>
      </article>
    </>
  );
}
