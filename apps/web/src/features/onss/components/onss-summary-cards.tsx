import type { OnssRegistrationSummary } from '@ciao/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Waiting for ONSS one way or another: not sent yet, being sent, failing, or registered unvalidated. */
const pendingStatuses = ['to_send', 'sending', 'send_failing', 'registered'];

/** The counts at the top of the tracking screen; the alarming ones stand out only when not zero. */
export function OnssSummaryCards({ summary }: { summary: OnssRegistrationSummary }) {
  const { t } = useTranslation();
  const headingId = useId();
  const pending = pendingStatuses.reduce((sum, status) => sum + (summary.byStatus[status] ?? 0), 0);
  const cards = [
    { key: 'total', label: t('onss.summary.total'), value: summary.total, alarm: false },
    {
      key: 'validated',
      label: t('onss.summary.validated'),
      value: summary.byStatus.validated ?? 0,
      alarm: false,
    },
    { key: 'pending', label: t('onss.summary.pending'), value: pending, alarm: false },
    { key: 'refused', label: t('onss.summary.refused'), value: summary.refused, alarm: summary.refused > 0 },
    { key: 'late', label: t('onss.summary.late'), value: summary.late, alarm: summary.late > 0 },
    {
      key: 'attention',
      label: t('onss.summary.needsAttention'),
      value: summary.needsAttention,
      alarm: summary.needsAttention > 0,
    },
    {
      key: 'toCheck',
      label: t('onss.summary.toCheck'),
      value: summary.byFollowUpStatus.to_check ?? 0,
      alarm: false,
    },
  ];
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="sr-only">
        {t('onss.summary.title')}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {cards.map((card) => (
          <div
            key={card.key}
            className={`rounded-lg border p-3 shadow-sm ${card.alarm ? 'border-red-300 bg-red-50' : 'border-slate-200 bg-white'}`}
          >
            <dt className="text-sm text-slate-700">{card.label}</dt>
            <dd className={`text-2xl font-bold ${card.alarm ? 'text-red-800' : 'text-slate-900'}`}>
              {card.value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
