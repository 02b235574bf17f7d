import { useTranslation } from 'react-i18next';
import { useOnlineStatus } from '../hooks/use-online-status';

/** Says what going offline means for the agent; renders nothing while online. */
export function OfflineNotice() {
  const { t } = useTranslation();
  const online = useOnlineStatus();
  if (online) return null;

  return (
    <p className="rounded-xl border-2 border-amber-400 bg-amber-50 p-4 text-base text-slate-950">
      {t('connectivity.offlineHint')}
    </p>
  );
}
