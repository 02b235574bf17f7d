import type { RegistrationDetail as Detail } from '@ciao/domain';
import { formatDateTime } from '@ciao/front-common';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SECONDARY_BUTTON } from '../../../components/text-field';
import { weekStart } from '../../../lib/local-dates';
import { formatCoordinates, formatDistance, syncDelayMinutes } from '../registration-format';
import { RegistrationMap } from './registration-map';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-1 sm:grid-cols-3">
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

/**
 * One registration explained: where the phone was against the geofence (map and figures), when it
 * was made and when it arrived, its flags, its way to ONSS, its anomalies and its work session.
 */
export function RegistrationDetail({ registration, onClose }: { registration: Detail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const at = (value: string) => formatDateTime(value, language);
  const delay = syncDelayMinutes(registration.deviceTime, registration.receivedAt);
  const { onss, workSession } = registration;
  const geofence =
    registration.insideGeofence === null
      ? t('registrations.detail.geofenceUnknown')
      : registration.insideGeofence
        ? t('registrations.detail.inside')
        : t('registrations.detail.outside');

  return (
    <section
      aria-labelledby="registration-detail-title"
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id="registration-detail-title" className="text-xl font-bold text-slate-900">
          {t('registrations.detail.title', {
            action: t(`registrations.actions.${registration.action}`),
            agent: registration.agent.name,
          })}
        </h2>
        <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
          {t('registrations.detail.close')}
        </button>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <dl className="divide-y divide-slate-100">
          <Fact label={t('registrations.detail.agent')}>
            {registration.agent.name} ({registration.agent.identifier})
          </Fact>
          <Fact label={t('registrations.detail.place')}>
            {registration.task.name} — {registration.site.name} ({registration.client.name})
          </Fact>
          <Fact label={t('registrations.detail.deviceTime')}>{at(registration.deviceTime)}</Fact>
          <Fact label={t('registrations.detail.receivedAt')}>
            {at(registration.receivedAt)}
            {delay > 0 && <> ({t('registrations.detail.delay', { count: delay })})</>}
          </Fact>
          <Fact label={t('registrations.detail.position')}>
            {registration.position
              ? `${formatCoordinates(registration.position)} (±${Math.round(registration.position.accuracyMeters)} m)`
              : t('registrations.detail.positionAnonymised', {
                  date: registration.positionAnonymisedAt ? at(registration.positionAnonymisedAt) : '—',
                })}
          </Fact>
          <Fact label={t('registrations.detail.sitePosition')}>
            {registration.sitePosition
              ? formatCoordinates(registration.sitePosition)
              : t('registrations.detail.siteWithoutPosition')}
          </Fact>
          <Fact label={t('registrations.detail.distance')}>
            {registration.distanceMeters === null
              ? '—'
              : formatDistance(registration.distanceMeters, language)}
            {' · '}
            {t('registrations.detail.radius', { radius: registration.geofenceRadiusMeters })}
            {' · '}
            <strong>{geofence}</strong>
          </Fact>
          <Fact label={t('registrations.detail.flags')}>
            {registration.flags.length === 0
              ? t('registrations.detail.noFlags')
              : registration.flags
                  .map((flag) => t(`registrations.flags.${flag}`, { defaultValue: flag }))
                  .join(', ')}
            {registration.capturedOffline && <> · {t('registrations.detail.offline')}</>}
          </Fact>
          <Fact label={t('registrations.detail.appVersion')}>{registration.appVersion ?? '—'}</Fact>
        </dl>
        {registration.position && (
          <RegistrationMap
            position={registration.position}
            site={registration.sitePosition}
            radiusMeters={registration.geofenceRadiusMeters}
          />
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-2">
          <h3 className="text-lg font-semibold text-slate-900">{t('registrations.detail.onss')}</h3>
          {onss ? (
            <>
              <dl className="divide-y divide-slate-100">
                <Fact label={t('registrations.detail.onssStatus')}>
                  {t(`registrations.onssStatus.${onss.status}`)}
                  {onss.notApplicableReason && <> ({onss.notApplicableReason})</>}
                </Fact>
                <Fact label={t('registrations.detail.onssId')}>{onss.onssId ?? '—'}</Fact>
                <Fact label={t('registrations.detail.attempts')}>{onss.attempts}</Fact>
                {onss.lastError && <Fact label={t('registrations.detail.lastError')}>{onss.lastError}</Fact>}
                {onss.nextAttemptAt && (
                  <Fact label={t('registrations.detail.nextAttempt')}>{at(onss.nextAttemptAt)}</Fact>
                )}
                {onss.remarks.length > 0 && (
                  <Fact label={t('registrations.detail.remarks')}>{onss.remarks.join(' · ')}</Fact>
                )}
              </dl>
              <h4 className="font-semibold text-slate-800">{t('registrations.detail.history')}</h4>
              <ol className="list-inside list-decimal space-y-1 text-slate-800">
                {onss.history.map((step, index) => (
                  <li key={`${step.kind}-${index}`}>
                    {at(step.at)} — {t(`registrations.history.${step.kind}`)}
                    {step.validity && <> : {step.validity}</>}
                    {step.remarks.length > 0 && <> ({step.remarks.join(' · ')})</>}
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p className="text-slate-700">{t('registrations.detail.noOnss')}</p>
          )}
        </div>
        <div className="space-y-4">
          <div className="space-y-2">
            <h3 className="text-lg font-semibold text-slate-900">{t('registrations.detail.anomalies')}</h3>
            {registration.anomalies.length === 0 ? (
              <p className="text-slate-700">{t('registrations.detail.noAnomalies')}</p>
            ) : (
              <ul className="list-inside list-disc text-slate-800">
                {registration.anomalies.map((anomaly) => (
                  <li key={anomaly.id}>
                    {t(`registrations.flags.${anomaly.type}`, { defaultValue: anomaly.type })} —{' '}
                    {t(`registrations.anomalyStatus.${anomaly.status}`, { defaultValue: anomaly.status })} (
                    {at(anomaly.openedAt)})
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="space-y-2">
            <h3 className="text-lg font-semibold text-slate-900">{t('registrations.detail.session')}</h3>
            {workSession ? (
              <p className="text-slate-800">
                {t('registrations.detail.sessionText', {
                  start: at(workSession.startedAt),
                  end: workSession.endedAt ? at(workSession.endedAt) : t('registrations.detail.sessionOpen'),
                })}
                {workSession.corrected && <> · {t('registrations.detail.sessionCorrected')}</>}{' '}
                <Link
                  className="font-semibold text-brand-700 underline"
                  to={`/work-sessions?agentId=${registration.agent.id}&week=${weekStart(workSession.workDate)}`}
                >
                  {t('registrations.detail.sessionLink')}
                </Link>
              </p>
            ) : (
              <p className="text-slate-700">{t('registrations.detail.noSession')}</p>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
