// "My account": profile, password, consents, demographics and the person's data. Every section is
// a plain form, so the page works without JavaScript.
import type { PageContext } from '../ui/page-context.ts';
import type { FieldError } from '../http/problem.ts';
import { LOCALES } from '../config/config.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, errorFor } from '../ui/forms.tsx';
import { MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { formatDateTime } from '../home/home-page.tsx';
import { SelectField } from './select-field.tsx';
import { GENDERS, type AccountView } from './queries.ts';

export interface AccountPageProps {
  page: PageContext;
  account: AccountView;
  districts: { id: number; name: string }[];
  errors?: FieldError[];
  /** Values the person submitted, shown again when a form is re-rendered with errors. */
  values?: Record<string, string | undefined>;
}

export function AccountPage({ page, account, districts, errors, values = {} }: AccountPageProps) {
  const { t } = page;
  return (
    <div class="account">
      <h1>{t('account.title')}</h1>
      <ErrorSummary page={page} errors={errors} />
      <ProfileSection page={page} account={account} errors={errors} values={values} />
      <PasswordSection page={page} errors={errors} />
      <ConsentsSection page={page} account={account} values={values} />
      <DemographicsSection page={page} account={account} districts={districts} errors={errors} values={values} />
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">{t('account.data.heading')}</h2>
        <p>{t('account.data.exportLead')}</p>
        <p>
          <a class="button" href="/account/export" download>
            {t('account.data.export')}
          </a>
        </p>
        <p>{t('account.data.eraseLead')}</p>
        <p>
          <a href="/account/erase">{t('account.data.erase')}</a>
        </p>
      </section>
    </div>
  );
}

type SectionProps = { page: PageContext; errors?: FieldError[] | undefined; values?: Record<string, string | undefined> };

function ProfileSection({ page, account, errors, values = {} }: SectionProps & { account: AccountView }) {
  const { t } = page;
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('account.profile.heading')}</h2>
      <dl class="account-facts">
        <dt>{t('auth.displayName')}</dt>
        <dd>{account.displayName}</dd>
        <dt>{t('auth.email')}</dt>
        <dd>{account.email}</dd>
      </dl>
      {account.emailVerified ? (
        <p>{t('account.profile.verified')}</p>
      ) : (
        <form method="post" action="/verify-email/resend" class="verify-pending">
          <CsrfField page={page} />
          <p>{t('auth.verify.pending')}</p>
          <button type="submit" class="secondary">
            {t('auth.verify.resend')}
          </button>
        </form>
      )}
      <form method="post" action="/account/profile" novalidate>
        <CsrfField page={page} />
        <Field
          name="displayName"
          label={t('auth.displayName')}
          hint={t('auth.displayNameHint')}
          value={values.displayName ?? account.displayName}
          error={errorFor(errors, 'displayName')}
          required
          autocomplete="nickname"
        />
        <SelectField
          name="locale"
          label={t('account.profile.locale')}
          value={values.locale ?? account.locale}
          error={errorFor(errors, 'locale')}
          options={LOCALES.map((l) => ({ value: l, label: t(`account.lang.${l}`), lang: l }))}
        />
        <button type="submit">{t('account.profile.submit')}</button>
      </form>
    </section>
  );
}

function PasswordSection({ page, errors }: SectionProps) {
  const { t } = page;
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t('account.password.heading')}</h2>
      <form method="post" action="/account/password" novalidate>
        <CsrfField page={page} />
        <Field name="currentPassword" type="password" label={t('account.password.current')} error={errorFor(errors, 'currentPassword')} required autocomplete="current-password" />
        <Field
          name="newPassword"
          type="password"
          label={t('account.password.new')}
          hint={t('auth.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          error={errorFor(errors, 'newPassword')}
          required
          autocomplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
        />
        <button type="submit">{t('account.password.submit')}</button>
      </form>
    </section>
  );
}

function ConsentsSection({ page, account }: SectionProps & { account: AccountView }) {
  const { t } = page;
  return (
    <section aria-labelledby="consents-heading">
      <h2 id="consents-heading">{t('account.consents.heading')}</h2>
      <form method="post" action="/account/consents">
        <CsrfField page={page} />
        <fieldset>
          <legend>{t('account.consents.legend')}</legend>
          <Checkbox name="notifications" label={t('account.consents.notifications')} checked={account.consents.notifications} />
          <Checkbox name="demographics" label={t('account.consents.demographics')} checked={account.consents.demographics} />
        </fieldset>
        <button type="submit">{t('account.consents.submit')}</button>
      </form>
      {account.history.length ? (
        <div class="table-scroll" role="region" aria-labelledby="consent-history-caption" tabindex={0}>
          <table>
            <caption id="consent-history-caption">{t('account.consents.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.consents.at')}</th>
                <th scope="col">{t('account.consents.kind')}</th>
                <th scope="col">{t('account.consents.state')}</th>
                <th scope="col">{t('account.consents.version')}</th>
              </tr>
            </thead>
            <tbody>
              {account.history.map((c) => (
                <tr>
                  <td>
                    <time dateTime={c.at}>{formatDateTime(page.locale, c.at)}</time>
                  </td>
                  <td>{t(`account.consents.kind.${c.kind}`)}</td>
                  <td>{c.granted ? t('account.consents.granted') : t('account.consents.withdrawn')}</td>
                  <td>{c.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function DemographicsSection({ page, account, districts, errors, values = {} }: SectionProps & { account: AccountView; districts: { id: number; name: string }[] }) {
  const { t } = page;
  const d = account.demographics;
  const blank = { value: '', label: t('account.demographics.blank') };
  return (
    <section aria-labelledby="demographics-heading">
      <h2 id="demographics-heading">{t('account.demographics.heading')}</h2>
      {account.consents.demographics ? (
        <>
          <p>{t('account.demographics.lead')}</p>
          <form method="post" action="/account/demographics" novalidate>
            <CsrfField page={page} />
            <Field
              name="birthYear"
              type="text"
              label={t('account.demographics.birthYear')}
              hint={t('account.demographics.birthYearHint')}
              value={values.birthYear ?? (d?.birthYear != null ? String(d.birthYear) : '')}
              error={errorFor(errors, 'birthYear')}
              autocomplete="bday-year"
              maxLength={4}
            />
            <SelectField
              name="gender"
              label={t('account.demographics.gender')}
              value={values.gender ?? d?.gender ?? ''}
              error={errorFor(errors, 'gender')}
              options={[blank, ...GENDERS.map((g) => ({ value: g, label: t(`account.gender.${g}`) }))]}
            />
            <SelectField
              name="districtId"
              label={t('account.demographics.district')}
              value={values.districtId ?? (d?.districtId != null ? String(d.districtId) : '')}
              error={errorFor(errors, 'districtId')}
              options={[blank, ...districts.map((x) => ({ value: String(x.id), label: x.name }))]}
            />
            <button type="submit">{t('account.demographics.submit')}</button>
          </form>
        </>
      ) : (
        <p id="demographics-needs-consent">{errorFor(errors, 'demographics') ?? t('account.demographics.needsConsent')}</p>
      )}
    </section>
  );
}
