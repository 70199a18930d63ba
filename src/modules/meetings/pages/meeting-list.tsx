import type { PageContext } from '../../../core/ui/page-context.ts';
import type { Meeting } from '../queries.ts';
import { PlacesLeft, When, Where } from './meeting-page.tsx';

function Items(props: { page: PageContext; items: Meeting[]; upcoming: boolean }) {
  const { page } = props;
  const { t } = page;
  return (
    <ul class="report-list">
      {props.items.map((m) => (
        <li>
          <h3 class="item-title">
            <a href={`/meetings/${m.id}`}>{m.title}</a>
          </h3>
          <p>
            <When page={page} m={m} />
          </p>
          <p>
            <Where page={page} m={m} />
          </p>
          {m.status === 'cancelled' ? (
            <p>
              <span class="status status-rejected">{t('meetings.cancelled')}</span>
            </p>
          ) : props.upcoming ? (
            <p class="muted">
              <PlacesLeft page={page} m={m} />
            </p>
          ) : m.attendanceCount !== null ? (
            <p class="muted">{t('meetings.attendanceCount', { count: m.attendanceCount })}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function MeetingList(props: { page: PageContext; upcoming: Meeting[]; past: Meeting[]; space?: { id: number; slug: string; title: string } }) {
  const { page } = props;
  const { t } = page;
  return (
    <section aria-labelledby="meetings-heading">
      <h1 id="meetings-heading">{t('meetings.title')}</h1>
      {props.space ? (
        <>
          <p class="lead">
            <a href={`/spaces/${props.space.slug}`}>{props.space.title}</a>
          </p>
          <p>
            <a href={`/meetings/spaces/${props.space.id}.ics`}>{t('meetings.spaceCalendar')}</a>
          </p>
        </>
      ) : (
        <>
          <p class="lead">{t('meetings.lead')}</p>
          <p>
            <a href="/meetings.ics">{t('meetings.allCalendar')}</a>
          </p>
        </>
      )}
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t('meetings.upcoming')}</h2>
        {props.upcoming.length ? <Items page={page} items={props.upcoming} upcoming /> : <p>{t('meetings.noneUpcoming')}</p>}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">{t('meetings.past')}</h2>
        {props.past.length ? <Items page={page} items={props.past} upcoming={false} /> : <p>{t('meetings.nonePast')}</p>}
      </section>
    </section>
  );
}
