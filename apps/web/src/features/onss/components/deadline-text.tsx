import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { brusselsDate } from '../../../lib/brussels-day';
import { daysLeft, deadlineUrgency } from '../correction-deadline';

const STYLES = {
  overdue: 'font-semibold text-red-800',
  soon: 'font-semibold text-amber-900',
  later: 'text-slate-700',
} as const;

/** "12 days left", "last day", or "overdue by 3 days" in red: ONSS allows 30 days to correct. */
export function DeadlineText({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  // Today as the page opened: a deadline does not move while someone reads it.
  const [today] = useState(() => brusselsDate(Date.now()));
  const left = daysLeft(deadline, today);
  const urgency = deadlineUrgency(left);
  let text;
  if (left < 0) text = t('onss.corrections.overdue', { count: -left });
  else if (left === 0) text = t('onss.corrections.lastDay');
  else text = t('onss.corrections.daysLeft', { count: left });
  return <span className={STYLES[urgency]}>{text}</span>;
}
