import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';

// An installed app can stay open for days: look for a new version every hour as well as at start.
const UPDATE_CHECK_MS = 60 * 60_000;

const BUTTON = 'min-h-12 flex-1 rounded-lg px-4 text-base font-bold focus-visible:outline-white sm:flex-none';

// Floats above the bottom navigation: it appears while the agent reads or types (the service
// worker installs a few seconds after the first load), so it must not push the screen down. Its
// room (ROOM) is kept at the end of the page, where the app renders it: nothing stays hidden under it.
const ROOM = 'h-48 shrink-0';
const FLOATING = 'fixed inset-x-0 bottom-[calc(5rem+env(safe-area-inset-bottom))] z-20 mx-auto max-w-md px-4';

/**
 * Registers the service worker and offers a waiting new version. The agent decides when to
 * update (registerType 'prompt' in vite.config.ts): an update reloads the page.
 */
export function AppUpdateBanner() {
  const { t } = useTranslation();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine && !registration.installing) {
          registration
            .update()
            .catch((error: unknown) => console.warn('Service worker update check failed', error));
        }
      }, UPDATE_CHECK_MS);
    },
    onRegisterError(error: unknown) {
      console.error('Service worker registration failed', error);
    },
  });

  if (needRefresh) {
    return (
      <div className={ROOM}>
        <div role="status" className={FLOATING}>
          <div className="rounded-xl bg-brand-800 p-4 text-white shadow-lg">
            <p className="text-lg font-semibold">{t('update.available')}</p>
            <div className="mt-3 flex flex-wrap gap-2">
              <button
                type="button"
                onClick={() => void updateServiceWorker(true)}
                className={`${BUTTON} bg-white text-brand-800`}
              >
                {t('update.install')}
              </button>
              <button
                type="button"
                onClick={() => setNeedRefresh(false)}
                className={`${BUTTON} border-2 border-white text-white`}
              >
                {t('update.later')}
              </button>
            </div>
          </div>
        </div>
      </div>
    );
  }

  if (offlineReady) {
    return (
      <div className={ROOM}>
        <div role="status" className={FLOATING}>
          <div className="rounded-xl border-2 border-green-700 bg-green-50 p-4 text-slate-950 shadow-lg">
            <p className="text-base">{t('update.offlineReady')}</p>
            <button
              type="button"
              onClick={() => setOfflineReady(false)}
              className="mt-3 min-h-12 rounded-lg bg-green-800 px-4 text-base font-bold text-white"
            >
              {t('update.dismiss')}
            </button>
          </div>
        </div>
      </div>
    );
  }

  return null;
}
