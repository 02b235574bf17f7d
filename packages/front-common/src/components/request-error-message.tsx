import { useTranslation } from 'react-i18next';
import { REQUEST_TIMEOUT_MS, RequestError } from '../lib/fetch-json';

/** The translated reason why a request failed, in words a non-technical person can act on. */
export function RequestErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation('common');
  if (!(error instanceof RequestError)) return <>{t('errors.invalidResponse')}</>;
  switch (error.kind) {
    case 'timeout':
      return <>{t('errors.timeout', { seconds: REQUEST_TIMEOUT_MS / 1000 })}</>;
    case 'network':
      return <>{t('errors.network')}</>;
    case 'http':
      // 502 and 504 come from a proxy in front of a server that does not answer (restarting, down).
      if (error.status === 502 || error.status === 504)
        return <>{t('errors.gateway', { status: error.status })}</>;
      return <>{t('errors.http', { status: error.status })}</>;
    case 'invalid-response':
      return <>{t('errors.invalidResponse')}</>;
  }
}
