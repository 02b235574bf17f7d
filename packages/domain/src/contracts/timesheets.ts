import { z } from 'zod';
import { isoDate, isoInstant, pageQuery } from './common.js';

/** The longest period of one timesheet: a month view plus margins, never a year of rows. */
export const MAX_TIMESHEET_DAYS = 62;

/**
 * Timesheets: per agent and local date (`from`/`to` inclusive, the company's time zone), optionally
 * for one agent or one site. Paged on agents (by last name), each with all the days of the period
 * that have work or planned time.
 *
 * @example
 * timesheetQuery.parse({ from: '2026-11-23', to: '2026-11-29' });
 */
export const timesheetQuery = pageQuery
  .extend({
    from: isoDate,
    to: isoDate,
    agentId: z.uuid().optional(),
    siteId: z.uuid().optional(),
  })
  .refine((query) => query.from <= query.to, { message: 'must be on or after from', path: ['to'] })
  .refine((query) => (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 < MAX_TIMESHEET_DAYS, {
    message: `must be at most ${MAX_TIMESHEET_DAYS} days after from`,
    path: ['to'],
  });

export type TimesheetQuery = z.output<typeof timesheetQuery>;

/**
 * One agent's day: the first arrival, the last departure, worked and break time (a manager's
 * correction replaces the registered figures and sets `corrected`), and the planned time of the
 * agent's tasks that day.
 *
 * @example
 * timesheetDay.shape.plannedSeconds;
 */
export const timesheetDay = z.object({
  date: z.string(),
  firstArrival: isoInstant.nullable(),
  lastDeparture: isoInstant.nullable(),
  workedSeconds: z.number().int(),
  breakSeconds: z.number().int(),
  breakCount: z.number().int(),
  plannedSeconds: z.number().int(),
  sessionCount: z.number().int(),
  /** A session of the day is still open (no departure yet). */
  open: z.boolean(),
  /** A manager corrected a session of the day: the figures are the corrected ones. */
  corrected: z.boolean(),
});

export type TimesheetDay = z.infer<typeof timesheetDay>;

export const timesheetTotals = z.object({
  workedSeconds: z.number().int(),
  breakSeconds: z.number().int(),
  plannedSeconds: z.number().int(),
});

export const timesheetAgent = z.object({
  agent: z.object({ id: z.uuid(), identifier: z.string(), name: z.string() }),
  days: z.array(timesheetDay),
  totals: timesheetTotals,
});

export type TimesheetAgent = z.infer<typeof timesheetAgent>;

/** @example timesheetPage.shape.items; */
export const timesheetPage = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(timesheetAgent),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export type TimesheetPage = z.infer<typeof timesheetPage>;
