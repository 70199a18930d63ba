import type { PageContext } from '../../../core/ui/page-context.ts';
import { CsrfField } from '../../../core/ui/forms.tsx';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import { PHASE_FLAGS, type MemberRole, type Phase } from '../model.ts';
import type { Member, NewsItem, Space } from '../queries.ts';
import { formatDay, Paragraphs } from './text.tsx';

export interface ComponentLink {
  id: number;
  title: string;
  href: string;
}

export interface SpacePageProps {
  page: PageContext;
  space: Space;
  phases: Phase[];
  components: ComponentLink[];
  members: Member[];
  news: NewsItem[];
  followers: number;
  following: boolean;
  memberRole: MemberRole | null;
  can: { follow: boolean; join: boolean; postNews: boolean; manage: boolean };
}

export function PhaseDates(props: { page: PageContext; phase: Pick<Phase, 'startsOn' | 'endsOn'> }) {
  const { page, phase } = props;
  if (!phase.startsOn && !phase.endsOn) return null;
  const from = phase.startsOn ? formatDay(page.locale, phase.startsOn) : '…';
  const to = phase.endsOn ? formatDay(page.locale, phase.endsOn) : '…';
  return <p class="muted">{page.t('spaces.page.dates', { from, to })}</p>;
}

function CurrentPhase(props: { page: PageContext; phases: Phase[] }) {
  const { page, phases } = props;
  const { t } = page;
  const current = phases.find((p) => p.active);
  return (
    <section aria-labelledby="current-phase" class="panel">
      <h2 id="current-phase">{t('spaces.page.currentPhase')}</h2>
      {current ? (
        <>
          <h3>{current.title}</h3>
          <PhaseDates page={page} phase={current} />
          <Paragraphs text={current.description} />
          {PHASE_FLAGS.some((f) => current.settings[f]) ? (
            <>
              <p>{t('spaces.page.open')}</p>
              <ul>
                {PHASE_FLAGS.filter((f) => current.settings[f]).map((f) => (
                  <li>{t(`spaces.flag.${f}`)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('spaces.page.nothingOpen')}</p>
          )}
        </>
      ) : (
        <p>{t('spaces.page.noActivePhase')}</p>
      )}
      <h3 id="all-phases">{t('spaces.page.phases')}</h3>
      <ol class="phases" aria-labelledby="all-phases">
        {phases.map((p) => (
          <li class={p.active ? 'phase phase-active' : 'phase'} aria-current={p.active ? 'step' : undefined}>
            <strong>{p.title}</strong> {p.active ? <span>{t('spaces.page.current')}</span> : null}
            <PhaseDates page={page} phase={p} />
          </li>
        ))}
      </ol>
    </section>
  );
}

export function NewsList(props: { page: PageContext; news: NewsItem[]; headingLevel: 2 | 3; deleteAction?: (id: number) => string }) {
  const { page } = props;
  const H = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="news">
      {props.news.map((n) => (
        <li>
          <article aria-labelledby={`news-${n.id}`}>
            <H id={`news-${n.id}`}>{n.title}</H>
            <p class="muted">
              <time dateTime={n.publishedAt}>{formatDateTime(page.locale, n.publishedAt)}</time>
              {n.author ? ` · ${page.t('spaces.news.by', { author: n.author })}` : ''}
            </p>
            <Paragraphs text={n.body} />
            {props.deleteAction ? (
              <form method="post" action={props.deleteAction(n.id)} class="inline-form">
                <CsrfField page={page} />
                <button type="submit" class="link-button">
                  {page.t('spaces.news.delete')}
                </button>
              </form>
            ) : null}
          </article>
        </li>
      ))}
    </ul>
  );
}

function FollowForms(props: SpacePageProps) {
  const { page, space, can } = props;
  const { t } = page;
  if (page.actor.kind !== 'user') {
    return (
      <p>
        <a href={`/login?next=${encodeURIComponent(`/spaces/${space.slug}`)}`}>{t('spaces.page.signInToFollow')}</a>
      </p>
    );
  }
  return (
    <div class="actions">
      {can.follow ? (
        <form method="post" action={`/spaces/${space.slug}/follow`} class="inline-form">
          <CsrfField page={page} />
          <input type="hidden" name="follow" value={props.following ? 'off' : 'on'} />
          {props.following ? <p>{t('spaces.page.following')}</p> : null}
          <button type="submit" class={props.following ? 'secondary' : undefined}>
            {props.following ? t('spaces.page.unfollow') : t('spaces.page.follow')}
          </button>
        </form>
      ) : null}
      {can.join && props.memberRole !== null && props.memberRole !== 'member' ? <p>{t('spaces.page.isMember')}</p> : null}
      {can.join && (props.memberRole === null || props.memberRole === 'member') ? (
        <form method="post" action={`/spaces/${space.slug}/join`} class="inline-form">
          <CsrfField page={page} />
          <input type="hidden" name="join" value={props.memberRole ? 'off' : 'on'} />
          {props.memberRole ? <p>{t('spaces.page.isMember')}</p> : null}
          <button type="submit" class={props.memberRole ? 'secondary' : undefined}>
            {props.memberRole ? t('spaces.page.leave') : t('spaces.page.join')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

export function SpacePage(props: SpacePageProps) {
  const { page, space, phases, components, members, news, can } = props;
  const { t } = page;
  return (
    <article aria-labelledby="space-heading" class="space">
      <p class="muted">{t(`spaces.kind.${space.kind}`)}</p>
      <h1 id="space-heading">{space.title}</h1>
      {space.subtitle ? <p class="lead">{space.subtitle}</p> : null}
      {!space.published ? <p class="notice">{t('spaces.page.draft')}</p> : null}
      {space.district ? <p>{t('spaces.page.district', { district: space.district })}</p> : null}
      <p>{t('spaces.page.followers', { count: props.followers })}</p>
      <FollowForms {...props} />
      {can.manage ? (
        <p>
          <a href={`/admin/spaces/${space.id}`}>{t('spaces.page.manage')}</a>
        </p>
      ) : null}
      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{t('spaces.page.about')}</h2>
        <Paragraphs text={space.description} />
      </section>
      {phases.length > 0 ? <CurrentPhase page={page} phases={phases} /> : null}
      <section aria-labelledby="components-heading">
        <h2 id="components-heading">{t('spaces.page.components')}</h2>
        {components.length === 0 ? (
          <p>{t('spaces.page.noComponents')}</p>
        ) : (
          <ul class="component-links">
            {components.map((c) => (
              <li>
                <a href={c.href}>{c.title}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      {space.kind !== 'process' ? (
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">{t('spaces.page.members')}</h2>
          {members.length === 0 ? (
            <p>{t('spaces.page.noMembers')}</p>
          ) : (
            <ul class="members">
              {members.map((m) => (
                <li>
                  {m.name} · {t(`spaces.role.${m.role}`)}
                  {m.positionTitle ? ` (${m.positionTitle})` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="news-heading">
        <h2 id="news-heading">{t('spaces.page.news')}</h2>
        {news.length === 0 ? <p>{t('spaces.page.noNews')}</p> : <NewsList page={page} news={news} headingLevel={3} />}
        <p>
          <a href={`/spaces/${space.slug}/news`}>{can.postNews ? t('spaces.news.post') : t('spaces.page.allNews')}</a>
        </p>
      </section>
    </article>
  );
}
