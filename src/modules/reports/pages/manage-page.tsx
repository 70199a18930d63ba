import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { CsrfField, ErrorSummary } from '../../../core/ui/forms.tsx';
import type { ReportView } from '../queries.ts';
import { nextStatuses, OUTCOMES, REJECT_REASONS } from '../workflow.ts';
import { History } from './report-page.tsx';
import { StatusBadge } from './report-list.tsx';
import type { Open311Submission } from '../open311/submission.ts';
import { Open311SubmissionSection } from './open311-submission.tsx';

export function ManagePage(props: {
  page: PageContext;
  report: ReportView;
  departments: { id: number; name: string }[];
  colleagues: { id: string; name: string }[];
  categories: { code: string; name: string }[];
  assignedTo: string | null;
  /** What an Open311 client sent with the report; null for reports filed otherwise. */
  open311?: Open311Submission | null;
  errors?: FieldError[];
}) {
  const { page, report: r } = props;
  const { t } = page;
  return (
    <article aria-labelledby="manage-heading">
      <h1 id="manage-heading">{t('reports.manage.title', { id: r.id })}</h1>
      <p>
        <a href={`/reports/${r.id}`}>{t('reports.page.title', { id: r.id })}</a> · {r.category} · <StatusBadge page={page} status={r.status} />
      </p>
      <p class="description">{r.description}</p>
      {props.open311 && <Open311SubmissionSection page={page} submission={props.open311} />}
      <ErrorSummary page={page} errors={props.errors} />
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{t('reports.manage.status')}</h2>
        <form method="post" action={`/reports/${r.id}/status`}>
          <CsrfField page={page} />
          <div class="field">
            <label for="f-to">{t('reports.manage.newStatus')}</label>
            <select id="f-to" name="to" required>
              {nextStatuses(r.status).map((s) => (
                <option value={s}>{t(`reports.status.${s}`)}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-outcome">{t('reports.manage.outcome')}</label>
            <select id="f-outcome" name="outcome">
              <option value="">{t('reports.manage.choose')}</option>
              {OUTCOMES.filter((o) => o !== 'respinsa').map((o) => (
                <option value={o}>{t(`reports.outcome.${o}`)}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-rejectReason">{t('reports.manage.rejectReason')}</label>
            <select id="f-rejectReason" name="rejectReason">
              <option value="">{t('reports.manage.choose')}</option>
              {REJECT_REASONS.map((o) => (
                <option value={o}>{t(`reports.reject.${o}`)}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-publicNote">{t('reports.manage.publicNote')}</label>
            <textarea id="f-publicNote" name="publicNote" rows={3} maxLength={4000}></textarea>
          </div>
          <div class="field">
            <label for="f-internalNote">{t('reports.manage.internalNote')}</label>
            <textarea id="f-internalNote" name="internalNote" rows={2} maxLength={4000}></textarea>
          </div>
          <button type="submit">{t('reports.manage.saveStatus')}</button>
        </form>
      </section>
      <section aria-labelledby="note-heading">
        <h2 id="note-heading">{t('reports.manage.note')}</h2>
        <form method="post" action={`/reports/${r.id}/notes`}>
          <CsrfField page={page} />
          <div class="field">
            <label for="f-body">{t('reports.manage.noteBody')}</label>
            <textarea id="f-body" name="body" rows={3} required maxLength={4000}></textarea>
          </div>
          <div class="field checkbox">
            <input type="checkbox" id="f-public" name="public" value="on" />
            <label for="f-public">{t('reports.manage.notePublic')}</label>
          </div>
          <button type="submit">{t('reports.manage.addNote')}</button>
        </form>
      </section>
      <section aria-labelledby="category-heading">
        <h2 id="category-heading">{t('reports.manage.category')}</h2>
        <form method="post" action={`/reports/${r.id}/category`}>
          <CsrfField page={page} />
          <div class="field">
            <label for="f-category">{t('reports.manage.category')}</label>
            <select id="f-category" name="category">
              {props.categories.map((c) => (
                <option value={c.code} selected={c.code === r.categoryCode}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('reports.manage.doCategory')}</button>
        </form>
      </section>
      <section aria-labelledby="assign-heading">
        <h2 id="assign-heading">{t('reports.manage.assign')}</h2>
        <form method="post" action={`/reports/${r.id}/assign`}>
          <CsrfField page={page} />
          <div class="field">
            <label for="f-userId">{t('reports.manage.assignee')}</label>
            <select id="f-userId" name="userId">
              <option value="">{t('reports.manage.nobody')}</option>
              {props.colleagues.map((c) => (
                <option value={c.id} selected={props.assignedTo === c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('reports.manage.doAssign')}</button>
        </form>
      </section>
      <section aria-labelledby="reassign-heading">
        <h2 id="reassign-heading">{t('reports.manage.reassign')}</h2>
        <form method="post" action={`/reports/${r.id}/reassign`}>
          <CsrfField page={page} />
          <div class="field">
            <label for="f-departmentId">{t('reports.manage.department')}</label>
            <select id="f-departmentId" name="departmentId" required>
              {props.departments
                .filter((d) => d.id !== r.departmentId)
                .map((d) => (
                  <option value={String(d.id)}>{d.name}</option>
                ))}
            </select>
          </div>
          <div class="field">
            <label for="f-reassignNote">{t('reports.manage.reassignNote')}</label>
            <textarea id="f-reassignNote" name="note" rows={2} maxLength={2000}></textarea>
          </div>
          <button type="submit">{t('reports.manage.doReassign')}</button>
        </form>
      </section>
      <section aria-labelledby="merge-heading">
        <h2 id="merge-heading">{t('reports.merge.title')}</h2>
        <form method="post" action={`/reports/${r.id}/merge`}>
          <CsrfField page={page} />
          <div class="field">
            <label for="f-keptId">{t('reports.merge.keptId')}</label>
            <input type="number" id="f-keptId" name="keptId" min={1} required inputMode="numeric" />
          </div>
          <button type="submit">{t('reports.merge.submit')}</button>
        </form>
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('reports.page.history')}</h2>
        <History page={page} updates={r.updates} />
      </section>
    </article>
  );
}
