/**
 * The limits of the anomaly rules when the company sets none (`settings.anomalyThresholds`).
 * `workWithoutBreakMinutes` and `minimumBreakMinutes` are the legal rule: past 6 hours of work a
 * break of at least 15 minutes is due.
 *
 * @example
 * defaultAnomalyThresholds.noShowGraceMinutes; // 30
 */
export const defaultAnomalyThresholds = {
  /** MISSED_DEPARTURE: a session still open this long after the planned end of its period. */
  missedDepartureGraceMinutes: 60,
  /** MISSED_DEPARTURE: a session open this long, planned or not. */
  maxSessionHours: 14,
  /** BREAK_TOO_LONG: one break longer than this. */
  breakMaxMinutes: 60,
  /** NO_BREAK_AFTER_6H: more work than this without a qualifying break. */
  workWithoutBreakMinutes: 360,
  /** NO_BREAK_AFTER_6H: the shortest break that counts; a shorter one does not reset the count. */
  minimumBreakMinutes: 15,
  /** NO_SHOW: no arrival this long after the planned start. */
  noShowGraceMinutes: 30,
  /** NO_SHOW: an arrival this long before the planned start counts for the period. */
  earlyArrivalMinutes: 120,
  /** ONSS_NOT_CONFIRMED: ONSS has not acknowledged the registration this long after it was made. */
  onssConfirmationMinutes: 5,
  /** POOR_ACCURACY: a position less precise than this (checked on each registration). */
  poorAccuracyMeters: 100,
};

/**
 * @example
 * const thresholds: AnomalyThresholds = { ...defaultAnomalyThresholds, breakMaxMinutes: 45 };
 */
export type AnomalyThresholds = typeof defaultAnomalyThresholds;

/**
 * The company's thresholds over the defaults. Unknown names and values that are not positive
 * numbers are ignored, so that a bad setting never disables a legal check.
 *
 * @example
 * anomalyThresholds({ breakMaxMinutes: 45, typo: 3 }).breakMaxMinutes; // 45
 */
export function anomalyThresholds(overrides?: Readonly<Record<string, unknown>> | null): AnomalyThresholds {
  const merged = { ...defaultAnomalyThresholds };
  for (const name of Object.keys(merged) as (keyof AnomalyThresholds)[]) {
    const value = overrides?.[name];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) merged[name] = value;
  }
  return merged;
}
