import type { LicenceSummary } from '@ciao/domain';
import { useTranslation } from 'react-i18next';
import { OneTimeSecret } from '../../../components/one-time-secret';

/** The new code, shown this once: a lost code cannot be shown again — a new one must be created. */
export function NewLicenceCode({
  code,
  licence,
  onClose,
}: {
  code: string;
  licence: LicenceSummary;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <OneTimeSecret
      title={t('licences.newCode.title', { label: licence.label ?? '' })}
      secret={code}
      secretClassName="text-3xl tracking-widest"
      testId="licence-code"
      texts={{
        onlyOnce: t('licences.newCode.onlyOnce'),
        howTo: t('licences.newCode.howTo'),
        copy: t('licences.newCode.copy'),
        copied: t('licences.newCode.copied'),
        copyFailed: t('licences.newCode.copyFailed'),
        done: t('licences.newCode.done'),
      }}
      onClose={onClose}
    />
  );
}
