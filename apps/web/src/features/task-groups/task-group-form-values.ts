import type { TaskGroupView } from '@ciao/domain';

/** The task group form as typed. */
export interface TaskGroupFormValues {
  name: string;
  description: string;
  active: boolean;
}

export const EMPTY_TASK_GROUP: TaskGroupFormValues = { name: '', description: '', active: true };

/** The form's values for a group being edited. */
export function taskGroupToForm(group: TaskGroupView): TaskGroupFormValues {
  return { name: group.name, description: group.description ?? '', active: group.active };
}

/**
 * The request body for the form's values, for the shared contract to check: every field on
 * creation, only the changed ones on edition (against `initial`). A blank description is sent as
 * text and becomes `null` in the contract.
 * Example: `taskGroupRequestBody({ ...initial, active: false }, initial)` -> `{ active: false }`.
 */
export function taskGroupRequestBody(
  values: TaskGroupFormValues,
  initial?: TaskGroupFormValues,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: values.name,
    description: values.description,
    active: values.active,
  };
  if (!initial) return body;
  const changed: Record<string, unknown> = {};
  if (values.name.trim() !== initial.name.trim()) changed.name = values.name;
  if (values.description.trim() !== initial.description.trim()) changed.description = values.description;
  if (values.active !== initial.active) changed.active = values.active;
  return changed;
}
