// The anomaly types and how they open and close; the rules themselves are in
// anomaly-thresholds.ts, break-rules.ts and attendance-rules.ts, re-exported here.
export * from './anomaly-thresholds.js';
export * from './attendance-rules.js';
export * from './break-rules.js';

/**
 * What the anomaly scans and the registration engine report to managers.
 *
 * @example
 * anomalyTypes.includes('NO_SHOW'); // true
 */
export const anomalyTypes = [
  'MISSED_DEPARTURE',
  'BREAK_TOO_LONG',
  'NO_BREAK_AFTER_6H',
  'OUTSIDE_GEOFENCE',
  'POOR_ACCURACY',
  'LATE_SYNC',
  'NO_SHOW',
  'ONSS_NOT_CONFIRMED',
  'ONSS_REFUSED',
  'CORRECTION_DEADLINE_7_DAYS',
  'CORRECTION_DEADLINE_2_DAYS',
] as const;

/**
 * @example
 * const type: AnomalyType = 'MISSED_DEPARTURE';
 */
export type AnomalyType = (typeof anomalyTypes)[number];

/**
 * An anomaly is open, acknowledged (a manager saw it) or resolved (by a manager, or by the scan when
 * its cause disappeared).
 *
 * @example
 * anomalyStatuses[0]; // 'open'
 */
export const anomalyStatuses = ['open', 'acknowledged', 'resolved'] as const;

/**
 * @example
 * const status: AnomalyStatus = 'open';
 */
export type AnomalyStatus = (typeof anomalyStatuses)[number];

/**
 * The anomalies opened from the flags of one registration, in the registration's transaction.
 *
 * @example
 * eventFlagAnomalyTypes.includes('LATE_SYNC'); // true
 */
export const eventFlagAnomalyTypes = ['OUTSIDE_GEOFENCE', 'POOR_ACCURACY', 'LATE_SYNC'] as const;

/**
 * @example
 * const type: EventFlagAnomalyType = 'POOR_ACCURACY';
 */
export type EventFlagAnomalyType = (typeof eventFlagAnomalyTypes)[number];

/**
 * The flags of a registration that are anomalies (other flags, such as TASK_INACTIVE, are not).
 *
 * @example
 * anomalyTypesOfFlags(['LATE_SYNC', 'TASK_INACTIVE']); // ['LATE_SYNC']
 */
export function anomalyTypesOfFlags(flags: readonly string[]): EventFlagAnomalyType[] {
  return eventFlagAnomalyTypes.filter((type) => flags.includes(type));
}

/**
 * The anomalies that the scan resolves by itself once their cause is gone: the departure is
 * registered (MISSED_DEPARTURE), the agent arrived for the planned period (NO_SHOW), ONSS answered
 * (ONSS_NOT_CONFIRMED), the registration is no longer refused, e.g. resent and accepted
 * (ONSS_REFUSED), the correction request was sent to ONSS or answered (CORRECTION_DEADLINE_7_DAYS,
 * CORRECTION_DEADLINE_2_DAYS). The others describe something that happened and cannot un-happen: a registration
 * outside the geofence, with a poor position or synced late, a break that lasted too long, six
 * hours worked without a break. A manager acknowledges and resolves those.
 *
 * BREAK_TOO_LONG opens while the break is still running (or as soon as a late sync shows it) and
 * stays after the resume: the overlong break remains a fact of the day's time accounting.
 *
 * @example
 * autoClosingAnomalyTypes.includes('BREAK_TOO_LONG'); // false
 */
export const autoClosingAnomalyTypes = [
  'MISSED_DEPARTURE',
  'NO_SHOW',
  'ONSS_NOT_CONFIRMED',
  'ONSS_REFUSED',
  'CORRECTION_DEADLINE_7_DAYS',
  'CORRECTION_DEADLINE_2_DAYS',
] as const satisfies readonly AnomalyType[];

/**
 * Whether the scan closes an anomaly of this type by itself when its cause disappears.
 *
 * @example
 * closesAutomatically('NO_SHOW'); // true
 * closesAutomatically('LATE_SYNC'); // false
 */
export function closesAutomatically(type: AnomalyType): boolean {
  return (autoClosingAnomalyTypes as readonly AnomalyType[]).includes(type);
}

/**
 * The key that names an anomaly's cause: at most one unresolved anomaly per key and company, and a
 * cause that a manager resolved is never reopened. Dates are written in ISO (UTC).
 *
 * @example
 * anomalyDedupeKey('NO_SHOW', 'task-1', 'agent-1', new Date('2026-11-30T05:00:00Z'));
 * // 'NO_SHOW:task-1:agent-1:2026-11-30T05:00:00.000Z'
 */
export function anomalyDedupeKey(type: AnomalyType, ...parts: (string | Date)[]): string {
  return [type, ...parts.map((part) => (part instanceof Date ? part.toISOString() : part))].join(':');
}
