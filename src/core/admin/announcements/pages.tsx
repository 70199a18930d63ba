import type { FieldError } from '../../http/problem.ts';
import type { PageContext } from '../../ui/page-context.ts';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../ui/forms.tsx';
import { AdminShell, When } from '../components.tsx';
import { ANNOUNCEMENT_MAX } from './commands.ts';

export function AnnouncementsPage(props: { page: PageContext; recent: { id: number; text: string; at: string }[]; errors?: FieldError[]; text?: string | undefined }) {
  const { page, errors } = props;
  const { t } = page;
  return (
    <AdminShell page={page} title={t('admin.announcements.title')}>
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action="/admin/announcements" novalidate class="narrow">
        <CsrfField page={page} />
        <Field
          name="text"
          multiline
          label={t('admin.announcements.text')}
          hint={t('admin.announcements.hint', { max: ANNOUNCEMENT_MAX })}
          value={props.text}
          error={errorFor(errors, 'text')}
          required
          maxLength={ANNOUNCEMENT_MAX}
        />
        <button type="submit">{t('admin.announcements.publish')}</button>
      </form>
      <section aria-labelledby="announcements-recent-heading">
        <h2 id="announcements-recent-heading">{t('admin.announcements.recent')}</h2>
        {props.recent.length === 0 ? (
          <p>{t('admin.announcements.none')}</p>
        ) : (
          <ol class="feed">
            {props.recent.map((a) => (
              <li>
                <When page={page} at={a.at} /> {a.text}
              </li>
            ))}
          </ol>
        )}
      </section>
    </AdminShell>
  );
}
