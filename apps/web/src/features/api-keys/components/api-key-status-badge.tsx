import type { ApiKeySummary } from '@ciao/domain';
import { useTranslation } from 'react-i18next';

const STYLES = {
  active: 'border-green-300 bg-green-50 text-green-900',
  expired: 'border-amber-300 bg-amber-50 text-amber-900',
  revoked: 'border-red-300 bg-red-50 text-red-900',
} as const;

/** A key's state, in words (colour is only a help). */
export function ApiKeyStatusBadge({ status }: { status: ApiKeySummary['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-sm font-medium ${STYLES[status]}`}>
      {t(`apiKeys.status.${status}`)}
    </span>
  );
}
