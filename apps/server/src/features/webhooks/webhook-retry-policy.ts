/** How long ciao keeps trying one delivery before it is `failed`. */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 3_600_000;
/** A subscription whose every attempt failed for this long is paused and its administrators told. */
export const WEBHOOK_PAUSE_AFTER_FAILING_MS = 24 * 3_600_000;
/** A receiver that answers nothing within this is counted as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60_000;

/**
 * When to try again after the `attempts`-th failed attempt: 30 s, 1 min, 2 min… doubling up to an
 * hour, each wait drawn between half and all of its step (jitter: receivers that come back are not
 * hit by every sender at once). About 30 attempts in 24 hours.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const step = Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(step * (0.5 + random() * 0.5));
}

/**
 * The next attempt after a failure, or null when the delivery is given up: its retry window is over
 * (the next attempt would fall after `giveUpAt`).
 */
export function nextAttemptAfterFailure(
  attempts: number,
  now: Date,
  giveUpAt: Date,
  random: () => number = Math.random,
): Date | null {
  const next = new Date(now.getTime() + retryDelayMs(attempts, random));
  return next.getTime() > giveUpAt.getTime() ? null : next;
}

/**
 * Whether a failing subscription is paused: every attempt has failed for 24 hours, or a delivery was
 * just given up and nothing succeeded since its first attempt (its whole retry window failed).
 */
export function shouldPauseSubscription(
  failingSince: Date | null,
  now: Date,
  givenUp?: { firstAttemptAt: Date | null },
): boolean {
  if (failingSince === null) return false;
  if (now.getTime() - failingSince.getTime() >= WEBHOOK_PAUSE_AFTER_FAILING_MS) return true;
  return Boolean(givenUp?.firstAttemptAt && failingSince.getTime() <= givenUp.firstAttemptAt.getTime());
}
