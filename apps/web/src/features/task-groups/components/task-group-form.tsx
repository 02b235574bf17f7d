import { createTaskGroupRequest, updateTaskGroupRequest } from '@ciao/domain';
import type { TaskGroupView } from '@ciao/domain';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/checkbox-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { fieldErrorText, serverFieldErrors, zodFieldErrors } from '../../../lib/field-errors';
import type { FieldErrors } from '../../../lib/field-errors';
import { OperationError } from '../../users/components/operation-error';
import { useTaskGroupMutations } from '../hooks/use-task-groups';
import { EMPTY_TASK_GROUP, taskGroupRequestBody, taskGroupToForm } from '../task-group-form-values';
import type { TaskGroupFormValues } from '../task-group-form-values';

/** Creating a task group (no `group`) or editing one, checked with the shared contract first. */
export function TaskGroupForm({
  group,
  onDone,
}: {
  group?: TaskGroupView;
  onDone: (saved?: TaskGroupView) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { create, update } = useTaskGroupMutations();
  const initial = group ? taskGroupToForm(group) : undefined;
  const [values, setValues] = useState<TaskGroupFormValues>(initial ?? EMPTY_TASK_GROUP);
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = group ? update : create;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = taskGroupRequestBody(values, initial);
    const onError = (error: Error) => {
      if (error instanceof ApiError) setErrors(serverFieldErrors(error));
    };
    if (group) {
      const parsed = updateTaskGroupRequest.safeParse(body);
      if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
      setErrors({});
      if (Object.keys(parsed.data).length === 0) return onDone(group);
      update.mutate({ taskGroupId: group.id, body: parsed.data }, { onSuccess: onDone, onError });
    } else {
      const parsed = createTaskGroupRequest.safeParse(body);
      if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
      setErrors({});
      create.mutate(parsed.data, { onSuccess: onDone, onError });
    }
  };

  const errorOf = (name: 'name' | 'description') =>
    errors[name] ? fieldErrorText(t, name, errors[name], values[name]) : undefined;
  const hasFieldErrors = Object.keys(errors).length > 0;

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {group ? t('taskGroups.form.editTitle', { name: group.name }) : t('taskGroups.form.newTitle')}
      </h2>
      {mutation.isError && !hasFieldErrors && <OperationError error={mutation.error} />}
      <form noValidate onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('taskGroups.form.name')}
          hint={t('taskGroups.form.nameHint')}
          autoComplete="off"
          required
          name="name"
          value={values.name}
          error={errorOf('name')}
          onChange={(event) => setValues({ ...values, name: event.target.value })}
        />
        <TextField
          label={t('taskGroups.form.description')}
          autoComplete="off"
          name="description"
          value={values.description}
          error={errorOf('description')}
          onChange={(event) => setValues({ ...values, description: event.target.value })}
        />
        <CheckboxField
          className="sm:col-span-2"
          label={t('taskGroups.form.active')}
          hint={t('taskGroups.form.activeHint')}
          checked={values.active}
          onChange={(event) => setValues({ ...values, active: event.target.checked })}
        />
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <button type="submit" disabled={mutation.isPending} className={PRIMARY_BUTTON}>
            {mutation.isPending ? t('list.saving') : group ? t('list.save') : t('taskGroups.form.create')}
          </button>
          <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone()}>
            {t('list.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
