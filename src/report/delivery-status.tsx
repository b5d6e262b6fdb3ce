import { t, type UiLanguage } from '../i18n';
import type { DeliveryStatus } from './schema';

/** A report's delivery in plain words: saved, sending, sent, or not sent with the reason and the next try. */
export function DeliveryStatusText({ delivery, lang }: { delivery: DeliveryStatus; lang: UiLanguage }) {
  const when = (ms: number) => new Date(ms).toLocaleString(lang);
  switch (delivery.state) {
    case 'saved':
      return <span data-status="saved">{t(lang, 'report.status.saved')}</span>;
    case 'sending':
      return <span data-status="sending">{t(lang, 'report.status.sending')}</span>;
    case 'delivered':
      return <span data-status="delivered">✅ {t(lang, 'report.status.delivered', { date: when(delivery.deliveredAt) })}</span>;
    case 'failed':
      return (
        <span data-status="failed">
          ⚠️ {t(lang, 'report.status.failed', { reason: t(lang, `report.failure.${delivery.code}`) })}{' '}
          {delivery.permanent && !['no-destination', 'not-https', 'refused'].includes(delivery.code) ? t(lang, 'report.status.gaveUp') : ''}{' '}
          {delivery.nextAttemptAt !== null && !delivery.permanent ? t(lang, 'report.status.retryAt', { date: when(delivery.nextAttemptAt) }) : ''}{' '}
          {t(lang, 'report.status.attempts', { count: delivery.attempts })}
          <span class="muted technical"> ({delivery.reason})</span>
        </span>
      );
  }
}
