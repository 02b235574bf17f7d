import { createTaskRequest, updateTaskRequest } from '@ciao/domain';
import type { TaskView } from '@ciao/domain';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/checkbox-field';
import { SearchCombobox } from '../../../components/search-combobox';
import { SelectField } from '../../../components/select-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { serverFieldErrors, zodFieldErrors } from '../../../lib/field-errors';
import type { FieldErrors } from '../../../lib/field-errors';
import { OperationError } from '../../users/components/operation-error';
import { searchSites } from '../api/tasks-api';
import { useTaskGroupChoices, useTaskMutations } from '../hooks/use-tasks';
import {
  EMPTY_TASK,
  taskFieldErrorText,
  taskRequestBody,
  taskRuleErrors,
  taskToForm,
} from '../task-form-values';
import type { TaskFormValues } from '../task-form-values';
import { ScheduleEditor } from './schedule-editor';

type TextKey = 'name' | 'description' | 'validFrom' | 'validUntil';

/**
 * Creating a task (no `task`) or editing one: site, group, name, schedule and validity, checked
 * here with the shared contract and the task rules, then by the server, whose reasons show at the
 * field (a schedule's at its row). `readOnly` shows the task to roles that may not change it.
 */
export function TaskForm({
  task,
  readOnly = false,
  onDone,
}: {
  task?: TaskView;
  readOnly?: boolean;
  onDone: (saved?: TaskView) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const groups = useTaskGroupChoices();
  const { create, update } = useTaskMutations();
  const [initial] = useState(() => (task ? taskToForm(task) : undefined));
  const [values, setValues] = useState<TaskFormValues>(initial ?? EMPTY_TASK);
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = task ? update : create;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = taskRequestBody(values, initial);
    const onError = (error: Error) => {
      if (error instanceof ApiError) setErrors(serverFieldErrors(error));
    };
    const parsed = task ? updateTaskRequest.safeParse(body) : createTaskRequest.safeParse(body);
    const found = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...taskRuleErrors(values) };
    if (!parsed.success || Object.keys(found).length > 0) return setErrors(found);
    setErrors({});
    if (task) {
      if (Object.keys(parsed.data).length === 0) return onDone(task);
      update.mutate({ taskId: task.id, body: parsed.data }, { onSuccess: onDone, onError });
    } else {
      create.mutate(createTaskRequest.parse(body), { onSuccess: onDone, onError });
    }
  };

  const errorOf = (name: string, value?: string) =>
    errors[name] ? taskFieldErrorText(t, name, errors[name], value) : undefined;
  const field = (name: TextKey) => ({
    name,
    value: values[name],
    error: errorOf(name, values[name]),
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });

  const groupOptions = [
    { value: '', label: t('tasks.form.noGroup') },
    ...(groups.data?.items ?? [])
      .filter((group) => group.active || group.id === values.groupId)
      .map((group) => ({ value: group.id, label: group.name })),
  ];
  if (task?.groupId && !groupOptions.some((option) => option.value === task.groupId)) {
    groupOptions.push({ value: task.groupId, label: task.groupName ?? '' });
  }
  const hasFieldErrors = Object.keys(errors).length > 0;
  const title = !task
    ? t('tasks.form.newTitle')
    : readOnly
      ? t('tasks.form.viewTitle', { name: task.name })
      : t('tasks.form.editTitle', { name: task.name });

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {task && (
        <p className="mt-1 text-slate-700">
          {t('tasks.form.siteOf', { site: task.siteName, client: task.clientName })}
        </p>
      )}
      {mutation.isError && !hasFieldErrors && <OperationError error={mutation.error} />}
      {hasFieldErrors && (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {t('tasks.form.fixErrors')}
        </p>
      )}
      <form noValidate onSubmit={submit} className="mt-4">
        <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
          <SearchCombobox
            label={t('tasks.form.site')}
            hint={t('tasks.form.siteHint')}
            error={errorOf('siteId')}
            queryKey={['sites', 'active']}
            search={async (q, signal) =>
              (await searchSites({ q, active: true, pageSize: 20 }, signal)).items.map((site) => ({
                id: site.id,
                label: site.name,
                detail: site.clientName,
              }))
            }
            selectedLabel={values.siteLabel}
            onPick={(site) =>
              setValues((current) => ({ ...current, siteId: site.id, siteLabel: site.label }))
            }
            noResults={t('tasks.form.noSites')}
            searching={t('list.loading')}
            disabled={readOnly}
          />
          <SelectField
            label={t('tasks.form.group')}
            options={groupOptions}
            value={values.groupId}
            error={errorOf('groupId')}
            onChange={(event) => setValues({ ...values, groupId: event.target.value })}
          />
          <TextField label={t('tasks.form.name')} autoComplete="off" required {...field('name')} />
          <TextField label={t('tasks.form.description')} autoComplete="off" {...field('description')} />
          <TextField
            label={t('tasks.form.validFrom')}
            hint={t('tasks.form.validFromHint')}
            type="date"
            {...field('validFrom')}
          />
          <TextField
            label={t('tasks.form.validUntil')}
            hint={t('tasks.form.validUntilHint')}
            type="date"
            {...field('validUntil')}
          />
          <ScheduleEditor
            rows={values.schedule}
            errors={errors}
            disabled={readOnly}
            onChange={(schedule) => setValues((current) => ({ ...current, schedule }))}
          />
          <CheckboxField
            className="sm:col-span-2"
            label={t('tasks.form.active')}
            hint={t('tasks.form.activeHint')}
            checked={values.active}
            onChange={(event) => setValues({ ...values, active: event.target.checked })}
          />
        </fieldset>
        <div className="mt-4 flex flex-wrap gap-3">
          {!readOnly && (
            <button type="submit" disabled={mutation.isPending} className={PRIMARY_BUTTON}>
              {mutation.isPending ? t('list.saving') : task ? t('list.save') : t('tasks.form.create')}
            </button>
          )}
          <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone()}>
            {readOnly ? t('tasks.form.close') : t('list.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
