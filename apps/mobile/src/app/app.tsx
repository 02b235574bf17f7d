import { AppProviders, useMeta } from '@ciao/front-common';
import { z } from 'zod';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/app-header';
import { AppUpdateBanner } from '../features/app-update/components/app-update-banner';
import { UpdateRequiredScreen } from '../features/app-update/components/update-required-screen';
import { ActivationScreen } from '../features/activation/components/activation-screen';
import { ConnectivityIndicator } from '../features/connectivity/components/connectivity-indicator';
import { OfflineNotice } from '../features/connectivity/components/offline-notice';
import { SignInScreen } from '../features/sign-in/components/sign-in-screen';
import { ServerStatusCard } from '../features/status/components/server-status-card';
import { i18next } from '../i18n/i18n';
import { api, onSessionEnded } from '../lib/api';
import { readSession, writeSession } from '../lib/session-store';
import { isAppOutdated } from '../lib/version';
import type { StoredSession } from '../lib/session-store';
import { SignedInScreens } from './signed-in-loader';

function Screen() {
  const { t } = useTranslation();
  const [session, setSession] = useState<StoredSession>(readSession);
  const [notice, setNotice] = useState<string>();
  // Refetched when the agent comes back to the app (react-query's window focus refetch).
  const { data: meta } = useMeta();

  const save = useCallback((next: StoredSession) => {
    writeSession(next);
    setSession(next);
  }, []);

  // A revoked device needs a new licence code; a revoked or replaced token, a new sign-in.
  const endSession = useCallback(
    (code: string) => {
      const current = readSession();
      const next: StoredSession =
        code === 'DEVICE_REVOKED' || code === 'TENANT_SUSPENDED'
          ? {}
          : { ...current, agentToken: undefined, agent: undefined };
      setNotice(t(`session.ended.${code}`, { defaultValue: t('session.ended.TOKEN_INVALID') }));
      save(next);
    },
    [save, t],
  );

  useEffect(() => {
    onSessionEnded(endSession);
    return () => onSessionEnded(undefined);
  }, [endSession]);

  const signOut = useCallback(async () => {
    const token = session.agentToken;
    if (token) {
      try {
        await api('/api/agent/v1/sign-out', z.unknown(), { method: 'POST', token });
      } catch {
        // Offline: the token is forgotten here anyway; the server lets it expire or replaces it.
      }
    }
    setNotice(undefined);
    save({ ...readSession(), agentToken: undefined, agent: undefined });
  }, [save, session.agentToken]);

  let content;
  if (meta && isAppOutdated(__APP_VERSION__, meta)) {
    // Blocks everything else; registrations waiting on the phone stay in IndexedDB until then.
    content = <UpdateRequiredScreen minimum={meta.minimumAgentAppVersion} />;
  } else if (!session.deviceToken) {
    content = (
      <>
        <ActivationScreen
          notice={notice}
          onActivated={(answer) => {
            setNotice(undefined);
            save({ deviceToken: answer.deviceToken, company: answer.company });
          }}
        />
        <ServerStatusCard />
      </>
    );
  } else if (!session.agentToken || !session.agent) {
    content = (
      <SignInScreen
        deviceToken={session.deviceToken}
        company={session.company}
        notice={notice}
        onSignedIn={(answer) => {
          setNotice(undefined);
          save({ ...session, agentToken: answer.agentToken, agent: answer.agent, company: answer.company });
        }}
        onDeviceRevoked={() => endSession('DEVICE_REVOKED')}
      />
    );
  } else {
    content = (
      <SignedInScreens
        key={session.agent.id}
        session={{
          agentId: session.agent.id,
          token: session.agentToken,
          name: `${session.agent.firstName} ${session.agent.lastName}`,
          company: session.company,
        }}
        onSignOut={signOut}
      />
    );
  }

  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader status={<ConnectivityIndicator />} />
      <main className="mx-auto flex w-full max-w-md flex-1 flex-col gap-4 px-4 py-5 pb-24">
        <OfflineNotice />
        {content}
        {/* Last: it floats over the bottom of the screen, and its room is added after the content. */}
        <AppUpdateBanner />
      </main>
    </div>
  );
}

export function App() {
  return (
    <AppProviders i18n={i18next}>
      <Screen />
    </AppProviders>
  );
}
