import { useTranslation } from 'react-i18next';

const STYLES = {
  active: 'border-green-300 bg-green-50 text-green-900',
  paused: 'border-amber-300 bg-amber-50 text-amber-900',
  pending: 'border-slate-300 bg-slate-50 text-slate-900',
  delivered: 'border-green-300 bg-green-50 text-green-900',
  failed: 'border-red-300 bg-red-50 text-red-900',
} as const;

/** A subscription's or a delivery's state, in words (colour is only a help). */
export function WebhookStatusBadge({ status }: { status: keyof typeof STYLES }) {
  const { t } = useTranslation();
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-sm font-medium ${STYLES[status]}`}>
      {t(`webhooks.status.${status}`)}
    </span>
  );
}
