import { MAX_SCHEDULE_SLOTS } from '@ciao/domain';
import type { TaskView } from '@ciao/domain';
import { fieldErrorText } from '../../lib/field-errors';
import type { FieldErrorKey, FieldErrors } from '../../lib/field-errors';
import { duplicateSlotIndexes, rowsToSchedule, scheduleToRows } from './schedule-rows';
import type { ScheduleRow } from './schedule-rows';

/** The task form as typed. `siteLabel` is what the site box shows; `groupId` is `''` for none. */
export interface TaskFormValues {
  siteId: string;
  siteLabel: string;
  groupId: string;
  name: string;
  description: string;
  active: boolean;
  schedule: ScheduleRow[];
  validFrom: string;
  validUntil: string;
}

export const EMPTY_TASK: TaskFormValues = {
  siteId: '',
  siteLabel: '',
  groupId: '',
  name: '',
  description: '',
  active: true,
  schedule: [],
  validFrom: '',
  validUntil: '',
};

/** The form's values for a task being edited. */
export function taskToForm(task: TaskView): TaskFormValues {
  return {
    siteId: task.siteId,
    siteLabel: task.siteName,
    groupId: task.groupId ?? '',
    name: task.name,
    description: task.description ?? '',
    active: task.active,
    schedule: scheduleToRows(task.schedule),
    validFrom: task.validFrom ?? '',
    validUntil: task.validUntil ?? '',
  };
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value);

function fullBody(values: TaskFormValues): Record<string, unknown> {
  return {
    siteId: values.siteId,
    groupId: blankToNull(values.groupId),
    name: values.name,
    description: values.description,
    active: values.active,
    schedule: rowsToSchedule(values.schedule),
    validFrom: blankToNull(values.validFrom),
    validUntil: blankToNull(values.validUntil),
  };
}

/**
 * The request body for the form's values, for the shared contract to check: every field on
 * creation; on edition only what changed since `initial` (the schedule as a whole, both validity
 * dates together since their order is checked on the pair).
 */
export function taskRequestBody(values: TaskFormValues, initial?: TaskFormValues): Record<string, unknown> {
  const body = fullBody(values);
  if (!initial) return body;
  const before = fullBody(initial);
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const same =
      typeof value === 'string' && typeof before[key] === 'string'
        ? value.trim() === (before[key] as string).trim()
        : JSON.stringify(value) === JSON.stringify(before[key]);
    if (!same) changed[key] = value;
  }
  if ('validFrom' in changed || 'validUntil' in changed) {
    changed.validFrom = body.validFrom;
    changed.validUntil = body.validUntil;
  }
  return changed;
}

/**
 * The server's rules the shared contract cannot carry alone, checked before sending so the
 * manager sees them at once: a slot given twice (`schedule.<index>`) and a validity ending before
 * it starts. Same codes as the server's answer.
 */
export function taskRuleErrors(values: TaskFormValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const index of duplicateSlotIndexes(values.schedule)) errors[`schedule.${index}`] = 'DUPLICATE_SLOT';
  if (values.validFrom && values.validUntil && values.validUntil < values.validFrom) {
    errors.validUntil = 'DATE_RANGE';
  }
  return errors;
}

/** The first error of a schedule row, whichever part of it is wrong (`schedule.2.end`). */
export function scheduleRowError(errors: FieldErrors, index: number): [string, string] | undefined {
  for (const path of [
    `schedule.${index}`,
    `schedule.${index}.weekday`,
    `schedule.${index}.start`,
    `schedule.${index}.end`,
  ]) {
    const code = errors[path];
    if (code) return [path, code];
  }
  return undefined;
}

export type TaskErrorKey =
  | 'tasks.errors.siteRequired'
  | 'tasks.errors.siteNotFound'
  | 'tasks.errors.groupNotFound'
  | 'tasks.errors.duplicateSlot'
  | 'tasks.errors.tooManySlots'
  | 'tasks.errors.time'
  | 'tasks.errors.dateRange'
  | 'tasks.errors.agentNotFound';

type Translate = (key: TaskErrorKey | FieldErrorKey, options?: Record<string, unknown>) => string;

/**
 * The words for an error of the task form, from the contract or the server: the task's own rules
 * first, then the shared field texts. Example: `('schedule.3', 'DUPLICATE_SLOT')` -> "This slot is
 * already in the schedule."
 */
export function taskFieldErrorText(t: Translate, field: string, code: string, value?: string): string {
  if (field === 'siteId')
    return t(code === 'SITE_NOT_FOUND' ? 'tasks.errors.siteNotFound' : 'tasks.errors.siteRequired');
  if (code === 'TASK_GROUP_NOT_FOUND') return t('tasks.errors.groupNotFound');
  if (code === 'AGENT_NOT_FOUND') return t('tasks.errors.agentNotFound');
  if (code === 'DUPLICATE_SLOT') return t('tasks.errors.duplicateSlot');
  if (code === 'DATE_RANGE') return t('tasks.errors.dateRange');
  if (field === 'schedule' && code === 'TOO_BIG')
    return t('tasks.errors.tooManySlots', { max: MAX_SCHEDULE_SLOTS });
  if (/^schedule\.\d+\.(start|end)$/.test(field)) return t('tasks.errors.time');
  return fieldErrorText(t, field, code, value);
}
