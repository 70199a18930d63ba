import type { PageContext } from '../../../core/ui/page-context.ts';
import { CsrfField, Field } from '../../../core/ui/forms.tsx';
import { formatDateTime } from '../../../core/home/home-page.tsx';
import type { ReceiptStatus } from '../commands/cast.ts';

export function ReceiptCheckPage(props: { page: PageContext; status?: ReceiptStatus | undefined; code?: string; error?: string | undefined }) {
  const { page, status: s } = props;
  const { t } = page;
  return (
    <section aria-labelledby="check-heading" class="narrow-form">
      <h1 id="check-heading">{t('pb.receipt.checkTitle')}</h1>
      <p>{t('pb.receipt.checkIntro')}</p>
      {s?.kind === 'found' ? (
        <div class="pb-notice" role="status" id="receipt-result">
          <p>
            <strong>{t('pb.receipt.found', { budget: s.budget, edition: s.edition })}</strong>
          </p>
          <p>{t(s.source === 'paper' ? 'pb.receipt.recordedPaper' : 'pb.receipt.recorded', { at: formatDateTime(page.locale, s.recordedAt) })}</p>
          {s.supersededAt ? <p>{t('pb.receipt.superseded', { at: formatDateTime(page.locale, s.supersededAt) })}</p> : <p>{t('pb.receipt.asCast')}</p>}
          {s.countedAt ? <p>{t('pb.receipt.counted', { at: formatDateTime(page.locale, s.countedAt) })}</p> : s.supersededAt ? null : <p>{t('pb.receipt.notYetCounted')}</p>}
          <p class="muted">{t('pb.receipt.private')}</p>
        </div>
      ) : null}
      {s?.kind === 'unknown' ? (
        <p class="pb-notice" role="status" id="receipt-result">
          {t('pb.receipt.unknown')}
        </p>
      ) : null}
      <form method="post" action="/budgets/receipt">
        <CsrfField page={page} />
        <Field name="code" label={t('pb.receipt.code')} hint={t('pb.receipt.codeHint')} value={props.code} error={props.error} required autocomplete="off" />
        <button type="submit">{t('pb.receipt.check')}</button>
      </form>
    </section>
  );
}
