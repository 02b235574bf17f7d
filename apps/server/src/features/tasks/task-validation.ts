import { DomainError, type FieldError, type ScheduleSlotInput } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { findSite } from '../sites/site-repository.js';
import { findTaskGroup } from '../task-groups/task-group-repository.js';

/**
 * Checks a task's references and rules as the task will be, listing every bad field at once: the
 * site and group must be the company's own, a slot may not be given twice (the same weekday and
 * times would plan the same work twice), and the validity ends on or after it starts.
 */
export async function checkTaskFields(
  db: Db,
  tenantId: string,
  given: { siteId?: string; groupId?: string | null; schedule?: ScheduleSlotInput[] },
  dates: { validFrom: string | null; validUntil: string | null },
) {
  const errors: FieldError[] = [];
  if (given.siteId !== undefined && !(await findSite(db, tenantId, given.siteId)))
    errors.push({ path: 'siteId', code: 'SITE_NOT_FOUND', message: 'is not a site of this company' });
  if (given.groupId && !(await findTaskGroup(db, tenantId, given.groupId)))
    errors.push({
      path: 'groupId',
      code: 'TASK_GROUP_NOT_FOUND',
      message: 'is not a task group of this company',
    });
  const seen = new Set<string>();
  given.schedule?.forEach((slot, index) => {
    const key = `${slot.weekday} ${slot.start} ${slot.end}`;
    if (seen.has(key))
      errors.push({
        path: `schedule.${index}`,
        code: 'DUPLICATE_SLOT',
        message: 'is the same slot as an earlier one',
      });
    seen.add(key);
  });
  if (dates.validFrom && dates.validUntil && dates.validUntil < dates.validFrom)
    errors.push({ path: 'validUntil', code: 'DATE_RANGE', message: 'must be on or after the start date' });
  if (errors.length > 0)
    throw new DomainError('VALIDATION_FAILED', 'Some fields are invalid: fix them and send the form again.', {
      fieldErrors: errors,
    });
}
