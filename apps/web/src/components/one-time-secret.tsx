import { useId, useState } from 'react';
import { SECONDARY_BUTTON } from './text-field';

/**
 * A secret shown this once (a licence code, an API key): only its hash is kept, so a lost one cannot
 * be shown again. Copy button, with a fallback message when the browser refuses the clipboard.
 */
export function OneTimeSecret({
  title,
  secret,
  secretClassName,
  testId,
  texts,
  onClose,
}: {
  title: string;
  secret: string;
  secretClassName: string;
  testId: string;
  texts: { onlyOnce: string; howTo: string; copy: string; copied: string; copyFailed: string; done: string };
  onClose: () => void;
}) {
  const headingId = useId();
  const [copied, setCopied] = useState<boolean>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (no HTTPS, browser setting): the secret stays selectable.
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
        {title}
      </h2>
      <p className={`font-mono font-bold text-slate-900 select-all ${secretClassName}`} data-testid={testId}>
        {secret}
      </p>
      <p className="max-w-prose text-slate-800">{texts.onlyOnce}</p>
      <p className="max-w-prose text-slate-800">{texts.howTo}</p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={SECONDARY_BUTTON} onClick={() => void copy()}>
          {texts.copy}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
          {texts.done}
        </button>
        <span aria-live="polite" className="text-sm text-slate-700">
          {copied === true && texts.copied}
          {copied === false && texts.copyFailed}
        </span>
      </div>
    </section>
  );
}
