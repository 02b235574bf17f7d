import { Component, Suspense, lazy, useState } from 'react';
import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ERROR_BOX, PRIMARY_BUTTON } from '../components/ui';
import { readSession } from '../lib/session-store';
import type * as SignedInModuleType from './signed-in';
import type { SignedIn } from './signed-in';

/** Past this, the agent is told the screens did not load (instead of an endless "Loading…"). */
export const SCREENS_LOAD_TIMEOUT_MS = 15_000;

type SignedInModule = typeof SignedInModuleType;
let loading: Promise<SignedInModule> | undefined;

// The signed-in screens and the phone's database (Dexie) are a chunk of their own: the first visit
// (activation, sign-in) does not download them. The service worker keeps it for offline starts.
function loadSignedIn(): Promise<SignedInModule> {
  if (!loading) {
    const attempt = new Promise<SignedInModule>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`signed-in screens not loaded within ${SCREENS_LOAD_TIMEOUT_MS} ms`)),
        SCREENS_LOAD_TIMEOUT_MS,
      );
      import('./signed-in').then(resolve, reject).finally(() => clearTimeout(timer));
    });
    // A failed download is tried again on the next attempt, not remembered.
    attempt.catch(() => {
      if (loading === attempt) loading = undefined;
    });
    loading = attempt;
  }
  return loading;
}

/** At start, when an agent is signed in on this phone: the download starts beside the first render. */
export function prefetchSignedIn(): void {
  if (readSession().agentToken) loadSignedIn().catch(() => undefined); // said by SignedInScreens
}

const lazySignedIn = () => lazy(() => loadSignedIn().then((module) => ({ default: module.SignedIn })));

function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className={`${ERROR_BOX} flex flex-col gap-3`}>
      <p className="text-lg">{t('app.loadFailed')}</p>
      <button type="button" className={PRIMARY_BUTTON} onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}

class LoadBoundary extends Component<{ children: ReactNode; onRetry: () => void }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('Signed-in screens not loaded', error);
  }

  override render() {
    return this.state.failed ? <LoadFailed onRetry={this.props.onRetry} /> : this.props.children;
  }
}

/** The signed-in agent's screens, downloaded when first needed; a failure is said, with a retry. */
export function SignedInScreens(props: ComponentProps<typeof SignedIn>) {
  const { t } = useTranslation();
  const [screens, setScreens] = useState(() => ({ attempt: 0, Component: lazySignedIn() }));

  return (
    <LoadBoundary
      key={screens.attempt}
      onRetry={() => setScreens(({ attempt }) => ({ attempt: attempt + 1, Component: lazySignedIn() }))}
    >
      <Suspense fallback={<p className="text-lg">{t('app.loading')}</p>}>
        <screens.Component {...props} />
      </Suspense>
    </LoadBoundary>
  );
}
