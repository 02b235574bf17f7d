import { useTranslation } from 'react-i18next';
import { API_TIMEOUT_MS, ApiError } from '../lib/api';

/**
 * The translated reason of a failed call. `codes` maps the server's refusal codes to this screen's
 * own messages; an unknown code shows the server's own words.
 */
export function ApiErrorText({ error, codes = {} }: { error: unknown; codes?: Record<string, string> }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return <>{t('errors.unexpected')}</>;
  if (error.code && codes[error.code]) return <>{codes[error.code]}</>;
  switch (error.kind) {
    case 'timeout':
      return <>{t('errors.timeout', { seconds: API_TIMEOUT_MS / 1000 })}</>;
    case 'network':
      return <>{t('errors.network')}</>;
    case 'invalid-response':
      return <>{t('errors.unexpected')}</>;
    case 'problem': {
      if (error.status !== undefined && error.status >= 500)
        return <>{t('errors.server', { status: error.status })}</>;
      const detail = typeof error.problem?.detail === 'string' ? error.problem.detail : '';
      return <>{t('errors.refused', { code: error.code ?? error.status, detail })}</>;
    }
  }
}
