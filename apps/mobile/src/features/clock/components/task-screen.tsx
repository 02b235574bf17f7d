import {
  allowedActions,
  clockActions,
  distanceMeters,
  isInsideGeofence,
  timeOrderedUuid,
} from '@ciao/domain';
import type { ClockAction } from '@ciao/domain';
import { formatTime } from '@ciao/front-common';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CARD,
  ERROR_BOX,
  OK_BOX,
  PRIMARY_BUTTON,
  SECONDARY_BUTTON,
  WARNING_BOX,
} from '../../../components/ui';
import { enqueue } from '../../../lib/queue/sync';
import { sessionTimes } from '../../../lib/queue/queue-logic';
import { useLocalClock } from '../../../lib/queue/use-clock-state';
import { geolocationExplained, markGeolocationExplained } from '../../../lib/session-store';
import type { AgentSessionInfo, AgentTask } from '../../../lib/types';
import { formatDuration } from '../lib/duration';
import { currentPosition } from '../lib/geolocation';
import type { PositionResult } from '../lib/geolocation';
import { RegistrationStatus } from './registration-status';

const ACTION_STYLE: Record<ClockAction, string> = {
  ARRIVE: 'bg-green-800 text-white',
  PAUSE: 'bg-amber-400 text-slate-950',
  RESUME: 'bg-brand-700 text-white',
  LEAVE: 'bg-red-800 text-white',
};

interface Confirmation {
  id: string;
  distance: number | undefined;
  inside: boolean | undefined;
}

type Phase =
  | { step: 'idle' }
  | { step: 'explain'; action: ClockAction }
  | { step: 'locating' }
  | { step: 'failed'; reason: Exclude<PositionResult, { ok: true }>['reason'] };

/** One task: the four big buttons, elapsed times and the confirmation of the last tap. */
export function TaskScreen({
  session,
  task,
  onBack,
  onRegistered,
}: {
  session: AgentSessionInfo;
  task: AgentTask;
  onBack: () => void;
  onRegistered: () => void;
}) {
  const { t, i18n } = useTranslation();
  const local = useLocalClock(session.agentId);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [confirmation, setConfirmation] = useState<Confirmation>();
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);

  const allowed = local ? allowedActions(local.state, task.id) : [];
  const taskEvents = (local?.events ?? []).filter((event) => event.taskId === task.id);
  const times = sessionTimes(taskEvents, now);
  const confirmed = confirmation && local?.events.find((event) => event.id === confirmation.id);
  const busy = phase.step === 'locating';

  async function register(action: ClockAction) {
    setPhase({ step: 'locating' });
    const found = await currentPosition();
    if (!found.ok) {
      setPhase({ step: 'failed', reason: found.reason });
      return;
    }
    const at = new Date();
    // Time-ordered: the server's registrations index then grows at its end (see timeOrderedUuid).
    const id = timeOrderedUuid(at.getTime());
    await enqueue({
      id,
      agentId: session.agentId,
      taskId: task.id,
      taskName: task.name,
      siteName: task.site.name,
      action,
      deviceTime: at.toISOString(),
      position: found.position,
      capturedOffline: !navigator.onLine,
      appVersion: __APP_VERSION__,
      status: 'pending',
      attempts: 0,
    });
    const { latitude, longitude, geofenceRadiusMeters } = task.site;
    const distance =
      latitude === null || longitude === null
        ? undefined
        : Math.round(distanceMeters(found.position, { latitude, longitude }));
    setConfirmation({
      id,
      distance,
      inside:
        distance === undefined
          ? undefined
          : isInsideGeofence(distance, geofenceRadiusMeters, found.position.accuracyMeters),
    });
    setPhase({ step: 'idle' });
    setNow(at);
    onRegistered();
  }

  function tap(action: ClockAction) {
    if (busy || !allowed.includes(action)) return;
    if (!geolocationExplained()) {
      setPhase({ step: 'explain', action });
      return;
    }
    void register(action);
  }

  const stateLabel =
    local?.state.status !== 'OFF' && local?.state.taskId === task.id
      ? t(local.state.status === 'WORKING' ? 'tasks.state.working' : 'tasks.state.on_break')
      : local?.state.status !== 'OFF' && local
        ? t('clock.otherTaskOpen')
        : t('clock.off');

  return (
    <section className="flex flex-col gap-4" aria-labelledby="task-title">
      <button type="button" onClick={onBack} className={`${SECONDARY_BUTTON} self-start`}>
        ← {t('clock.back')}
      </button>
      <div className={CARD}>
        <h2 id="task-title" className="text-2xl font-bold text-slate-950">
          {task.site.name}
        </h2>
        <p className="text-base text-slate-800">{task.name}</p>
        <p className="text-base text-slate-700">{task.site.address}</p>
        {task.plannedToday.length > 0 && (
          <p className="mt-1 text-lg font-semibold">
            {t('clock.planned', {
              slots: task.plannedToday.map((slot) => `${slot.start}–${slot.end}`).join(', '),
            })}
          </p>
        )}
        <p className="mt-3 text-xl font-bold" data-testid="clock-state">
          {stateLabel}
        </p>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-lg">
          <dt>{t('clock.worked')}</dt>
          <dd className="font-bold">{formatDuration(times.workMs)}</dd>
          <dt>{t('clock.onBreak')}</dt>
          <dd className="font-bold">{formatDuration(times.breakMs)}</dd>
        </dl>
      </div>

      {phase.step === 'explain' && (
        <div role="dialog" aria-labelledby="geo-why" className={WARNING_BOX}>
          <h3 id="geo-why" className="text-lg font-bold">
            {t('geo.whyTitle')}
          </h3>
          <p className="mt-2">{t('geo.why')}</p>
          <button
            type="button"
            className={`${PRIMARY_BUTTON} mt-3`}
            onClick={() => {
              markGeolocationExplained();
              void register(phase.action);
            }}
          >
            {t('geo.continue')}
          </button>
        </div>
      )}
      {phase.step === 'locating' && (
        <p role="status" className={WARNING_BOX}>
          {t('geo.locating', { seconds: 20 })}
        </p>
      )}
      {phase.step === 'failed' && (
        <div role="alert" className={ERROR_BOX}>
          <p className="text-lg font-bold">{t(`geo.failed.${phase.reason}`)}</p>
          {phase.reason === 'denied' && <p className="mt-2">{t('geo.howToEnable')}</p>}
          <p className="mt-2">{t('geo.nothingRecorded')}</p>
        </div>
      )}

      <div className="grid grid-cols-2 gap-3">
        {clockActions.map((action) => {
          const enabled = allowed.includes(action) && !busy;
          return (
            <button
              key={action}
              type="button"
              disabled={!enabled}
              onClick={() => tap(action)}
              className={`min-h-24 rounded-2xl px-2 text-2xl font-extrabold shadow-sm disabled:bg-slate-200 disabled:text-slate-500 disabled:shadow-none ${ACTION_STYLE[action]}`}
            >
              {t(`clock.actions.${action}`)}
            </button>
          );
        })}
      </div>

      {confirmed && confirmation && (
        <div
          role="status"
          className={confirmed.status === 'refused' ? ERROR_BOX : OK_BOX}
          data-testid="confirmation"
        >
          <p className="text-xl font-bold">
            {t(`clock.done.${confirmed.action}`, {
              time: formatTime(Date.parse(confirmed.deviceTime), i18n.language),
            })}
          </p>
          <p className="mt-1 text-lg">
            <RegistrationStatus event={confirmed} />
          </p>
          <p className="mt-1">{t('geo.accuracy', { meters: confirmed.position.accuracyMeters })}</p>
          {confirmation.inside === false && (
            <p className="mt-2 font-bold text-red-900">
              {t('geo.far', { distance: confirmation.distance, radius: task.site.geofenceRadiusMeters })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
