import type { PageContext } from '../../../core/ui/page-context.ts';
import type { Open311Submission } from '../open311/submission.ts';

/** Staff-only block of the manage page: what the Open311 client sent beside the report. */
export function Open311SubmissionSection({ page, submission: s }: { page: PageContext; submission: Open311Submission }) {
  const { t } = page;
  const contact: [string, string | null, boolean?][] = [
    ['reports.open311.staff.client', s.client ?? t('reports.open311.staff.deletedKey')],
    ['reports.open311.staff.name', s.name],
    ['reports.open311.staff.email', s.email],
    ['reports.open311.staff.phone', s.phone],
    ['reports.open311.staff.deviceId', s.deviceId],
    ['reports.open311.staff.accountId', s.accountId],
    ['reports.open311.staff.media', s.mediaUrl, true],
  ];
  return (
    <section aria-labelledby="open311-heading">
      <h2 id="open311-heading">{t('reports.open311.staff.title')}</h2>
      <p class="hint">{t('reports.open311.staff.lead')}</p>
      <dl class="facts">
        {contact
          .filter(([, value]) => value)
          .map(([key, value, link]) => (
            <>
              <dt>{t(key)}</dt>
              <dd>
                {key === 'reports.open311.staff.email' ? <a href={`mailto:${value}`}>{value}</a> : link ? <a href={value!} rel="noopener noreferrer nofollow">{value}</a> : value}
              </dd>
            </>
          ))}
      </dl>
      {s.answers.length > 0 && (
        <>
          <h3>{t('reports.open311.staff.answers')}</h3>
          <dl class="facts">
            {s.answers.map((a) => (
              <>
                <dt>{a.label}</dt>
                <dd>{a.value}</dd>
              </>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
