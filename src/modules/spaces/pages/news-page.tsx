import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import type { NewsItem, Space } from '../queries.ts';
import { NewsList } from './space-page.tsx';

export function NewsPage(props: { page: PageContext; space: Space; news: NewsItem[]; canPost: boolean; errors?: FieldError[] | undefined; values?: { title?: string | undefined; body?: string | undefined } }) {
  const { page, space, news, errors } = props;
  const { t } = page;
  return (
    <>
      <nav aria-label={t('admin.breadcrumb')} class="breadcrumb">
        <ol>
          <li>
            <a href="/spaces">{t('spaces.list.title')}</a>
          </li>
          <li>
            <a href={`/spaces/${space.slug}`}>{space.title}</a>
          </li>
        </ol>
      </nav>
      <section aria-labelledby="news-page-heading">
        <h1 id="news-page-heading">{t('spaces.news.title', { space: space.title })}</h1>
        {props.canPost ? (
          <form method="post" action={`/spaces/${space.slug}/news`} novalidate aria-labelledby="post-news-heading" class="panel">
            <h2 id="post-news-heading">{t('spaces.news.post')}</h2>
            <ErrorSummary page={page} errors={errors} />
            <CsrfField page={page} />
            <Field name="title" label={t('spaces.news.fieldTitle')} value={props.values?.title} error={errorFor(errors, 'title')} required maxLength={200} />
            <Field name="body" label={t('spaces.news.fieldBody')} value={props.values?.body} error={errorFor(errors, 'body')} required multiline maxLength={20000} />
            <button type="submit">{t('spaces.news.submit')}</button>
          </form>
        ) : null}
        {news.length === 0 ? <p>{t('spaces.page.noNews')}</p> : <NewsList page={page} news={news} headingLevel={2} deleteAction={props.canPost ? (id) => `/spaces/${space.slug}/news/${id}/delete` : undefined} />}
      </section>
    </>
  );
}
