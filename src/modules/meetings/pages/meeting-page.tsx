// A meeting's public page: when and where, places left, registration (a one-button form), the
// calendar file, and — once it has happened — attendance, minutes, attachments and proposals.
import type { PageContext } from '../../../core/ui/page-context.ts';
import { CsrfField } from '../../../core/ui/forms.tsx';
import type { AttachmentInfo, Meeting, MyRegistration } from '../queries.ts';
import { meetingTime, meetingWhen } from '../format.ts';

export function When(props: { page: PageContext; m: Meeting }) {
  const { page, m } = props;
  return (
    <>
      <time dateTime={m.startsAt}>{meetingWhen(page.locale, m.startsAt)}</time> – <time dateTime={m.endsAt}>{meetingTime(page.locale, m.endsAt)}</time>
    </>
  );
}

export function Where(props: { page: PageContext; m: Meeting }) {
  const { page, m } = props;
  const { t } = page;
  return (
    <>
      {m.format !== 'online' ? <span>{m.address}</span> : null}
      {m.format === 'hybrid' ? ' · ' : null}
      {m.format !== 'in_person' ? <span>{t('meetings.online')}</span> : null}
    </>
  );
}

export function PlacesLeft(props: { page: PageContext; m: Meeting }) {
  const { page, m } = props;
  const { t } = page;
  if (m.capacity === null) return <span>{t('meetings.places.unlimited', { count: m.confirmed })}</span>;
  const left = Math.max(0, m.capacity - m.confirmed);
  return <span>{left > 0 ? t('meetings.places.left', { left, capacity: m.capacity }) : t('meetings.places.full', { waiting: m.waiting })}</span>;
}

function Registration(props: { page: PageContext; m: Meeting; mine: MyRegistration | null; canRegister: boolean; canCancel: boolean }) {
  const { page, m, mine } = props;
  const { t } = page;
  const active = mine && mine.status !== 'cancelled';
  return (
    <section aria-labelledby="registration-heading">
      <h2 id="registration-heading">{t('meetings.registration')}</h2>
      <p>
        <PlacesLeft page={page} m={m} />
      </p>
      {mine?.status === 'confirmed' ? <p class="notice">{t('meetings.youAreRegistered')}</p> : null}
      {mine?.status === 'waiting' ? <p class="notice">{t('meetings.youAreWaiting', { position: mine.position ?? 0 })}</p> : null}
      {active && props.canCancel ? (
        <form method="post" action={`/meetings/${m.id}/cancel-registration`}>
          <CsrfField page={page} />
          <button type="submit" class="secondary">
            {mine!.status === 'waiting' ? t('meetings.leaveWaiting') : t('meetings.cancelRegistration')}
          </button>
        </form>
      ) : null}
      {!active && props.canRegister ? (
        <form method="post" action={`/meetings/${m.id}/register`}>
          <CsrfField page={page} />
          <button type="submit">{m.capacity !== null && m.confirmed >= m.capacity ? t('meetings.joinWaiting') : t('meetings.register')}</button>
        </form>
      ) : null}
      {!active && !props.canRegister && page.actor.kind === 'anonymous' && m.upcoming && m.registrationOpen && m.status === 'scheduled' ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(`/meetings/${m.id}`)}`}>{t('meetings.signInToRegister')}</a>
        </p>
      ) : null}
      {!m.registrationOpen && m.upcoming && m.status === 'scheduled' ? <p>{t('meetings.registrationClosed')}</p> : null}
    </section>
  );
}

export function MeetingPage(props: {
  page: PageContext;
  m: Meeting;
  mine: MyRegistration | null;
  canRegister: boolean;
  canCancel: boolean;
  attachments: AttachmentInfo[];
  proposals: { id: number; title: string | null }[];
  canManage: boolean;
}) {
  const { page, m } = props;
  const { t } = page;
  const happened = !m.upcoming && m.status === 'scheduled';
  return (
    <article aria-labelledby="meeting-heading" class="meeting">
      <h1 id="meeting-heading">{m.title}</h1>
      {m.status === 'cancelled' ? <p class="error-summary">{t('meetings.cancelledNotice')}</p> : null}
      <dl class="facts">
        <dt>{t('meetings.when')}</dt>
        <dd>
          <When page={page} m={m} />
        </dd>
        {m.format !== 'online' ? (
          <>
            <dt>{t('meetings.where')}</dt>
            <dd>
              {m.address}
              {m.lat !== null && m.lng !== null ? (
                <>
                  {' '}
                  (<a href={`https://www.openstreetmap.org/?mlat=${m.lat}&mlon=${m.lng}#map=18/${m.lat}/${m.lng}`}>{t('meetings.onMap')}</a>)
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {m.format !== 'in_person' && m.onlineUrl ? (
          <>
            <dt>{t('meetings.onlineLink')}</dt>
            <dd>
              <a href={m.onlineUrl} rel="noopener noreferrer">
                {m.onlineUrl}
              </a>
            </dd>
          </>
        ) : null}
        {m.spaceTitle ? (
          <>
            <dt>{t('meetings.space')}</dt>
            <dd>{m.spaceSlug ? <a href={`/spaces/${m.spaceSlug}`}>{m.spaceTitle}</a> : m.spaceTitle}</dd>
          </>
        ) : null}
        {m.attendanceCount !== null ? (
          <>
            <dt>{t('meetings.attendance')}</dt>
            <dd>{t('meetings.attendanceCount', { count: m.attendanceCount })}</dd>
          </>
        ) : null}
      </dl>
      {m.description ? <p class="description">{m.description}</p> : null}
      <p>
        <a href={`/meetings/${m.id}.ics`} download={`meeting-${m.id}.ics`}>
          {t('meetings.addToCalendar')}
        </a>
        {m.spaceId ? (
          <>
            {' · '}
            <a href={`/meetings/spaces/${m.spaceId}.ics`}>{t('meetings.spaceCalendar')}</a>
          </>
        ) : null}
        {props.canManage ? (
          <>
            {' · '}
            <a href={`/admin/meetings/${m.id}`}>{t('meetings.admin.manage')}</a>
          </>
        ) : null}
      </p>
      {m.status === 'scheduled' && m.upcoming ? <Registration page={page} m={m} mine={props.mine} canRegister={props.canRegister} canCancel={props.canCancel} /> : null}
      {happened && m.minutes ? (
        <section aria-labelledby="minutes-heading">
          <h2 id="minutes-heading">{t('meetings.minutes')}</h2>
          <p class="description">{m.minutes}</p>
        </section>
      ) : null}
      {props.attachments.length ? (
        <section aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">{t('meetings.attachments')}</h2>
          <ul>
            {props.attachments.map((a) => (
              <li>
                <a href={`/meetings/${m.id}/attachments/${a.id}`}>{a.filename}</a> <span class="muted">({t('meetings.size', { kb: Math.max(1, Math.round(a.size / 1024)) })})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.proposals.length ? (
        <section aria-labelledby="proposals-heading">
          <h2 id="proposals-heading">{t('meetings.proposals')}</h2>
          <ul>
            {props.proposals.map((p) => (
              <li>
                <a href={`/proposals/${p.id}`}>{p.title ?? t('meetings.proposalNo', { id: p.id })}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
