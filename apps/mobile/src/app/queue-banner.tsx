import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorText } from '../components/api-error-text';
import { SECONDARY_BUTTON, WARNING_BOX } from '../components/ui';
import { db } from '../lib/local-db';
import { useSyncLoop } from '../lib/queue/use-sync-loop';
import type { AgentSessionInfo } from '../lib/types';
import { useLiveQuery } from '../lib/use-live-query';

/** Runs the sync loop of the signed-in agent and says how many registrations wait on the phone. */
export function QueueBanner({
  session,
  children,
}: {
  session: AgentSessionInfo;
  children: (syncNow: () => Promise<void>) => ReactNode;
}) {
  const { t } = useTranslation();
  const { syncNow, lastError, syncing } = useSyncLoop(session.agentId, session.token);
  const waiting = useLiveQuery(
    () => db.events.where({ agentId: session.agentId, status: 'pending' }).count(),
    [session.agentId],
  );

  return (
    <>
      {waiting !== undefined && waiting > 0 && (
        <div role="status" className={WARNING_BOX} data-testid="queue-banner">
          <p className="text-lg font-bold">{t('queue.waiting', { count: waiting })}</p>
          {lastError && (
            <p className="mt-1">
              <ApiErrorText error={lastError} />
            </p>
          )}
          <button
            type="button"
            className={`${SECONDARY_BUTTON} mt-2 w-full`}
            aria-disabled={syncing}
            onClick={() => void syncNow()}
          >
            {syncing ? t('queue.sending') : t('queue.sendNow')}
          </button>
        </div>
      )}
      {children(syncNow)}
    </>
  );
}
