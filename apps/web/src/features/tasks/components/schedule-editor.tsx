import { MAX_SCHEDULE_SLOTS } from '@ciao/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/select-field';
import { SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import type { FieldErrors } from '../../../lib/field-errors';
import {
  WEEKDAYS,
  addScheduleRow,
  canAddRow,
  crossesMidnight,
  removeScheduleRow,
  updateScheduleRow,
} from '../schedule-rows';
import type { ScheduleRow } from '../schedule-rows';
import { scheduleRowError, taskFieldErrorText } from '../task-form-values';

/**
 * The weekly schedule: one row per slot (weekday, start, end), added and removed freely. A slot
 * whose end is at or before its start runs past midnight, and the row says so.
 */
export function ScheduleEditor({
  rows,
  onChange,
  errors,
  disabled = false,
}: {
  rows: ScheduleRow[];
  onChange: (rows: ScheduleRow[]) => void;
  errors: FieldErrors;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const legendId = useId();
  const hintId = useId();
  const weekdayOptions = WEEKDAYS.map((day) => ({ value: String(day), label: t(`tasks.weekdays.${day}`) }));
  const listError = errors.schedule ? taskFieldErrorText(t, 'schedule', errors.schedule) : undefined;

  return (
    <fieldset aria-describedby={hintId} className="space-y-3 sm:col-span-2">
      <legend id={legendId} className="font-medium text-slate-800">
        {t('tasks.schedule.title')}
      </legend>
      <p id={hintId} className="text-sm text-slate-600">
        {t('tasks.schedule.hint', { max: MAX_SCHEDULE_SLOTS })}
      </p>
      {rows.length === 0 && <p className="text-slate-700">{t('tasks.schedule.empty')}</p>}
      <ol className="space-y-3">
        {rows.map((row, index) => {
          const error = scheduleRowError(errors, index);
          const overnight = crossesMidnight(row);
          const slotName = t('tasks.schedule.slot', { number: index + 1 });
          return (
            <li key={row.key}>
              <div
                role="group"
                aria-label={slotName}
                aria-describedby={error ? `${legendId}-${row.key}-error` : undefined}
                className={`grid grid-cols-2 items-end gap-3 rounded-md border p-3 sm:grid-cols-[1fr_8rem_8rem_auto] ${
                  error ? 'border-red-400' : 'border-slate-200'
                }`}
              >
                <SelectField
                  className="col-span-2 sm:col-span-1"
                  label={t('tasks.schedule.weekday')}
                  options={weekdayOptions}
                  value={row.weekday}
                  onChange={(event) =>
                    onChange(updateScheduleRow(rows, row.key, { weekday: event.target.value }))
                  }
                />
                <TextField
                  label={t('tasks.schedule.start')}
                  type="time"
                  required
                  value={row.start}
                  onChange={(event) =>
                    onChange(updateScheduleRow(rows, row.key, { start: event.target.value }))
                  }
                />
                <TextField
                  label={t('tasks.schedule.end')}
                  type="time"
                  required
                  value={row.end}
                  onChange={(event) =>
                    onChange(updateScheduleRow(rows, row.key, { end: event.target.value }))
                  }
                />
                {!disabled && (
                  <button
                    type="button"
                    className={`${SECONDARY_BUTTON} col-span-2 sm:col-span-1`}
                    aria-label={t('tasks.schedule.removeLabel', { slot: slotName })}
                    onClick={() => onChange(removeScheduleRow(rows, row.key))}
                  >
                    {t('tasks.schedule.remove')}
                  </button>
                )}
                {overnight && (
                  <p className="col-span-2 text-sm text-slate-700 sm:col-span-4">
                    {row.end === row.start ? t('tasks.schedule.fullDay') : t('tasks.schedule.overnight')}
                  </p>
                )}
                {error && (
                  <p
                    id={`${legendId}-${row.key}-error`}
                    className="col-span-2 text-sm font-medium text-red-800 sm:col-span-4"
                  >
                    {taskFieldErrorText(t, error[0], error[1])}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {listError && <p className="text-sm font-medium text-red-800">{listError}</p>}
      {!disabled && (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            className={SECONDARY_BUTTON}
            disabled={!canAddRow(rows)}
            onClick={() => onChange(addScheduleRow(rows))}
          >
            {t('tasks.schedule.add')}
          </button>
          {!canAddRow(rows) && (
            <p className="text-sm text-slate-700">{t('tasks.schedule.full', { max: MAX_SCHEDULE_SLOTS })}</p>
          )}
        </div>
      )}
    </fieldset>
  );
}
