// Confirmation before erasing an account: says what will happen, asks for the password and an
// explicit tick, and offers a way back.
import type { PageContext } from '../ui/page-context.ts';
import type { FieldError } from '../http/problem.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, errorFor } from '../ui/forms.tsx';

export function ErasePage({ page, errors }: { page: PageContext; errors?: FieldError[] }) {
  const { t } = page;
  return (
    <section aria-labelledby="erase-heading" class="narrow">
      <h1 id="erase-heading">{t('account.erase.title')}</h1>
      <ErrorSummary page={page} errors={errors} />
      <p class="lead">{t('account.erase.lead')}</p>
      <p>{t('account.erase.what')}</p>
      <ul>
        <li>{t('account.erase.item.identity')}</li>
        <li>{t('account.erase.item.data')}</li>
        <li>{t('account.erase.item.sessions')}</li>
        <li>{t('account.erase.item.email')}</li>
      </ul>
      <p>
        {t('account.erase.exportFirst')} <a href="/account/export">{t('account.data.export')}</a>
      </p>
      <form method="post" action="/account/erase" novalidate>
        <CsrfField page={page} />
        <Field name="password" type="password" label={t('account.erase.password')} error={errorFor(errors, 'password')} required autocomplete="current-password" />
        <Checkbox name="confirm" label={t('account.erase.confirm')} error={errorFor(errors, 'confirm')} />
        <button type="submit" class="danger">
          {t('account.erase.submit')}
        </button>
      </form>
      <p>
        <a href="/account">{t('account.erase.cancel')}</a>
      </p>
    </section>
  );
}
