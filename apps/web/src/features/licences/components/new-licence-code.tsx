import type { LicenceSummary } from '@ciao/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECONDARY_BUTTON } from '../../../components/text-field';

/**
 * The new code, shown this once: only its hash is kept, so a lost code cannot be shown again —
 * a new one must be created.
 */
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
  const headingId = useId();
  const [copied, setCopied] = useState<boolean>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (no HTTPS, browser setting): the code stays selectable.
      setCopied(false);
    }
  };
  return (
    <section
      aria-labelledby={headingId}
      role="alert"
      className="space-y-3 rounded-lg border-2 border-brand-700 bg-brand-50 p-5"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('licences.newCode.title', { label: licence.label ?? '' })}
      </h2>
      <p
        className="font-mono text-3xl font-bold tracking-widest text-slate-900 select-all"
        data-testid="licence-code"
      >
        {code}
      </p>
      <p className="max-w-prose text-slate-800">{t('licences.newCode.onlyOnce')}</p>
      <p className="max-w-prose text-slate-800">{t('licences.newCode.howTo')}</p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={SECONDARY_BUTTON} onClick={() => void copy()}>
          {t('licences.newCode.copy')}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
          {t('licences.newCode.done')}
        </button>
        <span aria-live="polite" className="text-sm text-slate-700">
          {copied === true && t('licences.newCode.copied')}
          {copied === false && t('licences.newCode.copyFailed')}
        </span>
      </div>
    </section>
  );
}
