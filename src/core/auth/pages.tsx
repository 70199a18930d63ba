import type { PageContext } from '../ui/page-context.ts';
import type { FieldError } from '../http/problem.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, errorFor } from '../ui/forms.tsx';
import { MIN_PASSWORD_LENGTH } from './password.ts';

interface FormProps {
  page: PageContext;
  errors?: FieldError[];
  values?: Record<string, string | undefined>;
}

export function RegisterPage({ page, errors, values = {} }: FormProps) {
  const { t } = page;
  return (
    <section aria-labelledby="register-heading" class="narrow">
      <h1 id="register-heading">{t('auth.register.title')}</h1>
      <p>{t('auth.register.lead')}</p>
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action="/register" novalidate>
        <CsrfField page={page} />
        <Field name="email" type="email" label={t('auth.email')} value={values.email} error={errorFor(errors, 'email')} required autocomplete="email" />
        <Field
          name="displayName"
          label={t('auth.displayName')}
          hint={t('auth.displayNameHint')}
          value={values.displayName}
          error={errorFor(errors, 'displayName')}
          required
          autocomplete="nickname"
        />
        <Field
          name="password"
          type="password"
          label={t('auth.password')}
          hint={t('auth.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          error={errorFor(errors, 'password')}
          required
          autocomplete="new-password"
        />
        <Checkbox name="acceptTerms" label={t('auth.acceptTerms')} checked={values.acceptTerms === 'on'} error={errorFor(errors, 'acceptTerms')} />
        <p class="hint">
          <a href="/privacy">{t('layout.privacy')}</a>
        </p>
        <Checkbox name="notifications" label={t('auth.notifications')} checked={values.notifications === 'on'} />
        <button type="submit">{t('auth.register.submit')}</button>
      </form>
      <p>
        <a href="/login">{t('auth.register.haveAccount')}</a>
      </p>
    </section>
  );
}

export function LoginPage({ page, errors, values = {} }: FormProps & { next?: string }) {
  const { t } = page;
  return (
    <section aria-labelledby="login-heading" class="narrow">
      <h1 id="login-heading">{t('auth.login.title')}</h1>
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action="/login" novalidate>
        <CsrfField page={page} />
        {values.next ? <input type="hidden" name="next" value={values.next} /> : null}
        <Field name="email" type="email" label={t('auth.email')} value={values.email} error={errorFor(errors, 'email')} required autocomplete="username" />
        <Field name="password" type="password" label={t('auth.password')} error={errorFor(errors, 'password')} required autocomplete="current-password" />
        <button type="submit">{t('auth.login.submit')}</button>
      </form>
      <p>
        <a href="/forgot-password">{t('auth.login.forgot')}</a>
      </p>
      <p>
        <a href="/register">{t('auth.login.noAccount')}</a>
      </p>
    </section>
  );
}

export function ForgotPage({ page, errors, values = {}, sent }: FormProps & { sent?: boolean }) {
  const { t } = page;
  return (
    <section aria-labelledby="forgot-heading" class="narrow">
      <h1 id="forgot-heading">{t('auth.forgot.title')}</h1>
      {sent ? (
        <p role="status">{t('auth.forgot.sent')}</p>
      ) : (
        <>
          <p>{t('auth.forgot.lead')}</p>
          <ErrorSummary page={page} errors={errors} />
          <form method="post" action="/forgot-password" novalidate>
            <CsrfField page={page} />
            <Field name="email" type="email" label={t('auth.email')} value={values.email} error={errorFor(errors, 'email')} required autocomplete="email" />
            <button type="submit">{t('auth.forgot.submit')}</button>
          </form>
        </>
      )}
    </section>
  );
}

export function ResetPage({ page, errors, token }: FormProps & { token: string }) {
  const { t } = page;
  return (
    <section aria-labelledby="reset-heading" class="narrow">
      <h1 id="reset-heading">{t('auth.reset.title')}</h1>
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action="/reset-password" novalidate>
        <CsrfField page={page} />
        <input type="hidden" name="token" value={token} />
        <Field
          name="password"
          type="password"
          label={t('auth.password')}
          hint={t('auth.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          error={errorFor(errors, 'password')}
          required
          autocomplete="new-password"
        />
        <button type="submit">{t('auth.reset.submit')}</button>
      </form>
    </section>
  );
}
