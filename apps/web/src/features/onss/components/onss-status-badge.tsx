import type { OnssRegistrationStatus } from '@ciao/domain';
import { useTranslation } from 'react-i18next';

const STYLES: Record<OnssRegistrationStatus, string> = {
  to_send: 'border-slate-300 bg-slate-50 text-slate-900',
  sending: 'border-slate-300 bg-slate-50 text-slate-900',
  registered: 'border-sky-300 bg-sky-50 text-sky-900',
  validated: 'border-green-300 bg-green-50 text-green-900',
  refused: 'border-red-300 bg-red-50 text-red-900',
  send_failing: 'border-amber-300 bg-amber-50 text-amber-900',
  needs_attention: 'border-red-300 bg-red-50 text-red-900',
  not_applicable: 'border-slate-300 bg-white text-slate-700',
  cancelled: 'border-slate-300 bg-white text-slate-700',
};

const BADGE = 'inline-block rounded-full border px-2 py-0.5 text-sm font-medium';

/** A registration's ONSS status in words (colour is only a help), and "late" when it is. */
export function OnssStatusBadge({ status, late }: { status: OnssRegistrationStatus; late?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`${BADGE} ${STYLES[status]}`}>{t(`onss.status.${status}`)}</span>
      {late && (
        <span className={`${BADGE} border-amber-400 bg-amber-100 text-amber-950`}>{t('onss.late')}</span>
      )}
    </span>
  );
}
