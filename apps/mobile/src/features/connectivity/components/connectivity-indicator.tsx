import { useTranslation } from 'react-i18next';
import { useOnlineStatus } from '../hooks/use-online-status';

/** Online or offline, in words and in shape (a dot, or a crossed-out dot), not in colour alone. */
export function ConnectivityIndicator() {
  const { t } = useTranslation();
  const online = useOnlineStatus();

  return (
    <p
      role="status"
      className={`inline-flex shrink-0 items-center gap-2 rounded-full px-3 py-1.5 text-base font-bold ${
        online ? 'bg-white text-green-800' : 'bg-amber-300 text-slate-950'
      }`}
    >
      <svg viewBox="0 0 16 16" className="size-4" aria-hidden="true" focusable="false">
        {online ? (
          <circle cx="8" cy="8" r="6" fill="currentColor" />
        ) : (
          <>
            <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M3 13 13 3" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </>
        )}
      </svg>
      {online ? t('connectivity.online') : t('connectivity.offline')}
    </p>
  );
}
