import type { LicenceSummary } from '@ciao/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/checkbox-field';
import { DangerConfirmation } from '../../../components/danger-confirmation';
import { useLicenceMutations } from '../hooks/use-licences';

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
  const { revoke } = useLicenceMutations();
  const [revokeDevices, setRevokeDevices] = useState(true);
  return (
    <DangerConfirmation
      title={t('licences.revokeDialog.title', { hint: licence.codeHint })}
      explanation={t('licences.revokeDialog.explain')}
      confirmLabel={t('licences.revokeDialog.confirm')}
      operation={revoke}
      onConfirm={() =>
        revoke.mutate(
          { licenceId: licence.id, revokeDevices },
          {
            onSuccess: (answer) =>
              onDone({ revokedDevices: answer.revokedDevices, keptDevices: !revokeDevices }),
          },
        )
      }
      onCancel={() => onDone()}
    >
      <CheckboxField
        label={t('licences.revokeDialog.devicesToo', { count: licence.activeDevices })}
        hint={t('licences.revokeDialog.devicesTooHint')}
        checked={revokeDevices}
        onChange={(event) => setRevokeDevices(event.target.checked)}
      />
    </DangerConfirmation>
  );
}
