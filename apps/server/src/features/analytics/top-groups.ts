import type { AnalyticsHoursGroup } from '@ciao/domain';

export interface WeeklyFigure {
  week: string;
  id: string;
  name: string;
  seconds: number;
}

/**
 * Folds weekly figures into chart groups: one row per group with a figure per week of `weeks`, the
 * `top` biggest totals named (ties by name, so the order is stable), the rest added up as one
 * "others" group at the end. A single remaining group keeps its name: "others" for one is a riddle.
 *
 * @example
 * topGroups([{ week: '2026-11-02', id: 'a', name: 'A', seconds: 60 }], ['2026-11-02'], 5);
 * // [{ id: 'a', name: 'A', others: false, totalSeconds: 60, seconds: [60] }]
 */
export function topGroups(
  figures: readonly WeeklyFigure[],
  weeks: readonly string[],
  top: number,
): AnalyticsHoursGroup[] {
  const index = new Map(weeks.map((week, position) => [week, position]));
  const groups = new Map<string, AnalyticsHoursGroup>();
  for (const figure of figures) {
    const position = index.get(figure.week);
    if (position === undefined) continue;
    let group = groups.get(figure.id);
    if (!group) {
      group = {
        id: figure.id,
        name: figure.name,
        others: false,
        totalSeconds: 0,
        seconds: weeks.map(() => 0),
      };
      groups.set(figure.id, group);
    }
    group.seconds[position]! += figure.seconds;
    group.totalSeconds += figure.seconds;
  }
  const ranked = [...groups.values()].sort(
    (a, b) => b.totalSeconds - a.totalSeconds || a.name.localeCompare(b.name) || a.id!.localeCompare(b.id!),
  );
  if (ranked.length <= top + 1) return ranked;
  const rest = ranked.slice(top);
  const others: AnalyticsHoursGroup = {
    id: null,
    name: '',
    others: true,
    totalSeconds: rest.reduce((sum, group) => sum + group.totalSeconds, 0),
    seconds: weeks.map((_, position) => rest.reduce((sum, group) => sum + group.seconds[position]!, 0)),
  };
  return [...ranked.slice(0, top), others];
}
