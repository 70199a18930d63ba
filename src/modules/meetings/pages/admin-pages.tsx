// Organising meetings: the list with a "new meeting" form, and a meeting's page with its details,
// who registered, and what happened afterwards.
import { ScrollRegion } from '../../../core/ui/bar-table.tsx';
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { AdminShell, Select } from '../../../core/admin/components.tsx';
import { Checkbox, CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import type { AttachmentInfo, Meeting } from '../queries.ts';
import { utcToLocal } from '../format.ts';
import { When } from './meeting-page.tsx';

export type MeetingFormValues = Partial<Record<'title' | 'description' | 'spaceId' | 'date' | 'startTime' | 'endTime' | 'format' | 'address' | 'lat' | 'lng' | 'onlineUrl' | 'capacity', string>> & { registrationOpen?: boolean };

export function valuesOf(m: Meeting): MeetingFormValues {
  const start = utcToLocal(m.startsAt);
  return {
    title: m.title,
    description: m.description,
    spaceId: m.spaceId ? String(m.spaceId) : '',
    date: start.date,
    startTime: start.time,
    endTime: utcToLocal(m.endsAt).time,
    format: m.format,
    address: m.address,
    lat: m.lat === null ? '' : String(m.lat),
    lng: m.lng === null ? '' : String(m.lng),
    onlineUrl: m.onlineUrl ?? '',
    capacity: m.capacity === null ? '' : String(m.capacity),
    registrationOpen: m.registrationOpen,
  };
}

export function MeetingForm(props: { page: PageContext; action: string; values: MeetingFormValues; spaces: { id: number; title: string }[]; errors?: FieldError[] | undefined; submitLabel: string }) {
  const { page, values: v, errors } = props;
  const { t } = page;
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField page={page} />
      <Field name="title" label={t('meetings.admin.fieldTitle')} value={v.title} error={errorFor(errors, 'title')} required maxLength={200} />
      <Field name="description" label={t('meetings.admin.fieldDescription')} value={v.description} multiline maxLength={20000} />
      <Select name="spaceId" label={t('meetings.space')} value={v.spaceId} error={errorFor(errors, 'spaceId')} options={[{ value: '', label: t('meetings.admin.noSpace') }, ...props.spaces.map((s) => ({ value: String(s.id), label: s.title }))]} />
      <fieldset>
        <legend>{t('meetings.when')}</legend>
        <p class="hint">{t('meetings.admin.timeHint')}</p>
        <Field name="date" type="date" label={t('meetings.admin.date')} value={v.date} error={errorFor(errors, 'date')} required />
        <div class="coords">
          <Field name="startTime" type="time" label={t('meetings.admin.startTime')} value={v.startTime} required />
          <Field name="endTime" type="time" label={t('meetings.admin.endTime')} value={v.endTime} error={errorFor(errors, 'endTime')} required />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('meetings.where')}</legend>
        <Select name="format" label={t('meetings.admin.format')} value={v.format ?? 'in_person'} options={(['in_person', 'online', 'hybrid'] as const).map((f) => ({ value: f, label: t(`meetings.format.${f}`) }))} />
        <Field name="address" label={t('meetings.admin.address')} value={v.address} error={errorFor(errors, 'address')} maxLength={300} />
        <div class="coords">
          <Field name="lat" label={t('meetings.admin.lat')} value={v.lat} error={errorFor(errors, 'lat')} />
          <Field name="lng" label={t('meetings.admin.lng')} value={v.lng} />
        </div>
        <Field name="onlineUrl" type="url" label={t('meetings.onlineLink')} value={v.onlineUrl} error={errorFor(errors, 'onlineUrl')} maxLength={500} />
      </fieldset>
      <Field name="capacity" type="number" label={t('meetings.admin.capacity')} hint={t('meetings.admin.capacityHint')} value={v.capacity} error={errorFor(errors, 'capacity')} />
      <Checkbox name="registrationOpen" label={t('meetings.admin.registrationOpen')} checked={v.registrationOpen ?? true} />
      <button type="submit">{props.submitLabel}</button>
    </form>
  );
}

export function AdminMeetingList(props: { page: PageContext; meetings: Meeting[]; spaces: { id: number; title: string }[]; values?: MeetingFormValues; errors?: FieldError[] }) {
  const { page } = props;
  const { t } = page;
  return (
    <AdminShell page={page} title={t('meetings.admin.title')}>
      {props.meetings.length ? (
        <ScrollRegion label={t('meetings.admin.title')}>
          <table>
            <caption class="visually-hidden">{t('meetings.admin.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.admin.fieldTitle')}</th>
                <th scope="col">{t('meetings.when')}</th>
                <th scope="col">{t('meetings.admin.registered')}</th>
              </tr>
            </thead>
            <tbody>
              {props.meetings.map((m) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/meetings/${m.id}`}>{m.title}</a>
                    {m.status === 'cancelled' ? ` (${t('meetings.cancelled')})` : ''}
                  </th>
                  <td>
                    <When page={page} m={m} />
                  </td>
                  <td>{t('meetings.admin.registeredCount', { confirmed: m.confirmed, waiting: m.waiting })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <section aria-labelledby="new-meeting-heading">
        <h2 id="new-meeting-heading">{t('meetings.admin.new')}</h2>
        <ErrorSummary page={page} errors={props.errors} />
        <MeetingForm page={page} action="/admin/meetings" values={props.values ?? { registrationOpen: true }} spaces={props.spaces} errors={props.errors} submitLabel={t('meetings.admin.create')} />
      </section>
    </AdminShell>
  );
}

export function AdminMeetingPage(props: {
  page: PageContext;
  m: Meeting;
  spaces: { id: number; title: string }[];
  registrations: { name: string; email: string | null; status: string }[];
  attachments: AttachmentInfo[];
  proposals: { id: number; title: string | null }[];
  canRecord: boolean;
  values?: MeetingFormValues;
  errors?: FieldError[];
}) {
  const { page, m, errors } = props;
  const { t } = page;
  return (
    <AdminShell page={page} title={m.title} crumbs={[{ href: '/admin/meetings', label: t('meetings.admin.title') }]}>
      <p>
        <a href={`/meetings/${m.id}`}>{t('meetings.admin.publicPage')}</a> · <When page={page} m={m} />
        {m.status === 'cancelled' ? ` · ${t('meetings.cancelled')}` : ''}
      </p>
      <ErrorSummary page={page} errors={errors} />
      <section aria-labelledby="registrations-heading">
        <h2 id="registrations-heading">{t('meetings.admin.registrations')}</h2>
        <p>{t('meetings.admin.registeredCount', { confirmed: m.confirmed, waiting: m.waiting })}</p>
        {props.registrations.length ? (
          <ScrollRegion label={t('meetings.admin.registrations')}>
            <table>
              <caption class="visually-hidden">{t('meetings.admin.registrations')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('meetings.admin.person')}</th>
                  <th scope="col">{t('meetings.admin.email')}</th>
                  <th scope="col">{t('meetings.admin.status')}</th>
                </tr>
              </thead>
              <tbody>
                {props.registrations.map((r) => (
                  <tr>
                    <th scope="row">{r.name}</th>
                    <td>{r.email ?? '—'}</td>
                    <td>{t(`meetings.registration.${r.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : null}
      </section>
      {props.canRecord ? (
        <section aria-labelledby="outcome-heading">
          <h2 id="outcome-heading">{t('meetings.admin.outcome')}</h2>
          <form method="post" action={`/admin/meetings/${m.id}/outcome`} novalidate>
            <CsrfField page={page} />
            <Field name="attendanceCount" type="number" label={t('meetings.attendance')} value={m.attendanceCount === null ? '' : String(m.attendanceCount)} error={errorFor(errors, 'attendanceCount')} />
            <Field name="minutes" label={t('meetings.minutes')} value={m.minutes ?? ''} error={errorFor(errors, 'minutes')} multiline maxLength={50000} />
            <button type="submit">{t('meetings.admin.saveOutcome')}</button>
          </form>
          <form method="post" action={`/admin/meetings/${m.id}/attachments?_csrf=${encodeURIComponent(page.csrf)}`} enctype="multipart/form-data">
            <CsrfField page={page} />
            <div class={errorFor(errors, 'file') ? 'field field-error' : 'field'}>
              <label for="f-file">{t('meetings.admin.attachment')}</label>
              <p class="hint" id="f-file-hint">
                {t('meetings.admin.attachmentHint')}
              </p>
              {errorFor(errors, 'file') ? (
                <p class="error" id="f-file-error">
                  {errorFor(errors, 'file')}
                </p>
              ) : null}
              <input type="file" id="f-file" name="file" accept=".pdf,.png,.jpg,.jpeg,.docx,.odt,.xlsx,.ods,.pptx,.odp" aria-describedby={`f-file-hint${errorFor(errors, 'file') ? ' f-file-error' : ''}`} />
            </div>
            <button type="submit">{t('meetings.admin.upload')}</button>
          </form>
        </section>
      ) : null}
      {props.attachments.length ? (
        <section aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">{t('meetings.attachments')}</h2>
          <ul class="member-list">
            {props.attachments.map((a) => (
              <li>
                <a href={`/meetings/${m.id}/attachments/${a.id}`}>{a.filename}</a>
                <form method="post" action={`/admin/meetings/${m.id}/attachments/${a.id}/delete`} class="inline-form">
                  <CsrfField page={page} />
                  <button type="submit" class="small danger" aria-label={`${t('meetings.admin.remove')}: ${a.filename}`}>
                    {t('meetings.admin.remove')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">{t('meetings.proposals')}</h2>
        {props.proposals.length ? (
          <ul class="member-list">
            {props.proposals.map((p) => (
              <li>
                <span>{p.title ?? t('meetings.proposalNo', { id: p.id })}</span>
                <form method="post" action={`/admin/meetings/${m.id}/proposals`} class="inline-form">
                  <CsrfField page={page} />
                  <input type="hidden" name="proposalId" value={String(p.id)} />
                  <input type="hidden" name="link" value="off" />
                  <button type="submit" class="small secondary" aria-label={`${t('meetings.admin.unlink')}: ${p.title ?? p.id}`}>
                    {t('meetings.admin.unlink')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : null}
        <form method="post" action={`/admin/meetings/${m.id}/proposals`} class="search-form" novalidate>
          <CsrfField page={page} />
          <input type="hidden" name="link" value="on" />
          <Field name="proposalId" type="number" label={t('meetings.admin.proposalId')} error={errorFor(errors, 'proposalId')} />
          <button type="submit">{t('meetings.admin.link')}</button>
        </form>
      </section>
      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">{t('meetings.admin.edit')}</h2>
        <MeetingForm page={page} action={`/admin/meetings/${m.id}`} values={props.values ?? valuesOf(m)} spaces={props.spaces} errors={errors} submitLabel={t('meetings.admin.save')} />
      </section>
      {m.status === 'scheduled' ? (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{t('meetings.admin.cancel')}</h2>
          <p>{t('meetings.admin.cancelHint')}</p>
          <form method="post" action={`/admin/meetings/${m.id}/cancel`}>
            <CsrfField page={page} />
            <button type="submit" class="danger">
              {t('meetings.admin.cancel')}
            </button>
          </form>
        </section>
      ) : null}
    </AdminShell>
  );
}
