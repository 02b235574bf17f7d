import type { AnomalyView } from '@ciao/domain';
import { formatDate, formatDateTime, formatTime } from '@ciao/front-common';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const number = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const instant = (value: unknown): string | undefined =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;

/**
 * What an anomaly's `details` say, in words of the reader's language: minutes, distances and
 * planned times, per type (`anomalies.details.<TYPE>`). Details missing from an old row fall back
 * to the type's plain description rather than showing "undefined".
 * Example: `anomalyDetailText(t, 'fr', { type: 'LATE_SYNC', details: { minutesLate: 42 } })`.
 */
export function anomalyDetailText(
  t: Translate,
  language: string,
  anomaly: Pick<AnomalyView, 'type' | 'details'>,
): string {
  const details = anomaly.details;
  const when = (value: unknown) => {
    const at = instant(value);
    return at === undefined ? undefined : formatDateTime(at, language);
  };
  const plain = t(`anomalies.describe.${anomaly.type}`);
  const complete = (key: string, values: Record<string, unknown>) =>
    Object.values(values).some((value) => value === undefined) ? plain : t(key, values);
  switch (anomaly.type) {
    case 'MISSED_DEPARTURE':
      return details.reason === 'max_duration'
        ? complete('anomalies.details.MISSED_DEPARTURE_max_duration', {
            hours: number(details.maxSessionHours),
            since: when(details.startedAt),
          })
        : complete('anomalies.details.MISSED_DEPARTURE_planned_end', {
            minutes: number(details.graceMinutes),
            plannedEnd: when(details.plannedEnd),
          });
    case 'BREAK_TOO_LONG':
      return complete('anomalies.details.BREAK_TOO_LONG', {
        minutes: number(details.breakMinutes),
        max: number(details.breakMaxMinutes),
        since: when(details.breakStartedAt),
      });
    case 'NO_BREAK_AFTER_6H':
      return complete('anomalies.details.NO_BREAK_AFTER_6H', {
        minutes: number(details.longestWorkMinutes),
        limit: number(details.workWithoutBreakMinutes),
        breakMinutes: number(details.minimumBreakMinutes),
      });
    case 'OUTSIDE_GEOFENCE':
      return complete('anomalies.details.OUTSIDE_GEOFENCE', {
        distance: number(details.distanceMeters),
        radius: number(details.radiusMeters),
        accuracy: number(details.accuracyMeters),
      });
    case 'POOR_ACCURACY':
      return complete('anomalies.details.POOR_ACCURACY', { accuracy: number(details.accuracyMeters) });
    case 'LATE_SYNC':
      return complete('anomalies.details.LATE_SYNC', { minutes: number(details.minutesLate) });
    case 'NO_SHOW': {
      const start = instant(details.periodStart);
      const end = instant(details.periodEnd);
      return complete('anomalies.details.NO_SHOW', {
        start: when(start),
        end: end === undefined ? undefined : formatTime(end, language),
      });
    }
    case 'ONSS_NOT_CONFIRMED':
      return complete('anomalies.details.ONSS_NOT_CONFIRMED', {
        direction: directionText(t, details.direction),
        at: when(details.registrationTime),
        minutes: number(details.minutesWaiting),
      });
    case 'ONSS_REFUSED':
      return complete('anomalies.details.ONSS_REFUSED', {
        direction: directionText(t, details.direction),
        at: when(details.registrationTime),
      });
    case 'CORRECTION_DEADLINE_7_DAYS':
    case 'CORRECTION_DEADLINE_2_DAYS': {
      const deadline = typeof details.deadline === 'string' ? details.deadline : undefined;
      return complete('anomalies.details.CORRECTION_DEADLINE', {
        reference: typeof details.reference === 'string' ? details.reference : undefined,
        count: number(details.registrations),
        // A calendar day: noon UTC is that same day in Brussels whatever the season.
        deadline: deadline === undefined ? undefined : formatDate(`${deadline}T12:00:00Z`, language),
        daysLeft: number(details.daysLeft),
      });
    }
    default:
      return plain;
  }
}

function directionText(t: Translate, direction: unknown): string | undefined {
  if (direction === 'IN') return t('anomalies.direction.IN');
  if (direction === 'OUT') return t('anomalies.direction.OUT');
  return undefined;
}
