import type { ScheduleSlotInput } from '@ciao/domain';
import { useTranslation } from 'react-i18next';
import { scheduleSummary } from '../schedule-rows';

/** A schedule in a few words for the list: "lun.–ven. 06:00–09:00". */
export function ScheduleSummary({ schedule }: { schedule: readonly ScheduleSlotInput[] }) {
  const { t } = useTranslation();
  const lines = scheduleSummary(schedule);
  if (lines.length === 0) return <span className="text-slate-600">{t('tasks.schedule.none')}</span>;
  return (
    <ul className="space-y-0.5">
      {lines.map((line) => {
        const days = line.dayRuns
          .map(([from, to]) =>
            from === to
              ? t(`tasks.weekdaysShort.${from}`)
              : `${t(`tasks.weekdaysShort.${from}`)}–${t(`tasks.weekdaysShort.${to}`)}`,
          )
          .join(', ');
        return (
          <li key={`${line.start}-${line.end}`} className="whitespace-nowrap">
            {days} {line.start}–{line.end}
            {line.crossesMidnight && (
              <>
                {' '}
                <abbr title={t('tasks.schedule.overnight')}>{t('tasks.schedule.nextDayShort')}</abbr>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
