import { localDate, zonedInstant } from '@ciao/domain';

/** How long each kind of data is kept (RETENTION_* variables, see config.ts and docs/operations.md). */
export interface RetentionPolicy {
  /** Raw positions of registrations (latitude, longitude) are removed after this many months. */
  positionMonths: number;
  /** Registrations, work sessions and what references them are deleted after this many years. */
  registrationYears: number;
  auditYears: number;
  /** Webhook deliveries and e-mails sent (or given up). */
  deliveryDays: number;
  /** The record of notifications mailed (their dedupe keys). */
  notificationDays: number;
  /** Finished background exports (rows and any file left). */
  exportJobDays: number;
  /** Expired or revoked sessions, used or expired password links, revoked app tokens, idempotency keys. */
  expiredAccessDays: number;
  /** Rows touched per statement: no transaction ever spans a whole table. */
  batchSize: number;
}

/** The rules of the law and of ciao's purposes (docs/operations.md, "Retention"). */
export const defaultRetentionPolicy: RetentionPolicy = {
  positionMonths: 13,
  registrationYears: 7,
  auditYears: 10,
  deliveryDays: 30,
  notificationDays: 90,
  exportJobDays: 30,
  expiredAccessDays: 30,
  batchSize: 1000,
};

/** Retention is a deployment's rule, counted in Belgian days: one zone for every company. */
export const RETENTION_TIME_ZONE = 'Europe/Brussels';

/**
 * The calendar date `months` months before `date` (YYYY-MM-DD), the day clamped to the end of a
 * shorter month: 2026-03-31 minus one month is 2026-02-28, so the cut-off never skips into the
 * next month.
 *
 * @example
 * monthsBefore('2026-03-31', 1); // '2026-02-28'
 */
export function monthsBefore(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

/** The calendar date `days` days before `date` (YYYY-MM-DD). */
export function daysBefore(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return at.toISOString().slice(0, 10);
}

/** One cut-off: rows from before the start of `date` (local midnight, Brussels) go. */
export interface Cutoff {
  date: string;
  instant: Date;
}

export type RetentionCutoffs = Record<
  'positions' | 'registrations' | 'audit' | 'deliveries' | 'notifications' | 'exportJobs' | 'expiredAccess',
  Cutoff
>;

/**
 * Every cut-off of a run at `now`: counted on the Brussels calendar from today's local date, and
 * taken at local midnight, so that a run at 03:30 in summer or winter cuts at the same wall-clock
 * boundary and a whole local day is always kept or gone together.
 *
 * @example
 * retentionCutoffs(new Date('2026-11-29T02:30:00Z'), defaultRetentionPolicy).positions;
 * // { date: '2025-10-29', instant: 2025-10-28T23:00:00.000Z }
 */
export function retentionCutoffs(now: Date, policy: RetentionPolicy): RetentionCutoffs {
  const today = localDate(now, RETENTION_TIME_ZONE);
  const at = (date: string): Cutoff => ({ date, instant: zonedInstant(date, '00:00', RETENTION_TIME_ZONE) });
  return {
    positions: at(monthsBefore(today, policy.positionMonths)),
    registrations: at(monthsBefore(today, policy.registrationYears * 12)),
    audit: at(monthsBefore(today, policy.auditYears * 12)),
    deliveries: at(daysBefore(today, policy.deliveryDays)),
    notifications: at(daysBefore(today, policy.notificationDays)),
    exportJobs: at(daysBefore(today, policy.exportJobDays)),
    expiredAccess: at(daysBefore(today, policy.expiredAccessDays)),
  };
}

/**
 * The next run after `now` at `localTime` (HH:MM, Brussels): today if still ahead, else tomorrow.
 * On the night clocks go forward, a time in the skipped hour runs an hour later.
 */
export function nextRunAt(now: Date, localTime: string): Date {
  const today = localDate(now, RETENTION_TIME_ZONE);
  const todayRun = zonedInstant(today, localTime, RETENTION_TIME_ZONE);
  if (todayRun.getTime() > now.getTime()) return todayRun;
  return zonedInstant(daysBefore(today, -1), localTime, RETENTION_TIME_ZONE);
}
