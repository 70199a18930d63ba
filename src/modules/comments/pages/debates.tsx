import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../../core/http/problem.ts';
import type { PageContext } from '../../../core/ui/page-context.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import type { HostedComponent } from '../../spaces/hosted.ts';
import { Paragraphs } from '../../spaces/pages/text.tsx';
import type { Debate } from '../debates.ts';

function Crumbs(props: { page: PageContext; component: HostedComponent; list?: boolean }) {
  const { page, component } = props;
  return (
    <nav aria-label={page.t('admin.breadcrumb')} class="breadcrumb">
      <ol>
        <li>
          <a href="/spaces">{page.t('spaces.list.title')}</a>
        </li>
        <li>
          <a href={`/spaces/${component.space.slug}`}>{component.space.title}</a>
        </li>
        {props.list ? (
          <li>
            <a href={`/debates/c/${component.id}`}>{component.title || page.t('debates.component')}</a>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}

export function DebateListPage(props: { page: PageContext; component: HostedComponent; debates: Debate[]; canCreate: boolean; errors?: FieldError[] | undefined; values?: { title?: string | undefined; description?: string | undefined } }) {
  const { page, component, debates, errors } = props;
  const { t } = page;
  const v = props.values ?? {};
  return (
    <>
      <Crumbs page={page} component={component} />
      <section aria-labelledby="debates-heading">
        <h1 id="debates-heading">{t('debates.list.title', { space: component.space.title })}</h1>
        {debates.length === 0 ? (
          <p>{t('debates.list.empty')}</p>
        ) : (
          <ul class="debate-list">
            {debates.map((d) => (
              <li>
                <h2 class="item-title">
                  <a href={`/debates/${d.id}`}>{d.title}</a>
                </h2>
                <p class="muted">
                  <time dateTime={d.createdAt}>{formatDateTime(page.locale, d.createdAt)}</time> · {t('debates.list.comments', { count: d.comments })}
                  {d.closed ? ` · ${t('debates.closedNote')}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
        {props.canCreate ? (
          <form method="post" action={`/debates/c/${component.id}`} novalidate class="narrow panel" aria-labelledby="debate-new-heading">
            <h2 id="debate-new-heading">{t('debates.new')}</h2>
            <ErrorSummary page={page} errors={errors} />
            <CsrfField page={page} />
            <Field name="title" label={t('debates.field.title')} value={v.title} error={errorFor(errors, 'title')} required maxLength={200} />
            <Field name="description" label={t('debates.field.description')} value={v.description} error={errorFor(errors, 'description')} required multiline maxLength={10000} />
            <button type="submit">{t('debates.submit')}</button>
          </form>
        ) : null}
      </section>
    </>
  );
}

export function DebatePage(props: { page: PageContext; component: HostedComponent; debate: Debate; canClose: boolean; follow: ComponentChildren; comments: ComponentChildren }) {
  const { page, component, debate } = props;
  const { t } = page;
  return (
    <>
      <Crumbs page={page} component={component} list />
      <article aria-labelledby="debate-heading">
        <h1 id="debate-heading">{debate.title}</h1>
        {debate.closed ? <p class="notice">{t('debates.closedNote')}</p> : null}
        <Paragraphs text={debate.description} />
        {props.follow}
        {props.canClose && !debate.closed ? (
          <form method="post" action={`/debates/${debate.id}/close`}>
            <CsrfField page={page} />
            <button type="submit" class="secondary">
              {t('debates.close')}
            </button>
          </form>
        ) : null}
        {props.comments}
      </article>
    </>
  );
}
