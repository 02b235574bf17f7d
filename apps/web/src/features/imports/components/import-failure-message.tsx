import { IMPORT_MAX_BYTES } from '@ciao/domain';
import { useTranslation } from 'react-i18next';
import { OperationError } from '../../users/components/operation-error';
import type { ImportFailure } from '../import-problems';
import { mebibytes } from '../import-file';

/** Why the whole file was refused, in words; a report refused on apply is shown by the report panel. */
export function ImportFailureMessage({ failure }: { failure: Exclude<ImportFailure, { kind: 'report' }> }) {
  const { t, i18n } = useTranslation();
  // Anything the import does not explain itself (network, session, server) gets the shared wording.
  if (failure.kind === 'other') return <OperationError error={failure.error} />;
  let text: string;
  if (failure.kind === 'malformed')
    text =
      failure.line === undefined
        ? t('imports.failures.malformed')
        : t('imports.failures.malformedAt', { line: failure.line });
  else if (failure.kind === 'tooManyRows')
    text = t('imports.failures.tooManyRows', {
      rows: (failure.rowCount ?? 0).toLocaleString(i18n.language),
      max: failure.maxRows.toLocaleString(i18n.language),
    });
  else if (failure.kind === 'tooLarge')
    text = t('imports.failures.tooLarge', { max: mebibytes(IMPORT_MAX_BYTES) });
  else text = t('imports.failures.forbidden');
  return (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
      {text}
    </p>
  );
}
