import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { brusselsInputValue, brusselsInstant } from '../../../lib/local-dates';
import type { WorkSessionView } from '../api/timesheets-api';
import { useCorrectWorkSession } from '../hooks/use-timesheets';
import { RequestErrorMessage } from '@ciao/front-common';

type Field = 'startedAt' | 'endedAt' | 'breakMinutes' | 'reason';

/**
 * A manager's correction of one session: start, end, break minutes and the reason (required,
 * kept with the manager's name in the audit trail). Nothing goes to ONSS.
 */
export function CorrectionForm({
  session,
  onDone,
}: {
  session: WorkSessionView;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const current = session.correction;
  const start = current?.startedAt ?? session.startedAt;
  const end = current?.endedAt ?? session.endedAt;
  const breakSeconds = current?.breakSeconds ?? session.breakSeconds;
  const [initial] = useState(() => ({
    startedAt: brusselsInputValue(new Date(start)),
    endedAt: end ? brusselsInputValue(new Date(end)) : '',
    breakMinutes: String(Math.round(breakSeconds / 60)),
  }));
  const [startedAt, setStartedAt] = useState(initial.startedAt);
  const [endedAt, setEndedAt] = useState(initial.endedAt);
  const [breakMinutes, setBreakMinutes] = useState(initial.breakMinutes);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const correct = useCorrectWorkSession(session.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const startInstant = brusselsInstant(startedAt);
    const endInstant = endedAt ? brusselsInstant(endedAt) : undefined;
    const minutes = Number(breakMinutes);
    if (!startInstant) found.startedAt = t('timesheets.correction.errors.time');
    if (!endInstant) found.endedAt = t('timesheets.correction.errors.endRequired');
    else if (startInstant && endInstant <= startInstant)
      found.endedAt = t('timesheets.correction.errors.endBeforeStart');
    if (breakMinutes.trim() === '' || !Number.isInteger(minutes) || minutes < 0)
      found.breakMinutes = t('timesheets.correction.errors.breakMinutes');
    if (reason.trim().length < 5) found.reason = t('timesheets.correction.errors.reason');
    setErrors(found);
    if (Object.keys(found).length > 0 || !startInstant || !endInstant) return;
    correct.mutate(
      {
        startedAt: startInstant.toISOString(),
        endedAt: endInstant.toISOString(),
        breakMinutes: minutes,
        reason: reason.trim(),
      },
      {
        onSuccess: () => onDone(true),
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          const server: Partial<Record<Field, string>> = {};
          for (const field of error.problem?.errors ?? []) {
            const path = field.path as Field;
            server[path] = t(`timesheets.correction.serverErrors.${field.code}`, {
              defaultValue: t('timesheets.correction.errors.invalid'),
            });
          }
          setErrors(server);
        },
      },
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t('timesheets.correction.title')}
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3"
    >
      <p className="font-semibold text-slate-900">{t('timesheets.correction.title')}</p>
      <p className="text-sm text-slate-700">{t('timesheets.correction.hint')}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          type="datetime-local"
          label={t('timesheets.correction.startedAt')}
          value={startedAt}
          onChange={(event) => setStartedAt(event.target.value)}
          error={errors.startedAt}
        />
        <TextField
          type="datetime-local"
          label={t('timesheets.correction.endedAt')}
          value={endedAt}
          onChange={(event) => setEndedAt(event.target.value)}
          error={errors.endedAt}
        />
        <TextField
          type="number"
          min={0}
          inputMode="numeric"
          label={t('timesheets.correction.breakMinutes')}
          value={breakMinutes}
          onChange={(event) => setBreakMinutes(event.target.value)}
          error={errors.breakMinutes}
        />
      </div>
      <TextField
        label={t('timesheets.correction.reason')}
        hint={t('timesheets.correction.reasonHint')}
        value={reason}
        required
        maxLength={1000}
        onChange={(event) => setReason(event.target.value)}
        error={errors.reason}
      />
      {correct.isError && !(correct.error instanceof ApiError && correct.error.problem?.errors.length) && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <RequestErrorMessage error={correct.error} />
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={PRIMARY_BUTTON} disabled={correct.isPending}>
          {t('timesheets.correction.save')}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone(false)}>
          {t('timesheets.correction.cancel')}
        </button>
      </div>
    </form>
  );
}
