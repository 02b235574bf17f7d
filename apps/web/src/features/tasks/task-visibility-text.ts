import type { TaskVisibilityReasonCode } from '@ciao/domain';

/** The reasons that refer to a date (the agent's or the task's start or end). */
const datedReasons = ['AGENT_NOT_STARTED', 'AGENT_ENDED', 'TASK_NOT_STARTED', 'TASK_ENDED'] as const;
type DatedReason = (typeof datedReasons)[number];

const isDated = (code: TaskVisibilityReasonCode): code is DatedReason =>
  (datedReasons as readonly string[]).includes(code);

export type VisibilityReasonKey =
  `tasks.visibility.reasons.${TaskVisibilityReasonCode}` | `tasks.visibility.undated.${DatedReason}`;

type Translate = (key: VisibilityReasonKey, options?: Record<string, unknown>) => string;

/**
 * The sentence for one reason, saying what the manager should change: a dated reason names its
 * date (formatted by `formatDay`), and falls back on an undated sentence when the server gave none.
 * Example: `AGENT_NOT_LINKED` -> "L'agent n'est pas lié à cette tâche : ajoutez-le dans « Agents liés »."
 */
export function visibilityReasonText(
  t: Translate,
  reason: { code: TaskVisibilityReasonCode; date: string | null },
  formatDay: (isoDate: string) => string,
): string {
  if (isDated(reason.code)) {
    if (reason.date) return t(`tasks.visibility.reasons.${reason.code}`, { date: formatDay(reason.date) });
    return t(`tasks.visibility.undated.${reason.code}`);
  }
  return t(`tasks.visibility.reasons.${reason.code}`);
}
