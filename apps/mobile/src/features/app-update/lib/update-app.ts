/** How long the update check may take before the agent is told to close and reopen the app. */
export const UPDATE_CHECK_TIMEOUT_MS = 15_000;
// A new version that does not take control by then is used at the next start anyway.
const ACTIVATION_WAIT_MS = 5_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Resolves when a new service worker controls the page, or after `ms` anyway. */
function controllerChange(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    navigator.serviceWorker.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

async function activateNewVersion(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration) return;
  await registration.update();
  const waiting = registration.waiting ?? registration.installing;
  if (!waiting) return;
  const activated = controllerChange(ACTIVATION_WAIT_MS);
  // registerType 'prompt' (vite.config.ts): the waiting worker activates on this message.
  waiting.postMessage({ type: 'SKIP_WAITING' });
  await activated;
}

/**
 * Asks the service worker for a new version of the app, activates it when one is waiting and
 * reloads the page (which also asks the server again for the minimum version). Rejects, after
 * at most `UPDATE_CHECK_TIMEOUT_MS`, when the check fails: the caller then tells the agent to
 * close and reopen the app. Example: `await updateApp(() => window.location.reload())`.
 */
export async function updateApp(reload: () => void): Promise<void> {
  await within(activateNewVersion(), UPDATE_CHECK_TIMEOUT_MS);
  reload();
}
