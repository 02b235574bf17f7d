import type { ApiKeySummary } from '@ciao/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECONDARY_BUTTON } from '../../../components/text-field';

/**
 * The new key, shown this once: only its hash is kept, so a lost key cannot be shown again — it is
 * revoked and replaced.
 */
export function NewApiKey({
  apiKey,
  secret,
  onClose,
}: {
  apiKey: ApiKeySummary;
  secret: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [copied, setCopied] = useState<boolean>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (no HTTPS, browser setting): the key stays selectable.
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
        {t('apiKeys.newKey.title', { name: apiKey.name })}
      </h2>
      <p
        className="font-mono text-lg font-bold break-all text-slate-900 select-all"
        data-testid="api-key-secret"
      >
        {secret}
      </p>
      <p className="max-w-prose text-slate-800">{t('apiKeys.newKey.onlyOnce')}</p>
      <p className="max-w-prose text-slate-800">{t('apiKeys.newKey.howTo')}</p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={SECONDARY_BUTTON} onClick={() => void copy()}>
          {t('apiKeys.newKey.copy')}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
          {t('apiKeys.newKey.done')}
        </button>
        <span aria-live="polite" className="text-sm text-slate-700">
          {copied === true && t('apiKeys.newKey.copied')}
          {copied === false && t('apiKeys.newKey.copyFailed')}
        </span>
      </div>
    </section>
  );
}
