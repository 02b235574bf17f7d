import { useTranslation } from 'react-i18next';
import type { QueuedEvent } from '../../../lib/local-db';

/** Where a registration is: on the phone, at the server, and what ONSS made of it. */
export function RegistrationStatus({
  event,
}: {
  event: Pick<QueuedEvent, 'status' | 'code' | 'message' | 'onssStatus'>;
}) {
  const { t } = useTranslation();
  if (event.status === 'pending') return <>{t('registration.pending')}</>;
  if (event.status === 'refused') {
    const known = t(`registration.codes.${event.code ?? ''}`, { defaultValue: '' });
    return <>{t('registration.refused', { reason: known || event.message || event.code })}</>;
  }
  return (
    <>
      {t('registration.sent')} ·{' '}
      {t(`onss.${event.onssStatus ?? 'none'}`, { defaultValue: t('onss.unknown') })}
    </>
  );
}
