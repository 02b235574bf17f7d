import { useTranslation } from 'react-i18next';
import type { ServerState } from '../hooks/use-server-status';

/** The server state in words, e.g. "Le serveur est joignable et prêt." (shown beside its StatusIcon). */
export function ServerStateLabel({ kind }: { kind: ServerState['kind'] }) {
  const { t } = useTranslation('common');
  switch (kind) {
    case 'checking':
      return <>{t('serverState.checking')}</>;
    case 'ready':
      return <>{t('serverState.ready')}</>;
    case 'not-ready':
      return <>{t('serverState.notReady')}</>;
    case 'unreachable':
      return <>{t('serverState.unreachable')}</>;
  }
}
