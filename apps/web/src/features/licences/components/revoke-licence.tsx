import type { LicenceSummary } from '@ciao/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/checkbox-field';
import { SECONDARY_BUTTON } from '../../../components/text-field';
import { OperationError } from '../../users/components/operation-error';
import { useLicenceMutations } from '../hooks/use-licences';

export const DANGER_BUTTON =
  'inline-flex min-h-11 items-center justify-center rounded-md bg-red-700 px-4 font-semibold text-white hover:bg-red-800 disabled:cursor-wait disabled:opacity-70';

/**
 * Revoking a code cannot be undone. A leaked code is revoked without signing its phones out when
 * the manager chooses so: agents keep registering while a new code is handed out.
 */
export function RevokeLicence({
  licence,
  onDone,
}: {
  licence: LicenceSummary;
  /** With what was done, or nothing when cancelled. */
  onDone: (revoked?: { revokedDevices: number; keptDevices: boolean }) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { revoke } = useLicenceMutations();
  const [revokeDevices, setRevokeDevices] = useState(true);
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border-2 border-red-300 bg-white p-5"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('licences.revokeDialog.title', { hint: licence.codeHint })}
      </h2>
      <p className="max-w-prose text-slate-800">{t('licences.revokeDialog.explain')}</p>
      <CheckboxField
        label={t('licences.revokeDialog.devicesToo', { count: licence.activeDevices })}
        hint={t('licences.revokeDialog.devicesTooHint')}
        checked={revokeDevices}
        onChange={(event) => setRevokeDevices(event.target.checked)}
      />
      {revoke.isError && <OperationError error={revoke.error} />}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={DANGER_BUTTON}
          disabled={revoke.isPending}
          onClick={() =>
            revoke.mutate(
              { licenceId: licence.id, revokeDevices },
              {
                onSuccess: (answer) =>
                  onDone({ revokedDevices: answer.revokedDevices, keptDevices: !revokeDevices }),
              },
            )
          }
        >
          {t('licences.revokeDialog.confirm')}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone()}>
          {t('list.cancel')}
        </button>
      </div>
    </section>
  );
}
